# cython: language_level=3

def dot(double[:] a, double[:] b):
    cdef Py_ssize_t i
    cdef double total = 0
    for i in range(a.shape[0]):
        total += a[i] * b[i]
    return total
