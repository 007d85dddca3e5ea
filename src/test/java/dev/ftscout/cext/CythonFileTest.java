package dev.ftscout.cext;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CythonFileTest {
  private static CythonFile read(String code) {
    return CythonFile.of("pkg/mod.pyx", PyishLexer.lex(code));
  }

  @Test
  void headerDirectivesOnlyBeforeCode() {
    CythonFile f =
        read(
            """
            #!/usr/bin/env cython
            # cython: language_level=3, freethreading_compatible = True
            import os
            # cython: boundscheck=False
            """);
    assertThat(f.directive("freethreading_compatible").orElseThrow().isTrue()).isTrue();
    assertThat(f.directive("language_level").orElseThrow().value()).isEqualTo("3");
    assertThat(f.directive("boundscheck")).isEmpty();
  }

  @Test
  void cimportsAliasesExternDeclarationsAndCalls() {
    CythonFile f =
        read(
            """
            from cpython.dict cimport (PyDict_GetItem as get,
                                       PyDict_Next)
            cdef extern from "Python.h":
                PyObject* PyList_GET_ITEM(object, Py_ssize_t)
                int PyList_Size(object)
            cimport cython

            def f(d, l):
                s = "PyDict_Next(d)"  # PyDict_Next(d) in a comment
                x = get(d, 1)
                with cython.critical_section(d):
                    PyDict_Next(d, NULL, NULL, NULL)
                return PyList_GET_ITEM(l, 0)
            include "helpers.pxi"
            """);
    assertThat(f.cimported())
        .containsEntry("get", "PyDict_GetItem")
        .containsEntry("PyDict_Next", "PyDict_Next")
        .containsEntry("PyList_GET_ITEM", "PyList_GET_ITEM");
    assertThat(f.calls())
        .extracting(CythonFile.Call::name, CythonFile.Call::line, CythonFile.Call::criticalSection)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("PyDict_GetItem", 10, false),
            org.assertj.core.groups.Tuple.tuple("critical_section", 11, false),
            org.assertj.core.groups.Tuple.tuple("PyDict_Next", 12, true),
            org.assertj.core.groups.Tuple.tuple("PyList_GET_ITEM", 13, false));
    assertThat(f.calls().get(0).written()).isEqualTo("get");
    assertThat(f.calls().get(0).firstArgument()).isEqualTo("d");
    assertThat(f.includes()).containsExactly("helpers.pxi");
    assertThat(f.knows("PyDict_GetItem")).isTrue();
    assertThat(f.knows("PyDict_SetDefault")).isFalse();
  }
}
