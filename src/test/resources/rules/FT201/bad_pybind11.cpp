// A pybind11 module without py::mod_gil_not_used().
#include <pybind11/pybind11.h>

namespace py = pybind11;

static int add(int a, int b) { return a + b; }

PYBIND11_MODULE(_fastmath, m) {  // expect: FT201
    m.doc() = "PYBIND11_MODULE(_fastmath, m, py::mod_gil_not_used()) in a string does not count";
    m.def("add", &add);
}
