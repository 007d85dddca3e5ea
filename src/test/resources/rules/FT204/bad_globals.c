#define PY_SSIZE_T_CLEAN
#include <Python.h>

static long call_count = 0;
static PyObject *cached_pattern = NULL;
static char last_error[128];

PyObject *
compile_pattern(PyObject *self, PyObject *arg)
{
    call_count++;  // expect: FT204
    if (cached_pattern == NULL) {
        cached_pattern = PyUnicode_FromString("[a-z]+");  // expect: FT204
    }
    return Py_XNewRef(cached_pattern);
}

void
remember_error(const char *message)
{
    last_error[0] = message[0];  // expect: FT204
}

PyObject *
lazy_empty_tuple(void)
{
    static PyObject *empty = NULL;
    if (empty == NULL) {
        empty = PyTuple_New(0);  // expect: FT204
    }
    return Py_XNewRef(empty);
}
