/* Single-phase init without PyUnstable_Module_SetGIL. The API name in this comment,
   PyUnstable_Module_SetGIL(m, Py_MOD_GIL_NOT_USED), must not count. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static struct PyModuleDef legacy_def = {
    PyModuleDef_HEAD_INIT, "_legacy", NULL, -1, NULL,
};

PyMODINIT_FUNC
PyInit__legacy(void)  // expect: FT201
{
    const char *note = "PyUnstable_Module_SetGIL(m, Py_MOD_GIL_NOT_USED)";
    PyObject *m = PyModule_Create(&legacy_def);
    if (m == NULL) {
        return NULL;
    }
    if (PyModule_AddStringConstant(m, "note", note) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
