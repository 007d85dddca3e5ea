#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
crc8(PyObject *self, PyObject *args)
{
    Py_buffer buf;
    unsigned char crc = 0;
    if (!PyArg_ParseTuple(args, "y*", &buf)) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < buf.len; i++) {
        crc ^= ((unsigned char *)buf.buf)[i];
    }
    PyBuffer_Release(&buf);
    return PyLong_FromLong(crc);
}

static PyMethodDef crc_methods[] = {
    {"crc8", crc8, METH_VARARGS, "CRC-8 of a bytes-like object."},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef crc_module = {
    PyModuleDef_HEAD_INIT, "_crc", NULL, -1, crc_methods,
};

PyMODINIT_FUNC
PyInit__crc(void)
{
    return PyModule_Create(&crc_module);
}
