/* Test extension whose exec slot dereferences a null pointer: importing it kills the process with
   SIGSEGV. @NAME@ is replaced by the module name before compiling. */
#include <Python.h>

static int boom(PyObject *module) {
  volatile int *nowhere = NULL;
  *nowhere = 1;
  return 0;
}

static PyModuleDef_Slot slots[] = {
    {Py_mod_exec, (void *)boom},
#ifdef Py_mod_gil
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, NULL}};

static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, "@NAME@", NULL, 0, NULL, slots};

PyMODINIT_FUNC PyInit_@NAME@(void) { return PyModuleDef_Init(&def); }
