/* Single-phase init declaring GIL-free support only where the function exists. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static struct PyModuleDef legacy_def = {
    PyModuleDef_HEAD_INIT, "_legacy", NULL, -1, NULL,
};

PyMODINIT_FUNC
PyInit__legacy(void)
{
    PyObject *m = PyModule_Create(&legacy_def);
    if (m == NULL) {
        return NULL;
    }
#ifdef Py_GIL_DISABLED
    PyUnstable_Module_SetGIL(m, Py_MOD_GIL_NOT_USED);
#endif
    return m;
}
