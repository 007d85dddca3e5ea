package dev.ftscout.cext;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CParserTest {
  private static CFile parse(String code, boolean cpp) {
    return CParser.parse(cpp ? "t.cpp" : "t.c", CLexer.lex(code, false), cpp, false);
  }

  @Test
  void findsFunctionsBehindMacrosAndInsideNamespaces() {
    CFile f =
        parse(
            """
            Py_LOCAL_INLINE(int) helper(int a) { return a; }
            static PyObject *
            method(PyObject *self, PyObject *Py_UNUSED(ignored)) { return NULL; }
            namespace outer { extern "C" { int inner(void) { return 1; } } }
            struct S { int get() const { return 1; } int x; };
            int prototype(int);
            """,
            true);
    assertThat(f.functions())
        .extracting(CFunction::name)
        .containsExactly("helper", "method", "inner", "get");
    assertThat(f.function("method").orElseThrow().params()).containsExactly("self", "ignored");
    assertThat(f.function("helper").orElseThrow().isStatic()).isFalse();
  }

  @Test
  void recordsStaticStorageVariablesWithTheirQualifiers() {
    CFile f =
        parse(
            """
            static int counter, other = 3;
            static const char *names[] = {"a", "b"};
            static char *const fixed = 0;
            _Thread_local int tl;
            static _Atomic long hits;
            static PyMutex lock;
            extern int shared;
            typedef int not_a_variable;
            static int (*hook)(int) = 0;
            int fn(void) { static int calls; int local = 0; return calls + local; }
            """,
            false);
    assertThat(f.variables())
        .extracting(CVariable::name)
        .containsExactly(
            "counter", "other", "names", "fixed", "tl", "hits", "lock", "shared", "hook", "calls");
    CVariable names = f.variable("names", Optional.empty()).orElseThrow();
    assertThat(names.isConst()).isFalse();
    assertThat(names.array()).isTrue();
    assertThat(f.variable("fixed", Optional.empty()).orElseThrow().isConst()).isTrue();
    assertThat(f.variable("tl", Optional.empty()).orElseThrow().threadLocal()).isTrue();
    assertThat(f.variable("hits", Optional.empty()).orElseThrow().synchronised()).isTrue();
    assertThat(f.variable("lock", Optional.empty()).orElseThrow().synchronised()).isTrue();
    assertThat(f.variable("shared", Optional.empty()).orElseThrow().isExtern()).isTrue();
    assertThat(f.variable("calls", Optional.of("fn")).orElseThrow().function()).contains("fn");
    assertThat(f.initializer(names)).extracting(InitEntry::text).containsExactly("\"a\"", "\"b\"");
  }

  @Test
  void writesSeeLocalsLocksAndCriticalSections() {
    CFile f =
        parse(
            """
            static int g; static PyMutex m; static PyObject *cache;
            void a(int g2) {
              g = 1;
              int g = 2;
              g++;
            }
            void b(void) {
              PyMutex_Lock(&m);
              if (g) { PyMutex_Unlock(&m); return; }
              g += 1;
              PyMutex_Unlock(&m);
              g = 0;
            }
            void c(PyObject *o) {
              Py_BEGIN_CRITICAL_SECTION(o);
              cache = o;
              Py_END_CRITICAL_SECTION();
              obj->field = 1; other.g = 2;
            }
            """,
            false);
    List<String> writes =
        f.assignments().stream()
            .map(a ->
                a.function().name()
                    + ":"
                    + f.tokens().line(a.token())
                    + (a.lockHeld() ? ":locked" : "")
                    + (a.criticalSection() ? ":critical" : ""))
            .toList();
    // obj and other are candidates here; only names that are static variables become writes.
    assertThat(writes).containsExactly("b:10:locked", "b:12", "c:16:critical", "c:18", "c:18");
  }

  @Test
  void moduleInitialisationFunctionsAreKnown() {
    CFile f =
        parse(
            """
            static int exec_mod(PyObject *m) { return 0; }
            static PyModuleDef_Slot slots[] = {{Py_mod_exec, (void *)exec_mod}, {0, NULL}};
            static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, "m", NULL, 0, NULL, slots};
            static PyObject *create(void) { return PyModule_Create(&def); }
            PyMODINIT_FUNC PyInit_m(void) { return PyModuleDef_Init(&def); }
            """,
            false);
    assertThat(f.initFunctions()).containsExactlyInAnyOrder("exec_mod", "create", "PyInit_m");
  }

  @Test
  void callsCarryTheirArgumentsAndCondition() {
    CFile f =
        parse(
            """
            #include <Python.h>
            void f(PyObject *d) {
            #if PY_VERSION_HEX < 0x030D0000
              PyDict_GetItem(d, PyTuple_GET_ITEM(args, 0));
            #endif
            }
            """,
            false);
    CCall call = f.calls().get(0);
    assertThat(call.name()).isEqualTo("PyDict_GetItem");
    assertThat(f.arguments(call)).containsExactly("d", "PyTuple_GET_ITEM ( args , 0 )");
    assertThat(call.condition().truth()).isEqualTo(Truth.NEVER);
  }
}
