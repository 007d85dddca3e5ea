# cython: language_level=3, freethreading_compatible=True
# PyDict_GetItem(REGISTRY, key) in a comment is not a call.
cimport cython

cdef dict REGISTRY = {}

def lookup(key):
    doc = "PyDict_GetItem(REGISTRY, key) in a string is not a call"
    return REGISTRY.get(key, doc)

def PyList_GetItem(items, index):
    # A Python function with the same name, not the C-API.
    return items[index]

def first(list items):
    return PyList_GetItem(items, 0)
