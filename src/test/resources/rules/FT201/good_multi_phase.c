/* The slot is guarded by a version check, as CPython's HOWTO shows: still a declaration. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static int
speedups_exec(PyObject *module)
{
    return PyModule_AddIntConstant(module, "answer", 42);
}

static PyModuleDef_Slot speedups_slots[] = {
    {Py_mod_exec, speedups_exec},
#if PY_VERSION_HEX >= 0x030D0000
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, NULL}
};

static struct PyModuleDef speedups_def = {
    PyModuleDef_HEAD_INIT,
    "_speedups",
    "Fast helpers.",
    0,
    NULL,
    speedups_slots,
};

PyMODINIT_FUNC
PyInit__speedups(void)
{
    return PyModuleDef_Init(&speedups_def);
}
