/* pyconfig.h first: now Py_GIL_DISABLED is known when the limited API is chosen. */
#include <pyconfig.h>
#ifndef Py_GIL_DISABLED
#  define Py_LIMITED_API 0x03090000
#endif
#include <Python.h>

PyObject *
answer(PyObject *self, PyObject *unused)
{
    return PyLong_FromLong(42);
}
