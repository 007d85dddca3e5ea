/* PEP 803 (3.15): Py_TARGET_ABI3T selects the stable ABI that free-threaded builds support. */
#define Py_TARGET_ABI3T 0x030F0000
#define Py_LIMITED_API 0x030F0000
#include <Python.h>

PyObject *
answer(PyObject *self, PyObject *unused)
{
    return PyLong_FromLong(42);
}
