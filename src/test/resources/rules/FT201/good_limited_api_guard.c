/* A common guard: the slot is skipped for limited-API builds, which free-threaded 3.13/3.14
   builds cannot be, so every free-threaded build sees it. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyModuleDef_Slot flake_slots[] = {
#if !defined(Py_LIMITED_API) || Py_LIMITED_API+0 >= 0x030d0000
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, NULL}
};

static PyModuleDef flake_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "flake._flake",
    .m_slots = flake_slots,
};

PyMODINIT_FUNC
PyInit__flake(void)
{
    return PyModuleDef_Init(&flake_def);
}
