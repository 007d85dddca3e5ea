package dev.ftscout.rules.cext;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftscout.testing.TestVenvs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cross-checks the FT202 table against CPython's own data: every API it names returns a borrowed
 * reference according to {@code Doc/data/refcounts.dat}, and every replacement is declared by the
 * 3.13 headers.
 */
class BorrowedReferenceApisTest {

  /** Return-value lines of refcounts.dat: function name to the refcount effect of its result. */
  private static Map<String, String[]> returnEntries() throws IOException {
    Path dat = TestVenvs.shared().resolve("data/cpython/refcounts.dat");
    Assumptions.assumeTrue(Files.isRegularFile(dat), "no refcounts.dat at " + dat);
    Map<String, String[]> out = new HashMap<>();
    for (String line : Files.readAllLines(dat)) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      String[] f = line.split(":", -1);
      // The first line of a function's block describes its return value (empty param name).
      if (f.length >= 4 && f[2].isEmpty() && !out.containsKey(f[0])) {
        out.put(f[0], f);
      }
    }
    return out;
  }

  @Test
  void everyListedApiReturnsABorrowedReference() throws IOException {
    Map<String, String[]> entries = returnEntries();
    assertThat(entries).hasSizeGreaterThan(500);
    for (BorrowedReferenceApis.Api api : BorrowedReferenceApis.all()) {
      String[] e = entries.getOrDefault(api.api(), new String[0]);
      assertThat(e).as("refcounts.dat lists %s", api.api()).hasSizeGreaterThanOrEqualTo(4);
      assertThat(e[1]).as("%s returns an object", api.api()).isEqualTo("PyObject*");
      assertThat(e[3]).as("%s returns a borrowed reference (0)", api.api()).isEqualTo("0");
    }
  }

  @Test
  void coversTheHowtoTable() {
    assertThat(BorrowedReferenceApis.all())
        .extracting(BorrowedReferenceApis.Api::api)
        .containsExactly(
            "PyDict_GetItem",
            "PyDict_GetItemWithError",
            "PyDict_GetItemString",
            "PyDict_SetDefault",
            "PyList_GetItem",
            "PyList_GET_ITEM",
            "PyWeakref_GetObject",
            "PyWeakref_GET_OBJECT",
            "PyImport_AddModule",
            "PyCell_GET");
  }

  @Test
  void everyReplacementIsDeclaredInPython313Headers(@TempDir Path tmp) throws IOException {
    Assumptions.assumeTrue(Toolchain.has("gcc"), "gcc not on PATH");
    Path include = Toolchain.python313Include();
    StringBuilder c = new StringBuilder("#include <Python.h>\nvoid *uses[] = {\n");
    for (String r :
        BorrowedReferenceApis.all().stream()
            .map(BorrowedReferenceApis.Api::replacement)
            .distinct()
            .toList()) {
      c.append("    (void *)&").append(r).append(",\n");
    }
    c.append("};\n");
    Path file = tmp.resolve("replacements.c");
    Files.writeString(file, c);
    Toolchain.Result r =
        Toolchain.run(
            List.of(
                "gcc",
                "-std=c11",
                "-fsyntax-only",
                "-Werror=implicit-function-declaration",
                "-I" + include,
                file.toString()),
            tmp);
    assertThat(r.exit()).as("gcc:\n%s\n%s", r.output(), c).isZero();
  }
}
