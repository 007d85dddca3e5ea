# cython: language_level=3, freethreading_compatible=True
from cpython.dict cimport PyDict_GetItem as dict_get
from cpython.list cimport PyList_GET_ITEM
from cpython.ref cimport PyObject

cdef dict REGISTRY = {}

def lookup(key):
    cdef PyObject *p = dict_get(REGISTRY, key)  # expect: FT202
    return <object>p if p != NULL else None

def first(list items):
    return <object>PyList_GET_ITEM(items, 0)  # expect: FT202
