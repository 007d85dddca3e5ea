/* Declared only when the project's own macro is set: free-threaded builds may not set it. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyModuleDef_Slot opt_slots[] = {  // expect: FT201
#ifdef MYLIB_ENABLE_FREE_THREADING
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, NULL}
};

static struct PyModuleDef opt_def = {
    PyModuleDef_HEAD_INIT, "_opt", NULL, 0, NULL, opt_slots,
};

PyMODINIT_FUNC
PyInit__opt(void)
{
    return PyModuleDef_Init(&opt_def);
}
