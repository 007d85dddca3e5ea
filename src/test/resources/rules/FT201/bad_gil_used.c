/* Says outright that it needs the GIL. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyModuleDef_Slot needs_slots[] = {  // expect: FT201
    {Py_mod_gil, Py_MOD_GIL_USED},
    {0, NULL}
};

static struct PyModuleDef needs_def = {
    PyModuleDef_HEAD_INIT, "_needs", NULL, 0, NULL, needs_slots,
};

PyMODINIT_FUNC
PyInit__needs(void)
{
    return PyModuleDef_Init(&needs_def);
}
