package dev.ftscout.rules.cext;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftscout.model.ExtensionModule;
import dev.ftscout.model.ExtensionModule.Binding;
import dev.ftscout.model.ExtensionModule.GilDeclaration;
import dev.ftscout.rules.AnalysisResult;
import dev.ftscout.rules.FixtureHarness;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FT201MissingGilDeclarationTest {
  static Stream<Path> fixtures() {
    return Fixtures.of("FT201").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void findingsMatchMarkers(Path fixture) {
    FixtureHarness.assertMatches(Fixtures.analyzer(), fixture, Fixtures.allExtensionRules());
  }

  private static ExtensionModule onlyModule(String fixture) {
    AnalysisResult r =
        FixtureHarness.analyze(
            Fixtures.analyzer(), Fixtures.folder("FT201").resolve(fixture), Set.of("FT201"));
    assertThat(r.extensionModules()).hasSize(1);
    return r.extensionModules().get(0);
  }

  @Test
  void multiPhaseModuleUnderVersionGuardDeclares() {
    ExtensionModule m = onlyModule("good_multi_phase.c");
    assertThat(m.name()).isEqualTo("_speedups");
    assertThat(m.binding()).isEqualTo(Binding.C_MULTI_PHASE);
    assertThat(m.declaration()).isEqualTo(GilDeclaration.YES);
    assertThat(m.evidence()).contains("Py_MOD_GIL_NOT_USED").contains("PY_VERSION_HEX");
  }

  @Test
  void slotUnderProjectMacroIsConditional() {
    ExtensionModule m = onlyModule("bad_conditional.c");
    assertThat(m.declaration()).isEqualTo(GilDeclaration.CONDITIONAL);
    assertThat(m.evidence()).contains("MYLIB_ENABLE_FREE_THREADING");
  }

  @Test
  void singlePhaseModules() {
    assertThat(onlyModule("bad_single_phase.c").declaration()).isEqualTo(GilDeclaration.NO);
    ExtensionModule good = onlyModule("good_single_phase.c");
    assertThat(good.binding()).isEqualTo(Binding.C_SINGLE_PHASE);
    assertThat(good.declaration()).isEqualTo(GilDeclaration.YES);
    assertThat(good.evidence()).contains("Py_GIL_DISABLED");
  }

  @Test
  void explicitGilUsedIsNo() {
    ExtensionModule m = onlyModule("bad_gil_used.c");
    assertThat(m.declaration()).isEqualTo(GilDeclaration.NO);
    assertThat(m.evidence()).contains("Py_MOD_GIL_USED");
  }

  @Test
  void bindingsAreRecognised() {
    assertThat(onlyModule("good_pybind11.cpp"))
        .extracting(ExtensionModule::binding, ExtensionModule::declaration)
        .containsExactly(Binding.PYBIND11, GilDeclaration.YES);
    ExtensionModule nb = onlyModule("good_nanobind");
    assertThat(nb.binding()).isEqualTo(Binding.NANOBIND);
    assertThat(nb.declaration()).isEqualTo(GilDeclaration.YES);
    assertThat(nb.evidence()).contains("CMakeLists.txt");
    assertThat(onlyModule("good_cython_build"))
        .extracting(ExtensionModule::name, ExtensionModule::declaration)
        .containsExactly("pkg._fast", GilDeclaration.YES);
    assertThat(onlyModule("good_f2py"))
        .extracting(ExtensionModule::binding, ExtensionModule::name)
        .containsExactly(Binding.F2PY, "fib");
  }

  @Test
  void pyo3DefaultsFollowTheVersionInCargoFiles() {
    ExtensionModule v022 = onlyModule("bad_pyo3_022");
    assertThat(v022.declaration()).isEqualTo(GilDeclaration.NO);
    assertThat(v022.evidence()).contains("0.22");
    assertThat(onlyModule("bad_pyo3_023_default").declaration()).isEqualTo(GilDeclaration.NO);
    assertThat(onlyModule("good_pyo3_023").declaration()).isEqualTo(GilDeclaration.YES);
    ExtensionModule v028 = onlyModule("good_pyo3_028_default");
    assertThat(v028.declaration()).isEqualTo(GilDeclaration.YES);
    assertThat(v028.evidence()).contains("0.28").contains("Cargo.lock");
    assertThat(onlyModule("bad_pyo3_028_opt_out").declaration()).isEqualTo(GilDeclaration.NO);
    ExtensionModule ws = onlyModule("good_pyo3_workspace");
    assertThat(ws.name()).isEqualTo("_ext");
    assertThat(ws.declaration()).isEqualTo(GilDeclaration.YES);
  }

  @Test
  void fixesNameTheBindingsMechanism() {
    AnalysisResult r =
        FixtureHarness.analyze(
            Fixtures.analyzer(), Fixtures.folder("FT201").resolve("bad_pyo3_022"), Set.of("FT201"));
    assertThat(r.findings())
        .singleElement()
        .satisfies(f -> {
          assertThat(f.fix()).contains("Upgrade PyO3 to 0.23");
          assertThat(f.snippet()).isEqualTo("#[pymodule] // expect: FT201");
        });
    List<String> fixes =
        Stream.of("bad_multi_phase.c", "bad_pybind11.cpp", "bad_nanobind", "bad_cython.pyx")
            .map(n ->
                FixtureHarness.analyze(
                        Fixtures.analyzer(), Fixtures.folder("FT201").resolve(n), Set.of("FT201"))
                    .findings()
                    .get(0)
                    .fix())
            .toList();
    assertThat(fixes.get(0)).contains("{Py_mod_gil, Py_MOD_GIL_NOT_USED}");
    assertThat(fixes.get(1)).contains("py::mod_gil_not_used()");
    assertThat(fixes.get(2)).contains("FREE_THREADED");
    assertThat(fixes.get(3)).contains("freethreading_compatible");
  }
}
