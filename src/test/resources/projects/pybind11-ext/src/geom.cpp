#include <pybind11/pybind11.h>

namespace py = pybind11;

double area(double w, double h) { return w * h; }

PYBIND11_MODULE(_geom, m) {
    m.doc() = "Rectangle geometry";
    m.def("area", &area, "Area of a w x h rectangle");
}
