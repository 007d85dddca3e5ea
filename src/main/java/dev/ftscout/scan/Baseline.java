package dev.ftscout.scan;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ftscout.model.Finding;
import dev.ftscout.model.Fingerprints;
import dev.ftscout.model.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Accepted findings, recorded by {@code --write-baseline} so that CI fails only on new ones.
 * Findings are matched by {@link Fingerprints}, which ignore line numbers, so edits above a
 * baselined finding do not bring it back.
 */
public final class Baseline {
  static final int SCHEMA_VERSION = 1;

  private final Map<String, Integer> fingerprints;

  private Baseline(Map<String, Integer> fingerprints) {
    this.fingerprints = fingerprints;
  }

  /** Findings not in the baseline, and how many were. */
  public record Outcome(List<Finding> fresh, int baselined) {}

  /** Reads a baseline file; a malformed one is a {@link UserError} naming file, line and column. */
  public static Baseline read(Path file, ObjectMapper json) {
    JsonNode tree;
    try {
      tree = json.readTree(Files.readString(file));
    } catch (JacksonException e) {
      JsonLocation loc = e.getLocation();
      throw UserError.at(
          file.toString(),
          loc == null ? 0 : loc.getLineNr(),
          loc == null ? 0 : loc.getColumnNr(),
          "invalid baseline: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UserError(file + ": cannot read baseline: " + e.getMessage(), e);
    }
    if (tree == null
        || tree.path("schemaVersion").asInt(-1) != SCHEMA_VERSION
        || !tree.path("findings").isArray()) {
      throw new UserError(
          file + ": not an ftscout baseline (expected schemaVersion " + SCHEMA_VERSION + ")");
    }
    Map<String, Integer> counts = new HashMap<>();
    for (JsonNode f : tree.path("findings")) {
      String fp = f.path("fingerprint").asText("");
      if (fp.isEmpty()) {
        throw new UserError(file + ": baseline entry without fingerprint");
      }
      counts.merge(fp, 1, Integer::sum);
    }
    return new Baseline(counts);
  }

  /** The findings not accepted by this baseline. */
  public Outcome apply(List<Finding> findings) {
    List<String> fps = Fingerprints.of(findings);
    Map<String, Integer> left = new HashMap<>(fingerprints);
    List<Finding> fresh = new ArrayList<>();
    int baselined = 0;
    for (int i = 0; i < findings.size(); i++) {
      Integer n = left.get(fps.get(i));
      if (n != null && n > 0) {
        left.put(fps.get(i), n - 1);
        baselined++;
      } else {
        fresh.add(findings.get(i));
      }
    }
    return new Outcome(fresh, baselined);
  }

  /** The baseline document for these findings. */
  public static String render(List<Finding> findings, ObjectMapper json) {
    ObjectNode root = json.createObjectNode();
    root.put("schemaVersion", SCHEMA_VERSION);
    root.put("tool", "ftscout");
    ArrayNode list = root.putArray("findings");
    List<String> fps = Fingerprints.of(findings);
    for (int i = 0; i < findings.size(); i++) {
      Finding f = findings.get(i);
      ObjectNode n = list.addObject();
      n.put("ruleId", f.ruleId());
      n.put("path", f.path());
      n.put("line", f.span().line());
      n.put("message", f.message());
      n.put("fingerprint", fps.get(i));
    }
    try {
      return json.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
