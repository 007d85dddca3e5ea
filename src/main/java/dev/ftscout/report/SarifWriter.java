package dev.ftscout.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ftscout.model.Finding;
import dev.ftscout.model.Fingerprints;
import dev.ftscout.model.RuleInfo;
import dev.ftscout.model.Severity;
import dev.ftscout.model.SkippedFile;
import dev.ftscout.model.UnusedSuppression;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0 for code-scanning upload. Rules carry their full metadata (help text from the doc
 * page, help URI, precision, tags); results carry line-shift-proof fingerprints; skipped files and
 * unused suppressions become tool execution notifications.
 */
public final class SarifWriter implements ReportWriter {
  static final String SCHEMA =
      "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
  static final String INFORMATION_URI = "https://github.com/ftscout/ftscout";
  static final String ROOT_ID = "SRCROOT";

  private final ObjectMapper json;

  public SarifWriter(ObjectMapper json) {
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

  ObjectNode tree(Report report) {
    ObjectNode root = json.createObjectNode();
    root.put("$schema", SCHEMA);
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();

    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "ftscout");
    driver.put("version", report.toolVersion());
    driver.put("semanticVersion", report.toolVersion());
    driver.put("informationUri", INFORMATION_URI);
    ArrayNode rules = driver.putArray("rules");
    Map<String, Integer> ruleIndex = new HashMap<>();
    for (RuleEntry entry : report.rules()) {
      ruleIndex.put(entry.info().id(), ruleIndex.size());
      rules.add(rule(entry));
    }

    String rootUri = Path.of(report.root()).toUri().toString();
    run.putObject("originalUriBaseIds")
        .putObject(ROOT_ID)
        .put("uri", rootUri.endsWith("/") ? rootUri : rootUri + "/");
    run.put("columnKind", "utf16CodeUnits");
    report
        .assessment()
        .ifPresent(
            a -> JsonWriter.verdict(run.putObject("properties").putObject("ftscout/verdict"), a));

    ObjectNode invocation = run.putArray("invocations").addObject();
    invocation.put("executionSuccessful", true);
    ArrayNode notifications = invocation.putArray("toolExecutionNotifications");
    for (SkippedFile s : report.skipped()) {
      notification(notifications, "warning", "skipped: " + s.reason(), s.path(), 0);
    }
    for (UnusedSuppression u : report.unusedSuppressions()) {
      notification(notifications, "note", "unused suppression: " + u.reason(), u.path(), u.line());
    }

    ArrayNode results = run.putArray("results");
    List<String> fingerprints = Fingerprints.of(report.findings());
    for (int i = 0; i < report.findings().size(); i++) {
      Finding f = report.findings().get(i);
      ObjectNode r = results.addObject();
      r.put("ruleId", f.ruleId());
      Integer index = ruleIndex.get(f.ruleId());
      if (index != null) {
        r.put("ruleIndex", index);
      }
      r.put("level", level(f.severity()));
      r.putObject("message")
          .put("text", f.message() + (f.fix().isBlank() ? "" : ". Fix: " + f.fix()));
      ObjectNode physical = r.putArray("locations").addObject().putObject("physicalLocation");
      artifact(physical, f.path());
      if (!f.span().isWholeFile()) {
        ObjectNode region = physical.putObject("region");
        region.put("startLine", f.span().line());
        if (f.span().column() > 0) {
          region.put("startColumn", f.span().column());
          region.put("endLine", f.span().endLine());
          region.put("endColumn", Math.max(f.span().endColumn(), f.span().column()));
        }
        if (!f.snippet().isBlank()) {
          region.putObject("snippet").put("text", f.snippet());
        }
      }
      r.putObject("partialFingerprints").put("ftscout/v1", fingerprints.get(i));
      if (!f.fix().isBlank()) {
        r.putObject("properties").put("fixHint", f.fix());
      }
    }
    return root;
  }

  private ObjectNode rule(RuleEntry entry) {
    RuleInfo info = entry.info();
    ObjectNode n = json.createObjectNode();
    n.put("id", info.id());
    n.put("name", info.name());
    n.putObject("shortDescription").put("text", info.summary());
    n.putObject("fullDescription").put("text", info.summary() + ". " + info.fix());
    ObjectNode help = n.putObject("help");
    String markdown =
        entry.helpMarkdown().isBlank()
            ? info.summary() + "\n\nFix: " + info.fix()
            : entry.helpMarkdown();
    help.put("text", info.summary() + ". Fix: " + info.fix() + " See " + entry.helpUri());
    help.put("markdown", markdown);
    n.put("helpUri", entry.helpUri());
    n.putObject("defaultConfiguration").put("level", level(info.severity()));
    ObjectNode props = n.putObject("properties");
    props.put("precision", info.precision().sarif());
    props.put("problem.severity", problemSeverity(info.severity()));
    // SARIF wants unique tags; a rule may repeat the ones every rule gets.
    java.util.Set<String> unique = new java.util.LinkedHashSet<>();
    unique.add("free-threading");
    unique.add(info.family());
    unique.addAll(info.tags());
    ArrayNode tags = props.putArray("tags");
    unique.forEach(tags::add);
    return n;
  }

  private static void artifact(ObjectNode physical, String path) {
    ObjectNode artifact = physical.putObject("artifactLocation");
    artifact.put("uri", uriOf(path));
    artifact.put("uriBaseId", ROOT_ID);
  }

  /** A relative path as a URI reference: separators kept, anything else escaped. */
  static String uriOf(String path) {
    try {
      return new java.net.URI(null, null, path, null).getRawPath();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException("not a path: " + path, e);
    }
  }

  private void notification(ArrayNode list, String level, String text, String path, int line) {
    ObjectNode n = list.addObject();
    n.put("level", level);
    n.putObject("message").put("text", text);
    ObjectNode physical = n.putArray("locations").addObject().putObject("physicalLocation");
    artifact(physical, path);
    if (line > 0) {
      physical.putObject("region").put("startLine", line);
    }
  }

  private static String level(Severity s) {
    return switch (s) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO -> "note";
    };
  }

  /** GitHub code scanning's own severity scale. */
  private static String problemSeverity(Severity s) {
    return switch (s) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO -> "recommendation";
    };
  }
}
