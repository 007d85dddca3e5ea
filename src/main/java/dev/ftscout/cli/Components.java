package dev.ftscout.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ftscout.config.ConfigLoader;
import dev.ftscout.rules.Analyzer;
import dev.ftscout.rules.RuleDocs;
import dev.ftscout.rules.RuleRegistry;
import dev.ftscout.rules.cext.ExtensionAnalyzer;
import dev.ftscout.rules.python.PythonAnalyzer;
import dev.ftscout.runtime.process.ProcessRunner;
import java.util.List;

/**
 * The collaborators commands share, wired once by {@link Main}. Tests build their own to run
 * commands in-process.
 */
public record Components(
    RuleRegistry registry,
    List<Analyzer> analyzers,
    RuleDocs docs,
    ConfigLoader configLoader,
    ObjectMapper json,
    ProcessRunner runner) {

  public Components {
    analyzers = List.copyOf(analyzers);
  }

  /** Components with a default process runner. */
  public Components(
      RuleRegistry registry,
      List<Analyzer> analyzers,
      RuleDocs docs,
      ConfigLoader configLoader,
      ObjectMapper json) {
    this(registry, analyzers, docs, configLoader, json, new ProcessRunner());
  }

  /** The production wiring. */
  public static Components standard() {
    RuleRegistry registry = RuleRegistry.standard();
    return new Components(
        registry,
        List.of(PythonAnalyzer.of(registry), ExtensionAnalyzer.of(registry)),
        new RuleDocs(),
        new ConfigLoader(),
        new ObjectMapper());
  }
}
