#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdatomic.h>

static const char *const names[] = {"a", "b"};
static _Thread_local int recursion_depth;
static _Atomic long hits;
static atomic_int generation;
static PyMutex cache_lock;
static PyObject *cache = NULL;
static PyObject *module_error = NULL;
static long counter_for_gil_builds;

/* Written while the module initialises: one thread. */
static int
init_error(PyObject *module)
{
    module_error = PyErr_NewException("demo.Error", NULL, NULL);
    return module_error == NULL ? -1 : PyModule_AddObjectRef(module, "Error", module_error);
}

static int
demo_exec(PyObject *module)
{
    return init_error(module);
}

PyObject *
cached(PyObject *self, PyObject *arg)
{
    PyObject *result;
    recursion_depth++;
    hits++;
    generation += 1;
    PyMutex_Lock(&cache_lock);
    if (cache == NULL) {
        cache = PyDict_New();
    }
    result = Py_XNewRef(cache);
    PyMutex_Unlock(&cache_lock);
    recursion_depth--;
    (void)names;
    return result;
}

void
locked_update(PyObject *owner)
{
    Py_BEGIN_CRITICAL_SECTION(owner);
    cache = NULL;
    Py_END_CRITICAL_SECTION();
}

void
count_on_gil_builds(void)
{
#ifndef Py_GIL_DISABLED
    counter_for_gil_builds++;
#endif
}

/* A local with the same name as a global is not the global. */
int
shadowing(void)
{
    long hits_local = 0;
    PyObject *cache = NULL;
    cache = Py_None;
    hits_local++;
    return cache == Py_None && hits_local == 1;
}

static PyModuleDef_Slot demo_slots[] = {
    {Py_mod_exec, demo_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL}
};

static struct PyModuleDef demo_def = {
    PyModuleDef_HEAD_INIT, "demo", NULL, 0, NULL, demo_slots,
};

PyMODINIT_FUNC
PyInit_demo(void)
{
    return PyModuleDef_Init(&demo_def);
}
