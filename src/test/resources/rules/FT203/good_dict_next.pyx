# cython: language_level=3, freethreading_compatible=True
cimport cython
from cpython.dict cimport PyDict_Next
from cpython.ref cimport PyObject

def count(dict shared):
    cdef Py_ssize_t pos = 0
    cdef PyObject *key
    cdef PyObject *value
    n = 0
    with cython.critical_section(shared):
        while PyDict_Next(shared, &pos, &key, &value):
            n += 1
    return n
