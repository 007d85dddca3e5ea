// pybind11 2.13+: the module declares that it does not use the GIL.
#include <pybind11/pybind11.h>

namespace py = pybind11;

static int add(int a, int b) { return a + b; }

PYBIND11_MODULE(_fastmath, m, py::mod_gil_not_used()) {
    m.def("add", &add);
}
