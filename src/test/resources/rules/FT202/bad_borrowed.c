/* Every borrowed-reference API of CPython's free-threading HOWTO, on shared containers. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *registry;      /* a dict shared by all threads */
static PyObject *handlers;      /* a list shared by all threads */

PyObject *
lookup_all(PyObject *key, PyObject *ref, PyObject *cell)
{
    PyObject *a = PyDict_GetItem(registry, key);  // expect: FT202
    PyObject *b = PyDict_GetItemWithError(registry, key);  // expect: FT202
    PyObject *c = PyDict_GetItemString(registry, "name");  // expect: FT202
    PyObject *d = PyDict_SetDefault(registry, key, Py_None);  // expect: FT202
    PyObject *e = PyList_GetItem(handlers, 0);  // expect: FT202
    PyObject *f = PyList_GET_ITEM(handlers, 0);  // expect: FT202
    PyObject *g = PyWeakref_GetObject(ref);  // expect: FT202
    PyObject *h = PyWeakref_GET_OBJECT(ref);  // expect: FT202
    PyObject *i = PyImport_AddModule("__main__");  // expect: FT202
    PyObject *j = PyCell_GET(cell);  // expect: FT202
    (void)a; (void)b; (void)c; (void)d; (void)e; (void)f; (void)g; (void)h; (void)i;
    return j;
}
