package dev.ftscout.cext;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BuildFilesTest {
  private static BuildFile read(String path, String text) {
    return BuildFiles.read(path, BuildFiles.kindOf(path).orElseThrow(), text);
  }

  @Test
  void setupPyDirectivesLimitedApiAndF2py() {
    BuildFile b =
        read(
            "setup.py",
            """
            # compiler_directives={"freethreading_compatible": False} in a comment
            ext = cythonize(mods, compiler_directives={'freethreading_compatible': True})
            other = Extension("x", ["x.c"], py_limited_api=True)
            subprocess.run([sys.executable, "-m", "numpy.f2py", "-c", "fib.f", "-m", "fib"])
            """);
    assertThat(b.facts(BuildFact.CythonDirective.class))
        .singleElement()
        .satisfies(d -> assertThat(d.value()).isTrue())
        .satisfies(d -> assertThat(d.line()).isEqualTo(2));
    assertThat(b.facts(BuildFact.LimitedApi.class)).extracting(BuildFact::line).containsExactly(3);
    assertThat(b.facts(BuildFact.F2py.class))
        .singleElement()
        .satisfies(f -> assertThat(f.module()).isEqualTo("fib"))
        .satisfies(f -> assertThat(f.freeThreading()).isEmpty());
    assertThat(b.mentionsGilDisabled()).isFalse();
  }

  @Test
  void mesonCythonArgsAndLimitedApi() {
    BuildFile b =
        read(
            "pkg/meson.build",
            """
            cython_args = ['-X', 'freethreading_compatible=true']
            py.extension_module('_m', 'm.pyx', cython_args: cython_args, limited_api: '3.9')
            if py.get_variable('Py_GIL_DISABLED', 0) == 1
            endif
            """);
    assertThat(b.facts(BuildFact.CythonDirective.class))
        .singleElement()
        .satisfies(d -> assertThat(d.value()).isTrue());
    assertThat(b.facts(BuildFact.LimitedApi.class)).hasSize(1);
    assertThat(b.mentionsGilDisabled()).isTrue();
    assertThat(b.directory()).isEqualTo("pkg");
  }

  @Test
  void cmakeNanobindF2pyAndDefinitions() {
    BuildFile b =
        read(
            "CMakeLists.txt",
            """
            #[[ nanobind_add_module(commented FREE_THREADED) ]]
            nanobind_add_module(_ext NB_STATIC
              FREE_THREADED src/ext.cpp)  # trailing
            add_custom_command(OUTPUT fibmodule.c
              COMMAND "${Python_EXECUTABLE}" -m "numpy.f2py" fib.f -m "fibby" --lower
                      --freethreading-compatible)
            add_compile_definitions(Py_LIMITED_API=0x03090000)
            if(DEFINED Py_LIMITED_API)
            endif()
            """);
    assertThat(b.facts(BuildFact.NanobindModule.class))
        .singleElement()
        .satisfies(n -> assertThat(n.target()).isEqualTo("_ext"))
        .satisfies(n -> assertThat(n.freeThreaded()).isTrue())
        .satisfies(n -> assertThat(n.sources()).containsExactly("ext.cpp"))
        .satisfies(n -> assertThat(n.line()).isEqualTo(2));
    assertThat(b.facts(BuildFact.F2py.class))
        .singleElement()
        .satisfies(f -> assertThat(f.module()).isEqualTo("fibby"))
        .satisfies(f -> assertThat(f.freeThreading()).contains(true));
    assertThat(b.facts(BuildFact.LimitedApi.class)).extracting(BuildFact::line).containsExactly(7);
    assertThat(b.comments()).hasSize(2);
  }

  @Test
  void cargoManifestsAndLocks() {
    BuildFile inline =
        read(
            "Cargo.toml",
            "[dependencies]\npyo3 = { version = \"0.23.1\", features = [\n  \"abi3\"\n] }\n");
    assertThat(inline.facts(BuildFact.PyO3Dependency.class))
        .singleElement()
        .satisfies(d -> assertThat(d.requirement()).isEqualTo("0.23.1"));
    BuildFile table =
        read("x/Cargo.toml", "[lib]\nname = \"_rs\"\n[dependencies.pyo3]\nversion = '0.22'\n");
    assertThat(table.facts(BuildFact.PyO3Dependency.class))
        .extracting(BuildFact.PyO3Dependency::requirement)
        .containsExactly("0.22");
    assertThat(table.facts(BuildFact.LibraryName.class))
        .extracting(BuildFact.LibraryName::name)
        .containsExactly("_rs");
    BuildFile ws = read("Cargo.toml", "[workspace.dependencies]\npyo3 = \"0.28\" # pinned\n");
    assertThat(ws.facts(BuildFact.PyO3Dependency.class))
        .singleElement()
        .satisfies(d -> assertThat(d.workspaceTable()).isTrue());
    assertThat(ws.comments())
        .singleElement()
        .satisfies(c -> assertThat(c.text()).isEqualTo("pinned"));
    BuildFile member = read("a/Cargo.toml", "[dependencies]\npyo3.workspace = true\n");
    assertThat(member.facts(BuildFact.PyO3Dependency.class))
        .singleElement()
        .satisfies(d -> assertThat(d.fromWorkspace()).isTrue());
    BuildFile lock =
        read(
            "Cargo.lock",
            "[[package]]\nname = \"pyo3\"\nversion = \"0.23.4\"\n\n[[package]]\nname = \"libc\"\nversion = \"0.2.1\"\n");
    assertThat(lock.facts(BuildFact.LockedCrate.class))
        .extracting(BuildFact.LockedCrate::version)
        .containsExactly("0.23.4");
  }

  @Test
  void pyprojectAndSetupCfg() {
    BuildFile py =
        read(
            "pyproject.toml",
            """
            [tool.meson-python]
            limited-api = true
            [tool.maturin]
            module-name = "pkg._rust"
            [tool.scikit-build]
            wheel.py-api = "cp39"
            """);
    assertThat(py.facts(BuildFact.LimitedApi.class)).extracting(BuildFact::line).containsExactly(2);
    assertThat(py.facts(BuildFact.LibraryName.class))
        .extracting(BuildFact.LibraryName::name)
        .containsExactly("_rust");
    BuildFile cfg =
        read(
            "setup.cfg",
            "[bdist_wheel]\npy_limited_api = cp39 ; pinned\n[other]\npy_limited_api = cp39\n");
    assertThat(cfg.facts(BuildFact.LimitedApi.class))
        .extracting(BuildFact::line)
        .containsExactly(2);
    assertThat(cfg.comments()).extracting(c -> c.text()).containsExactly("pinned");
  }
}
