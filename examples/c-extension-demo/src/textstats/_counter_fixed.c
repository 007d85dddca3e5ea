/*
 * textstats._counter_fixed: the same counter, ready for free-threaded CPython.
 *
 * A PyMutex guards the compound updates, lookups return strong references, iteration holds a
 * critical section, scratch buffers come from the mem domain, and the module declares that it
 * does not need the GIL.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <ctype.h>
#include <string.h>

static PyObject *word_counts;   /* word -> int, guarded by counts_lock */
static PyMutex counts_lock;
static long total_calls;        /* guarded by counts_lock */

static char *
lowercase(const char *word, Py_ssize_t len)
{
    char *buf = PyMem_Malloc((size_t)len + 1);
    if (buf == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < len; i++) {
        buf[i] = (char)tolower((unsigned char)word[i]);
    }
    buf[len] = '\0';
    return buf;
}

static int
add_word(const char *word, Py_ssize_t len)
{
    char *lower = lowercase(word, len);
    if (lower == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    PyObject *key = PyUnicode_FromString(lower);
    PyMem_Free(lower);
    if (key == NULL) {
        return -1;
    }
    int rc = -1;
    PyMutex_Lock(&counts_lock);
    PyObject *old = NULL;
    if (PyDict_GetItemRef(word_counts, key, &old) >= 0) {
        long n = old ? PyLong_AsLong(old) : 0;
        PyObject *value = PyLong_FromLong(n + 1);
        rc = value ? PyDict_SetItem(word_counts, key, value) : -1;
        Py_XDECREF(value);
    }
    PyMutex_Unlock(&counts_lock);
    Py_XDECREF(old);
    Py_DECREF(key);
    return rc;
}

static PyObject *
count(PyObject *module, PyObject *arg)
{
    const char *text = PyUnicode_AsUTF8(arg);
    if (text == NULL) {
        return NULL;
    }
    PyMutex_Lock(&counts_lock);
    total_calls++;
    PyMutex_Unlock(&counts_lock);
    const char *p = text;
    while (*p) {
        while (*p && isspace((unsigned char)*p)) {
            p++;
        }
        const char *start = p;
        while (*p && !isspace((unsigned char)*p)) {
            p++;
        }
        if (p > start && add_word(start, p - start) < 0) {
            return NULL;
        }
    }
    Py_RETURN_NONE;
}

static PyObject *
most_common(PyObject *module, PyObject *unused)
{
    PyObject *key, *value, *best = Py_None;
    Py_ssize_t pos = 0;
    long best_count = -1;
    Py_BEGIN_CRITICAL_SECTION(word_counts);
    while (PyDict_Next(word_counts, &pos, &key, &value)) {
        long n = PyLong_AsLong(value);
        if (n > best_count) {
            best_count = n;
            best = key;
        }
    }
    best = Py_NewRef(best);
    Py_END_CRITICAL_SECTION();
    return best;
}

static PyObject *
calls(PyObject *module, PyObject *unused)
{
    long n;
    PyMutex_Lock(&counts_lock);
    n = total_calls;
    PyMutex_Unlock(&counts_lock);
    return PyLong_FromLong(n);
}

static PyMethodDef counter_methods[] = {
    {"count", count, METH_O, "Count the words of a string."},
    {"most_common", most_common, METH_NOARGS, "The most frequent word so far."},
    {"calls", calls, METH_NOARGS, "How many times count() ran."},
    {NULL, NULL, 0, NULL},
};

static int
counter_exec(PyObject *module)
{
    word_counts = PyDict_New();
    return word_counts == NULL ? -1 : 0;
}

static PyModuleDef_Slot counter_slots[] = {
    {Py_mod_exec, counter_exec},
#if PY_VERSION_HEX >= 0x030D0000
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, NULL},
};

static struct PyModuleDef counter_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "textstats._counter_fixed",
    .m_doc = "Word counting, free-threading ready.",
    .m_size = 0,
    .m_methods = counter_methods,
    .m_slots = counter_slots,
};

PyMODINIT_FUNC
PyInit__counter_fixed(void)
{
    return PyModuleDef_Init(&counter_module);
}
