#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
checksum(PyObject *self, PyObject *args)
{
    const char *data;
    Py_ssize_t len;
    if (!PyArg_ParseTuple(args, "y#", &data, &len)) {
        return NULL;
    }
    unsigned long sum = 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        sum = sum * 31 + (unsigned char)data[i];
    }
    return PyLong_FromUnsignedLong(sum);
}

static PyMethodDef native_methods[] = {
    {"checksum", checksum, METH_VARARGS, "A rolling checksum of bytes."},
    {NULL, NULL, 0, NULL}
};

static PyModuleDef_Slot native_slots[] = {
    {0, NULL}
};

static struct PyModuleDef native_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "oldfast._native",
    .m_methods = native_methods,
    .m_slots = native_slots,
};

PyMODINIT_FUNC
PyInit__native(void)
{
    return PyModuleDef_Init(&native_module);
}
