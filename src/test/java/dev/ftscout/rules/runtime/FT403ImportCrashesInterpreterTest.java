package dev.ftscout.rules.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftscout.model.Finding;
import dev.ftscout.runtime.probe.ProbeResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class FT403ImportCrashesInterpreterTest {
  private final ImportCrashesInterpreter rule = new ImportCrashesInterpreter();

  @Test
  void crashesAndHangsAreErrorsInEitherMode() {
    for (ProbeResult.Mode mode : ProbeResult.Mode.values()) {
      List<Finding> findings =
          rule.check(new ProbeFacts(RuntimeSamples.probe(mode), RuntimeSamples.ROOT));
      assertThat(findings)
          .extracting(Finding::message)
          .anyMatch(m ->
              m.startsWith("importing segv._boom from segfault-ext 0.1 crashes 3.14")
                  && m.contains("SIGSEGV"))
          .anyMatch(m -> m.startsWith("importing slowpkg from no known distribution hangs 3.14"));
      // Without a distribution the finding points at the environment.
      assertThat(findings.get(1).path()).isEqualTo(".venv");
    }
  }

  @Test
  void quietWhenEveryImportFinished() {
    ProbeResult clean = RuntimeSamples.probe(ProbeResult.Mode.FREE_THREADED);
    ProbeResult withoutCrashes =
        new ProbeResult(
            clean.interpreter(),
            clean.mode(),
            clean.environment(),
            clean.modules().subList(0, 3),
            clean.workerProcesses(),
            clean.wallTime(),
            clean.notes());
    assertThat(rule.check(new ProbeFacts(withoutCrashes, RuntimeSamples.ROOT))).isEmpty();
  }
}
