/* Test extension (multi-phase init) that declares GIL-free support: {Py_mod_gil, Py_MOD_GIL_NOT_USED}.
   @NAME@ is replaced by the module name before compiling. */
#include <Python.h>

static PyModuleDef_Slot slots[] = {
#ifdef Py_mod_gil
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, NULL}};

static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, "@NAME@", NULL, 0, NULL, slots};

PyMODINIT_FUNC PyInit_@NAME@(void) { return PyModuleDef_Init(&def); }
