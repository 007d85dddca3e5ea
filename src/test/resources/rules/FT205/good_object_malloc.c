#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <string.h>

typedef struct {
    PyObject_HEAD
    double value;
} PointObject;

/* Buffers come from the mem domain. */
char *
copy_bytes(const char *src, size_t n)
{
    char *buf = PyMem_Malloc(n);
    if (buf != NULL) {
        memcpy(buf, src, n);
    }
    return buf;
}

/* Objects may come from the object domain. */
PyObject *
point_new(PyTypeObject *type)
{
    PointObject *op = (PointObject *)PyObject_Malloc(sizeof(PointObject));
    if (op == NULL) {
        return PyErr_NoMemory();
    }
    PyObject_Init((PyObject *)op, type);
    op->value = 0.0;
    return (PyObject *)op;
}

PyObject *
raw_alloc(PyTypeObject *type)
{
    PyObject *op = PyObject_Malloc(type->tp_basicsize);
    if (op == NULL) {
        return PyErr_NoMemory();
    }
    return PyObject_Init(op, type);
}
