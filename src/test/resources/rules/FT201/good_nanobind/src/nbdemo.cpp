#include <nanobind/nanobind.h>

namespace nb = nanobind;

static int twice(int x) { return 2 * x; }

NB_MODULE(nbdemo, m) {
    m.def("twice", &twice);
}
