package dev.ftscout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftscout.model.Progress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TerminalProgressTest {
  private static Terminal terminal(PrintStream err, boolean tty, Map<String, String> env) {
    return new Terminal(System.out, err, env, Path.of("."), tty, tty);
  }

  @Test
  void drawsABarAndClearsItOnATerminal() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    Progress p = TerminalProgress.forTerminal(terminal(err, true, Map.of()), false);
    p.start("Querying index", 4);
    for (String name : new String[] {"numpy", "pandas", "lxml", "orjson"}) {
      p.step(name);
    }
    p.finish();
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(out).contains("\rQuerying index [", "] 4/4  orjson").endsWith("\r");
  }

  @Test
  void silentWhenNotATerminalQuietOrInCi() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    for (Progress p :
        new Progress[] {
          TerminalProgress.forTerminal(terminal(err, false, Map.of()), false),
          TerminalProgress.forTerminal(terminal(err, true, Map.of()), true),
          TerminalProgress.forTerminal(terminal(err, true, Map.of("CI", "true")), false)
        }) {
      p.start("x", 1);
      p.step("y");
      p.finish();
    }
    assertThat(bytes.size()).isZero();
  }
}
