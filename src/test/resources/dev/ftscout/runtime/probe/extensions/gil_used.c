/* Test extension (multi-phase init) without a Py_mod_gil slot: a free-threaded CPython enables
   the GIL when it loads it. @NAME@ is replaced by the module name before compiling. */
#include <Python.h>

static PyModuleDef_Slot slots[] = {{0, NULL}};

static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, "@NAME@", NULL, 0, NULL, slots};

PyMODINIT_FUNC PyInit_@NAME@(void) { return PyModuleDef_Init(&def); }
