package dev.ftscout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftscout.runtime.process.ProcessRunner;
import dev.ftscout.testing.TestVenvs;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The interpreter's own pip is asked for its default index through the process runner. */
class PipIndexQueryTest {
  @TempDir Path dir;

  @Test
  void aRealPipNamesItsDefaultIndex() {
    Path python = TestVenvs.venv("packaging").python();
    PipIndexQuery query = new PipIndexQuery(new ProcessRunner(), System.getenv(), dir);
    assertThat(query.ask(python))
        .hasValueSatisfying(u -> assertThat(u).matches("https?://.+/simple/?"));
  }

  @Test
  void anInterpreterWithoutPipOrNoInterpreterIsNoAnswer() {
    PipIndexQuery query = new PipIndexQuery(new ProcessRunner(), Map.of(), dir);
    assertThat(query.ask(dir.resolve("no-such-python"))).isEmpty();
    assertThat(query.ask(Path.of("/bin/false"))).isEmpty();
  }
}
