#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <string.h>

typedef struct {
    PyObject_HEAD
    char *data;
    Py_ssize_t size;
} BufferObject;

char *
copy_bytes(const char *src, size_t n)
{
    char *buf = PyObject_Malloc(n);  // expect: FT205
    if (buf != NULL) {
        memcpy(buf, src, n);
    }
    return buf;
}

int
buffer_resize(BufferObject *self, Py_ssize_t size)
{
    char *grown = (char *)PyObject_Realloc(self->data, (size_t)size);  // expect: FT205
    if (grown == NULL) {
        return -1;
    }
    self->data = grown;
    self->size = size;
    return 0;
}

int
buffer_init(BufferObject *self, Py_ssize_t size)
{
    self->data = PyObject_Calloc(1, (size_t)size);  // expect: FT205
    return self->data == NULL ? -1 : 0;
}
