/* A multi-phase module that never says it can run without the GIL. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static int
speedups_exec(PyObject *module)
{
    return PyModule_AddIntConstant(module, "answer", 42);
}

static PyModuleDef_Slot speedups_slots[] = {  // expect: FT201
    {Py_mod_exec, speedups_exec},
    {0, NULL}
};

static struct PyModuleDef speedups_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_speedups",
    .m_size = 0,
    .m_slots = speedups_slots,
};

PyMODINIT_FUNC
PyInit__speedups(void)
{
    return PyModuleDef_Init(&speedups_def);
}
