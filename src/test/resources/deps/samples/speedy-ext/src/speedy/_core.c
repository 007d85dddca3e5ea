#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
fast(PyObject *self, PyObject *arg)
{
    return Py_NewRef(arg);
}

static PyMethodDef core_methods[] = {
    {"fast", fast, METH_O, "Return the argument."},
    {NULL, NULL, 0, NULL}
};

static PyModuleDef_Slot core_slots[] = {
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL}
};

static struct PyModuleDef core_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "speedy._core",
    .m_methods = core_methods,
    .m_slots = core_slots,
};

PyMODINIT_FUNC
PyInit__core(void)
{
    return PyModuleDef_Init(&core_module);
}
