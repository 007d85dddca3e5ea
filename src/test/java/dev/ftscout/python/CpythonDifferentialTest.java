package dev.ftscout.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftscout.python.scope.SymbolTable;
import dev.ftscout.testing.Pythons;
import dev.ftscout.testing.TestVenvs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The parser and the symbol table against CPython 3.13's own {@code ast} and {@code symtable}, node
 * by node and symbol by symbol, positions included: every standard library on this machine (3.8 to
 * 3.13, identical files once) and the packages of a real venv. A file CPython rejects must be
 * rejected too. Zero differences are allowed.
 */
class CpythonDifferentialTest {
  private static final int SHOWN = 10;

  private static Pythons.Python reference() {
    return Pythons.version(3, 13)
        .orElseThrow(() -> {
          Assumptions.abort("CPython 3.13 (the reference ast and symtable) is not installed");
          return new IllegalStateException();
        });
  }

  @Test
  void standardLibrariesMatchCpython() {
    Pythons.Python reference = reference();
    Set<String> seen = new HashSet<>();
    List<Path> files = new ArrayList<>();
    List<String> versions = new ArrayList<>();
    for (Pythons.Python py : Pythons.atLeast(3, 8)) {
      files.addAll(Corpus.dedupe(Corpus.pythonFiles(Corpus.stdlib(py), true), seen));
      versions.add(py.version());
    }
    check("standard libraries of " + String.join(", ", versions), reference, files);
  }

  @Test
  void installedPackagesMatchCpython() {
    Pythons.Python reference = reference();
    Path site = TestVenvs.venv("parser-corpus").sitePackages();
    List<Path> files = new ArrayList<>();
    try (Stream<Path> tops = Files.list(site)) {
      for (Path top : tops.sorted().toList()) {
        String name = top.getFileName().toString();
        if (name.startsWith("pip")
            || name.startsWith("setuptools")
            || name.startsWith("pkg_resources")
            || name.startsWith("_distutils_hack")
            || name.endsWith(".dist-info")) {
          continue;
        }
        files.addAll(
            Files.isDirectory(top)
                ? Corpus.pythonFiles(top, false)
                : name.endsWith(".py") ? List.of(top) : List.of());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    check("packages of " + site, reference, Corpus.dedupe(files));
  }

  private static void check(String what, Pythons.Python reference, List<Path> files) {
    assertThat(files).as("corpus files").isNotEmpty();
    long started = System.nanoTime();
    Differential.Outcome o =
        Differential.run(
            reference,
            files,
            PythonVersion.PY313,
            r -> SymtableText.of(SymbolTable.build(r.module())),
            true,
            SHOWN);
    System.out.printf(
        "CPython %s differential, %s: %d files compared (%d rejected by both), %d nodes and %d"
            + " symbols identical, %d differences, %.1f s%n",
        reference.version(),
        what,
        o.files(),
        o.rejectedByBoth(),
        o.nodes(),
        o.symbols(),
        o.failures().size(),
        (System.nanoTime() - started) / 1e9);
    assertThat(o.failures())
        .as("files where the parser or symbol table differs from CPython")
        .isEmpty();
    assertThat(o.nodes()).isPositive();
  }
}
