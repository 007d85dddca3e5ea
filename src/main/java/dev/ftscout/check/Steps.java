package dev.ftscout.check;

import dev.ftscout.config.Config;
import dev.ftscout.deps.audit.AuditResult;
import dev.ftscout.model.BenchEvidence;
import dev.ftscout.model.ConcurrencyFacts;
import dev.ftscout.model.DependencyTable;
import dev.ftscout.model.Finding;
import dev.ftscout.model.ProbeEvidence;
import dev.ftscout.model.Progress;
import dev.ftscout.model.TestEvidence;
import dev.ftscout.verdict.VerdictInput;
import java.util.List;
import java.util.Map;

/**
 * The parts a check runs besides the static scan, each behind an interface so the command line
 * wires the real implementations and a part's failure stays that part's.
 */
public final class Steps {
  private Steps() {}

  /** The dependency audit. */
  @FunctionalInterface
  public interface Dependencies {
    DependencyOutcome audit(Config config, Progress progress) throws Exception;
  }

  /** The import probe in a free-threaded interpreter. */
  @FunctionalInterface
  public interface Probe {
    RuntimeOutcome<ProbeEvidence> probe(Config config, Progress progress) throws Exception;
  }

  /** The test suite with and without the GIL. */
  @FunctionalInterface
  public interface Tests {
    RuntimeOutcome<TestEvidence> test(Config config, Progress progress) throws Exception;
  }

  /** The benchmark. */
  @FunctionalInterface
  public interface Bench {
    BenchEvidence bench(Config config, Progress progress) throws Exception;
  }

  /**
   * What the dependency audit gives the check.
   *
   * @param findings FT3xx findings at their rules' default severities
   * @param evidence the summary the verdict weighs
   * @param signals workload signals from dependency names (e.g. django, numpy)
   * @param chains for each distribution, how the project depends on it (for probe culprits)
   * @param audit the full audit, for the history
   * @param table the dependency table for the report
   */
  public record DependencyOutcome(
      List<Finding> findings,
      VerdictInput.Dependencies evidence,
      ConcurrencyFacts signals,
      Map<String, List<String>> chains,
      AuditResult audit,
      DependencyTable table) {
    public DependencyOutcome {
      findings = List.copyOf(findings);
      chains = Map.copyOf(chains);
    }
  }

  /**
   * A runtime part's evidence and the FT4xx findings its rules made of it.
   *
   * @param evidence what ran and what it showed
   * @param findings findings at their rules' default severities
   */
  public record RuntimeOutcome<E>(E evidence, List<Finding> findings) {
    public RuntimeOutcome {
      findings = List.copyOf(findings);
    }
  }
}
