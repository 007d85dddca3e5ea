/* The check runs before pyconfig.h defines Py_GIL_DISABLED, so it never excludes anything. */
#ifndef Py_GIL_DISABLED
#  define Py_LIMITED_API 0x03090000  // expect: FT206
#endif
#include <Python.h>

PyObject *
answer(PyObject *self, PyObject *unused)
{
    return PyLong_FromLong(42);
}
