package dev.ftscout.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ftscout.model.ConcurrencyFacts;
import dev.ftscout.model.ExtensionModule;
import dev.ftscout.model.Finding;
import dev.ftscout.model.Fingerprints;
import dev.ftscout.model.SkippedFile;
import dev.ftscout.model.UnusedSuppression;
import dev.ftscout.verdict.Assessment;
import dev.ftscout.verdict.Evidence;
import dev.ftscout.verdict.NextStep;
import dev.ftscout.verdict.Reason;
import java.util.List;

/**
 * The machine-readable report. Its shape is versioned by {@code schemaVersion} and described by
 * {@code schema/ftscout-report.schema.json}; a field is never renamed or removed without a new
 * version.
 */
public final class JsonWriter implements ReportWriter {
  /** Bumped whenever a field changes meaning or goes away; additions keep it. */
  public static final int SCHEMA_VERSION = 1;

  private final ObjectMapper json;

  public JsonWriter(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public String write(Report report) {
    try {
      return json.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(tree(report))
          + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The verdict: No/Maybe/Yes, confidence, reasons with evidence, next steps. */
  static void verdict(ObjectNode n, Assessment a) {
    n.put("verdict", a.verdict().label());
    n.put("confidence", a.confidence().label());
    ArrayNode reasons = n.putArray("reasons");
    for (Reason r : a.reasons()) {
      ObjectNode rn = reasons.addObject();
      rn.put("rule", r.rule());
      rn.put("pointsTo", r.pointsTo().label());
      rn.put("weight", r.weight());
      rn.put("title", r.title());
      ArrayNode ev = rn.putArray("evidence");
      for (Evidence e : r.evidence()) {
        ObjectNode en = ev.addObject();
        en.put("kind", e.kind().name().toLowerCase(java.util.Locale.ROOT));
        en.put("ref", e.ref());
        en.put("detail", e.detail());
      }
    }
    ArrayNode failed = n.putArray("failedParts");
    a.failedParts().forEach(failed::add);
    ArrayNode steps = n.putArray("nextSteps");
    for (NextStep s : a.nextSteps()) {
      ObjectNode sn = steps.addObject();
      sn.put("action", s.action());
      sn.put("command", s.command());
    }
  }

  /** The report as a JSON tree. */
  public ObjectNode tree(Report report) {
    ObjectNode root = json.createObjectNode();
    root.put("schemaVersion", SCHEMA_VERSION);
    ObjectNode tool = root.putObject("tool");
    tool.put("name", "ftscout");
    tool.put("version", report.toolVersion());
    root.put("command", report.command());
    root.put("root", report.root());

    report.assessment().ifPresent(a -> verdict(root.putObject("verdict"), a));

    ObjectNode summary = root.putObject("summary");
    summary.put("findings", report.findings().size());
    ObjectNode bySeverity = summary.putObject("bySeverity");
    report.countsBySeverity().forEach((s, n) -> bySeverity.put(s.label(), n));
    summary.put("filesAnalyzed", report.filesAnalyzed());
    summary.put("filesSkipped", report.skipped().size());
    summary.put("suppressed", report.suppressed());
    summary.put("baselined", report.baselined());
    summary.put("failOn", report.failOn().label());
    summary.put("failed", report.failed());

    ArrayNode findings = root.putArray("findings");
    List<String> fingerprints = Fingerprints.of(report.findings());
    for (int i = 0; i < report.findings().size(); i++) {
      Finding f = report.findings().get(i);
      ObjectNode n = findings.addObject();
      n.put("ruleId", f.ruleId());
      n.put("ruleName", report.rule(f.ruleId()).map(r -> r.info().name()).orElse(""));
      n.put("severity", f.severity().label());
      n.put("message", f.message());
      n.put("path", f.path());
      n.put("line", f.span().line());
      n.put("column", f.span().column());
      n.put("endLine", f.span().endLine());
      n.put("endColumn", f.span().endColumn());
      n.put("snippet", f.snippet());
      n.put("fix", f.fix());
      n.put("fingerprint", fingerprints.get(i));
    }

    ArrayNode modules = root.putArray("extensionModules");
    for (ExtensionModule m : report.extensionModules()) {
      ObjectNode n = modules.addObject();
      n.put("name", m.name());
      n.put("binding", m.binding().label());
      n.put("path", m.path());
      n.put("line", m.line());
      n.put("declaresGilFree", m.declaration().label());
      n.put("evidence", m.evidence());
    }

    ArrayNode skipped = root.putArray("skipped");
    for (SkippedFile s : report.skipped()) {
      ObjectNode n = skipped.addObject();
      n.put("path", s.path());
      n.put("reason", s.reason());
    }

    ArrayNode unused = root.putArray("unusedSuppressions");
    for (UnusedSuppression u : report.unusedSuppressions()) {
      ObjectNode n = unused.addObject();
      n.put("path", u.path());
      n.put("line", u.line());
      ArrayNode rules = n.putArray("rules");
      u.rules().forEach(rules::add);
      n.put("reason", u.reason());
    }

    ObjectNode concurrency = root.putObject("concurrency");
    ObjectNode counts = concurrency.putObject("counts");
    report.concurrency().counts().forEach((k, n) -> counts.put(ConcurrencyLabels.key(k), n));
    ArrayNode signals = concurrency.putArray("signals");
    for (ConcurrencyFacts.Signal s : report.concurrency().signals()) {
      ObjectNode n = signals.addObject();
      n.put("kind", ConcurrencyLabels.key(s.kind()));
      n.put("detail", s.detail());
      n.put("path", s.path());
      n.put("line", s.line());
    }

    ArrayNode rules = root.putArray("rules");
    for (RuleEntry r : report.rules()) {
      ObjectNode n = rules.addObject();
      n.put("id", r.info().id());
      n.put("name", r.info().name());
      n.put("severity", r.info().severity().label());
      n.put("summary", r.info().summary());
      n.put("fix", r.info().fix());
      n.put("helpUri", r.helpUri());
    }

    if (!report.dependencies().isEmpty()) {
      root.set("dependencies", new DependencyNodes(json).table(report.dependencies()));
    }
    RuntimeNodes runtime = new RuntimeNodes(json);
    report.runtime().probe().ifPresent(p -> root.set("probe", runtime.probe(p)));
    report.runtime().tests().ifPresent(t -> root.set("test", runtime.tests(t)));
    report.runtime().bench().ifPresent(b -> root.set("bench", runtime.bench(b)));
    return root;
  }
}
