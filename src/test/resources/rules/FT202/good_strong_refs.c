/* The strong-reference replacements (3.13), and borrowed references where they are safe. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *registry;

/* PyDict_GetItem(registry, key) in a comment is not a call. */
static const char *doc = "PyList_GET_ITEM(handlers, 0) in a string is not a call";

PyObject *
lookup(PyObject *key, PyObject *ref, PyObject *cell)
{
    PyObject *value = NULL;
    if (PyDict_GetItemRef(registry, key, &value) < 0) {
        return NULL;
    }
    PyObject *obj = NULL;
    if (PyWeakref_GetRef(ref, &obj) < 0) {
        Py_XDECREF(value);
        return NULL;
    }
    PyObject *content = PyCell_Get(cell);
    PyObject *main = PyImport_AddModuleRef("__main__");
    Py_XDECREF(obj);
    Py_XDECREF(content);
    Py_XDECREF(main);
    (void)doc;
    return value;
}

/* A keyword-argument dict belongs to this call alone (the HOWTO's example of a safe use). */
PyObject *
option(PyObject *self, PyObject *args, PyObject *kwargs)
{
    PyObject *flag = kwargs ? PyDict_GetItemString(kwargs, "flag") : NULL;
    return Py_NewRef(flag ? flag : Py_None);
}

/* A list this function just created is not shared yet. */
PyObject *
first_of_fresh(void)
{
    PyObject *fresh = PyList_New(1);
    if (fresh == NULL) {
        return NULL;
    }
    PyList_SET_ITEM(fresh, 0, PyLong_FromLong(1));
    PyObject *item = PyList_GET_ITEM(fresh, 0);
    Py_INCREF(item);
    Py_DECREF(fresh);
    return item;
}

/* Fallbacks for interpreters before 3.13 are never compiled for free-threaded builds. */
PyObject *
compat_get(PyObject *key)
{
#if PY_VERSION_HEX < 0x030D0000
    PyObject *v = PyDict_GetItem(registry, key);
    Py_XINCREF(v);
    return v;
#else
    PyObject *v = NULL;
    PyDict_GetItemRef(registry, key, &v);
    return v;
#endif
}

/* Inside a critical section on the list, nothing can change it. */
PyObject *
first_locked(PyObject *list)
{
    PyObject *item = NULL;
    Py_BEGIN_CRITICAL_SECTION(list);
    item = Py_NewRef(PyList_GET_ITEM(list, 0));
    Py_END_CRITICAL_SECTION();
    return item;
}
