// C++: a plain static counter races; std::atomic, thread_local and a held lock do not.
#include <Python.h>
#include <atomic>
#include <mutex>

namespace {
long plain_counter = 0;
std::atomic<long> atomic_counter{0};
thread_local int per_thread = 0;
std::mutex table_mutex;
PyObject *table = nullptr;
}  // namespace

extern "C" PyObject *touch(PyObject *, PyObject *) {
    plain_counter += 1;  // expect: FT204
    atomic_counter++;
    per_thread++;
    {
        std::lock_guard<std::mutex> guard(table_mutex);
        if (table == nullptr) {
            table = PyDict_New();
        }
    }
    Py_RETURN_NONE;
}
