package dev.ftscout.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftscout.python.scope.SymbolTable;
import dev.ftscout.python.tree.Unparser;
import dev.ftscout.testing.Pythons;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property tests over random programs written from the grammar ({@link ProgramGenerator}, seeded):
 * each parses without error, unparses to source that parses back to the same tree, and (without
 * 3.14 syntax) gives exactly the tree and symbol table CPython 3.13 gives.
 */
class GeneratedProgramTest {
  private static final int SEEDS = 200;
  private final PythonParser parser = new PythonParser();

  static LongStream seeds() {
    return LongStream.range(0, SEEDS);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void parsesAndRoundTripsThroughTheUnparser(long seed) {
    boolean py314 = seed % 4 == 0;
    String source = new ProgramGenerator(seed, py314).program(25);
    PythonVersion target = py314 ? PythonVersion.PY314 : PythonVersion.PY313;
    ParseResult r = parser.parse("gen" + seed + ".py", source, target);
    assertThat(r.errors()).as("seed %d:%n%s", seed, source).isEmpty();
    String unparsed = Unparser.unparse(r.module());
    ParseResult again = parser.parse("unparsed.py", unparsed, PythonVersion.PY314);
    assertThat(again.errors()).as("unparsed seed %d:%n%s", seed, unparsed).isEmpty();
    assertThat(AstText.of(again.module(), false).text())
        .as("seed %d", seed)
        .isEqualTo(AstText.of(r.module(), false).text());
    assertThat(Unparser.unparse(again.module())).as("unparsing is stable").isEqualTo(unparsed);
  }

  @Test
  void matchCpythonExactly(@TempDir Path dir) throws IOException {
    Pythons.Python reference =
        Pythons.version(3, 13)
            .orElseThrow(() -> {
              Assumptions.abort("CPython 3.13 (the reference) is not installed");
              return new IllegalStateException();
            });
    List<Path> files = new ArrayList<>();
    for (long seed = 0; seed < SEEDS; seed++) {
      if (seed % 4 == 0) {
        continue;
      }
      Path f = dir.resolve("gen" + seed + ".py");
      Files.writeString(f, new ProgramGenerator(seed, false).program(25), StandardCharsets.UTF_8);
      files.add(f);
    }
    Differential.Outcome o =
        Differential.run(
            reference,
            files,
            PythonVersion.PY313,
            r -> SymtableText.of(SymbolTable.build(r.module())),
            true,
            5);
    assertThat(o.rejected()).as("generated programs are valid").isEmpty();
    assertThat(o.failures()).isEmpty();
    assertThat(o.nodes()).isGreaterThan(10_000);
  }
}
