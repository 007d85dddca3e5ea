package dev.ftscout.cext;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RustFileTest {
  private static List<String> texts(String code) {
    return RustLexer.lex(code).tokens().stream().map(Token::text).toList();
  }

  @Test
  void nestedCommentsRawStringsCharsAndLifetimes() {
    String code =
        """
        /* outer /* #[pymodule] inner */ still comment */
        fn f<'a>(x: &'a str) -> char {
            let s = r##"a "# #[pymodule] "##;
            let b = b"bytes"; let c = c"cstr"; let br = br#"raw"#;
            let q = '\\''; let u = '\\u{1F600}'; let e = 'é';
            // #[pymodule] in a line comment
            'x'
        }
        """;
    List<String> t = texts(code);
    assertThat(t).doesNotContain("pymodule");
    assertThat(t).contains("'a", "r##\"a \"# #[pymodule] \"##", "b\"bytes\"", "c\"cstr\"");
    assertThat(t).contains("br#\"raw\"#", "'\\''", "'\\u{1F600}'", "'é'", "'x'");
    assertThat(RustLexer.lex(code).comments()).hasSize(2);
  }

  @Test
  void readsPymoduleAttributesAndOptions() {
    RustFile f =
        RustFile.of(
            "src/lib.rs",
            RustLexer.lex(
                """
                #[pymodule(gil_used = false)]
                fn fast(m: &Bound<'_, PyModule>) -> PyResult<()> { Ok(()) }

                #[pyo3::pymodule]
                #[pyo3(name = "_native")]
                pub mod native {
                    #[pymodule(submodule)]
                    mod inner {}
                }

                /// docs
                #[pymodule]
                fn runtime(m: &Bound<'_, PyModule>) -> PyResult<()> {
                    m.gil_used(false)?;
                    Ok(())
                }
                """));
    assertThat(f.modules())
        .extracting(RustFile.PyModuleItem::name)
        .containsExactly("fast", "_native", "inner", "runtime");
    assertThat(f.modules().get(0).gilUsed()).contains(false);
    assertThat(f.modules().get(1).gilUsed()).isEmpty();
    assertThat(f.modules().get(2).submodule()).isTrue();
    assertThat(f.modules().get(3).gilUsed()).contains(false);
    assertThat(f.modules().get(0).line()).isEqualTo(1);
  }

  @Test
  void pyo3VersionRequirements() {
    assertThat(PyO3Version.parse("0.22", "Cargo.toml").orElseThrow().canDeclare()).isFalse();
    PyO3Version v23 = PyO3Version.parse("^0.23.3", "Cargo.toml").orElseThrow();
    assertThat(v23.canDeclare()).isTrue();
    assertThat(v23.defaultsToGilFree()).isFalse();
    assertThat(PyO3Version.parse(">=0.28, <0.30", "x").orElseThrow().defaultsToGilFree()).isTrue();
    assertThat(PyO3Version.parse("1.0", "x").orElseThrow().defaultsToGilFree()).isTrue();
    assertThat(PyO3Version.parse("*", "x")).isEmpty();
  }
}
