/* An extension module that does not declare Py_mod_gil: on a free-threaded build, importing it
 * turns the GIL back on and emits a RuntimeWarning. */
#include <Python.h>

static PyModuleDef_Slot legacy_slots[] = {
    {0, NULL},
};

static struct PyModuleDef legacy_module = {
    PyModuleDef_HEAD_INIT, "_legacy", "A legacy extension.", 0, NULL, legacy_slots,
};

PyMODINIT_FUNC PyInit__legacy(void) { return PyModuleDef_Init(&legacy_module); }
