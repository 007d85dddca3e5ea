/*
 * textstats._counter: counts words across calls.
 *
 * Written for the GIL. Under free-threaded CPython importing it turns the GIL back on, and its
 * module-level state is shared by all threads without any locking.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <ctype.h>
#include <string.h>

static PyObject *word_counts;   /* word -> int, shared by every caller */
static long total_calls;

/* Lower-cases a word into a scratch buffer. */
static char *
lowercase(const char *word, Py_ssize_t len)
{
    char *buf = PyObject_Malloc((size_t)len + 1);
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
    PyObject_Free(lower);
    if (key == NULL) {
        return -1;
    }
    PyObject *old = PyDict_GetItem(word_counts, key);
    long n = old ? PyLong_AsLong(old) : 0;
    PyObject *value = PyLong_FromLong(n + 1);
    int rc = value ? PyDict_SetItem(word_counts, key, value) : -1;
    Py_XDECREF(value);
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
    total_calls++;
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
    while (PyDict_Next(word_counts, &pos, &key, &value)) {
        long n = PyLong_AsLong(value);
        if (n > best_count) {
            best_count = n;
            best = key;
        }
    }
    return Py_NewRef(best);
}

static PyObject *
calls(PyObject *module, PyObject *unused)
{
    return PyLong_FromLong(total_calls);
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
    {0, NULL},
};

static struct PyModuleDef counter_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "textstats._counter",
    .m_doc = "Word counting (GIL-era version).",
    .m_size = 0,
    .m_methods = counter_methods,
    .m_slots = counter_slots,
};

PyMODINIT_FUNC
PyInit__counter(void)
{
    return PyModuleDef_Init(&counter_module);
}
