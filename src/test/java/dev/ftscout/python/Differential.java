package dev.ftscout.python;

import dev.ftscout.testing.Pythons;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * Compares the Java parser with CPython on a corpus: each file's tree (and, optionally, symbol
 * table) in the shared text format, or the fact that both reject it.
 */
final class Differential {
  private Differential() {}

  /** What one run compared and what differed. */
  record Outcome(
      int files,
      long nodes,
      long symbols,
      int rejectedByBoth,
      List<String> failures,
      List<String> rejected) {}

  /** Our side of one file: the texts and hashes, or our first error. */
  record Ours(
      String astText,
      String astHash,
      int nodes,
      String symText,
      String symHash,
      int symbols,
      @Nullable String error) {}

  static Outcome run(
      Pythons.Python reference,
      List<Path> files,
      PythonVersion target,
      Function<ParseResult, String> symtableText,
      boolean compareSymtables,
      int maxReports) {
    int shards = Math.max(1, Runtime.getRuntime().availableProcessors());
    CompletableFuture<List<CpythonReference.Verdict>> theirs =
        CompletableFuture.supplyAsync(
            () -> CpythonReference.verdicts(reference, files, shards),
            task -> Thread.ofVirtual().name("cpython-verdicts").start(task));
    PythonParser parser = new PythonParser();
    Ours[] ours = new Ours[files.size()];
    IntStream.range(0, files.size())
        .parallel()
        .forEach(i -> {
          Path f = files.get(i);
          try {
            ParseResult r = parser.parse(f.toString(), Files.readAllBytes(f), target);
            if (!r.ok()) {
              ours[i] = new Ours("", "", 0, "", "", 0, r.errors().get(0).toString());
              return;
            }
            AstText t = AstText.of(r.module());
            String text = t.text();
            String sym = symtableText.apply(r);
            ours[i] =
                new Ours(
                    maxReports > 0 ? text : "",
                    Corpus.md5(text),
                    t.nodes(),
                    maxReports > 0 ? sym : "",
                    Corpus.md5(sym),
                    countSymbols(sym),
                    null);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          } catch (RuntimeException | StackOverflowError e) {
            ours[i] = new Ours("", "", 0, "", "", 0, "CRASH " + e);
          }
        });
    List<CpythonReference.Verdict> verdicts = theirs.join();
    List<String> failures = new ArrayList<>();
    int reported = 0;
    long nodes = 0;
    long symbols = 0;
    int rejected = 0;
    List<String> rejectedFiles = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      CpythonReference.Verdict v = verdicts.get(i);
      Ours o = ours[i];
      Path f = files.get(i);
      if (v.error().isPresent()) {
        if (o.error() == null) {
          failures.add(
              f + ": CPython rejects it (" + v.error().get() + ") but the parser accepts it");
        } else {
          rejected++;
          rejectedFiles.add(f + ": " + v.error().get());
        }
        continue;
      }
      if (o.error() != null) {
        failures.add(f + ": the parser rejects valid code: " + o.error());
        continue;
      }
      nodes += v.nodes();
      symbols += v.symbols();
      boolean astSame = v.astHash().equals(o.astHash()) && v.nodes() == o.nodes();
      boolean symSame = !compareSymtables || v.symHash().equals(o.symHash());
      if (astSame && symSame) {
        continue;
      }
      StringBuilder msg = new StringBuilder(f.toString());
      if (++reported <= maxReports) {
        String[] dump = CpythonReference.dump(reference, f);
        if (!astSame) {
          msg.append(": tree differs\n").append(firstDifference(dump[0], o.astText()));
        } else {
          msg.append(": symbol table differs\n").append(firstDifference(dump[1], o.symText()));
        }
      } else {
        msg.append(astSame ? ": symbol table differs" : ": tree differs");
      }
      failures.add(msg.toString());
    }
    return new Outcome(files.size(), nodes, symbols, rejected, failures, rejectedFiles);
  }

  private static int countSymbols(String sym) {
    int n = 0;
    for (int i = 0; i + 1 < sym.length(); i++) {
      if (sym.charAt(i) == '\n' && sym.charAt(i + 1) == ' ') {
        n++;
      }
    }
    return n;
  }

  static String firstDifference(String expected, String actual) {
    int i = 0;
    int n = Math.min(expected.length(), actual.length());
    while (i < n && expected.charAt(i) == actual.charAt(i)) {
      i++;
    }
    int from = Math.max(0, i - 300);
    return "  CPython: ..."
        + expected.substring(from, Math.min(expected.length(), i + 200))
        + "\n  ftscout: ..."
        + actual.substring(from, Math.min(actual.length(), i + 200));
  }
}
