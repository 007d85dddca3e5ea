#define PY_SSIZE_T_CLEAN
#include <Python.h>

/* Iterates a dict that other threads can change: no critical section. */
Py_ssize_t
count_int_values(PyObject *shared)
{
    PyObject *key, *value;
    Py_ssize_t pos = 0, n = 0;
    while (PyDict_Next(shared, &pos, &key, &value)) {  // expect: FT203
        if (PyLong_Check(value)) {
            n++;
        }
    }
    return n;
}

/* PySequence_Fast returns the list itself for a list: its items can move under us. */
long
sum_items(PyObject *seq)
{
    PyObject *fast = PySequence_Fast(seq, "expected a sequence");
    if (fast == NULL) {
        return -1;
    }
    PyObject **items = PySequence_Fast_ITEMS(fast);  // expect: FT203
    long total = 0;
    for (Py_ssize_t i = 0; i < PySequence_Fast_GET_SIZE(fast); i++) {
        total += PyLong_AsLong(items[i]);
    }
    Py_DECREF(fast);
    return total;
}
