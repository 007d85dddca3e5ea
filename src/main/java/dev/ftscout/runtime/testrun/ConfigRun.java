package dev.ftscout.runtime.testrun;

import dev.ftscout.model.TestEvidence.Configuration;
import java.util.List;

/**
 * One configuration with its repeats.
 *
 * @param configuration what ran (counts filled in from the repeats)
 * @param interpreterKey identifies the interpreter, to pair a stress run with its serial run
 * @param repeats one complete suite run per repeat
 */
record ConfigRun(Configuration configuration, String interpreterKey, List<SuiteRun> repeats) {
  ConfigRun {
    repeats = List.copyOf(repeats);
  }

  boolean serial() {
    return configuration.stressThreads() <= 1;
  }

  String label() {
    return configuration.label();
  }
}
