/* Splits text into lower-case words. Written for the GIL: a static call counter and no
 * Py_mod_gil slot, so importing it turns the GIL back on in a free-threaded interpreter. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <ctype.h>

static long calls;

static PyObject *
words(PyObject *self, PyObject *arg)
{
    calls++;
    PyObject *text = PyUnicode_AsUTF8String(arg);
    if (text == NULL) {
        return NULL;
    }
    PyObject *out = PyList_New(0);
    const char *s = PyBytes_AS_STRING(text);
    Py_ssize_t n = PyBytes_GET_SIZE(text);
    Py_ssize_t start = -1;
    for (Py_ssize_t i = 0; i <= n && out != NULL; i++) {
        int letter = i < n && isalpha((unsigned char)s[i]);
        if (letter && start < 0) {
            start = i;
        } else if (!letter && start >= 0) {
            PyObject *w = PyUnicode_FromStringAndSize(s + start, i - start);
            if (w == NULL || PyList_Append(out, w) < 0) {
                Py_CLEAR(out);
            }
            Py_XDECREF(w);
            start = -1;
        }
    }
    Py_DECREF(text);
    return out;
}

static PyMethodDef speed_methods[] = {
    {"words", words, METH_O, "Split text into words."},
    {NULL, NULL, 0, NULL},
};

static PyModuleDef_Slot speed_slots[] = {
    {0, NULL},
};

static struct PyModuleDef speed_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "tally._speed",
    .m_size = 0,
    .m_methods = speed_methods,
    .m_slots = speed_slots,
};

PyMODINIT_FUNC
PyInit__speed(void)
{
    return PyModuleDef_Init(&speed_module);
}
