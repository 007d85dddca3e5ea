#define PY_SSIZE_T_CLEAN
#include <Python.h>

/* The HOWTO's pattern: lock the dict for the whole loop. */
Py_ssize_t
count_int_values(PyObject *shared)
{
    PyObject *key, *value;
    Py_ssize_t pos = 0, n = 0;
    Py_BEGIN_CRITICAL_SECTION(shared);
    while (PyDict_Next(shared, &pos, &key, &value)) {
        if (PyLong_Check(value)) {
            n++;
        }
    }
    Py_END_CRITICAL_SECTION();
    return n;
}

/* Keyword arguments are private to the call. */
int
check_kwargs(PyObject *self, PyObject *args, PyObject *kwds)
{
    PyObject *key, *value;
    Py_ssize_t pos = 0;
    while (kwds != NULL && PyDict_Next(kwds, &pos, &key, &value)) {
        if (!PyUnicode_Check(key)) {
            return -1;
        }
    }
    return 0;
}

/* A dict built here is not shared. */
Py_ssize_t
fresh_size(void)
{
    PyObject *d = PyDict_New();
    PyObject *key, *value;
    Py_ssize_t pos = 0, n = 0;
    if (d == NULL) {
        return -1;
    }
    while (PyDict_Next(d, &pos, &key, &value)) {
        n++;
    }
    Py_DECREF(d);
    return n;
}
