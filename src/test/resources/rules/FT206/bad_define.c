/* Every build uses the limited API, free-threaded ones too. */
#define Py_LIMITED_API 0x03090000  // expect: FT206
#include <Python.h>

PyObject *
answer(PyObject *self, PyObject *unused)
{
    return PyLong_FromLong(42);
}
