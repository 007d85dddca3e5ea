package dev.ftscout.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ftscout.model.DependencyTable;
import java.util.List;
import java.util.Optional;

/** The JSON shape of the dependency audit ({@code dependencies}). */
final class DependencyNodes {
  private final ObjectMapper json;

  DependencyNodes(ObjectMapper json) {
    this.json = json;
  }

  ObjectNode table(DependencyTable t) {
    ObjectNode n = json.createObjectNode();
    strings(n.putArray("targets"), t.targets());
    strings(n.putArray("inputs"), t.inputs());
    strings(n.putArray("indexes"), t.indexes());
    n.put("sourcesInspected", t.sourcesInspected());
    ObjectNode summary = n.putObject("summary");
    summary.put("packages", t.packages().size());
    summary.put("blockers", t.blockers().size());
    summary.put(
        "unknown",
        t.packages().stream()
            .filter(r -> r.standing() == DependencyTable.Standing.UNKNOWN)
            .count());
    ArrayNode packages = n.putArray("packages");
    for (DependencyTable.Row r : t.packages()) {
      ObjectNode o = packages.addObject();
      o.put("name", r.name());
      o.put("version", r.version());
      o.put("pinned", r.pinned());
      o.put("direct", r.direct());
      o.put("kind", r.kind());
      o.put("declaredAt", r.declaredAt());
      strings(o.putArray("requiredBy"), r.requiredBy());
      optional(o, "newest", r.newest());
      optional(o, "claim", r.claim());
      optional(o, "yanked", r.yanked());
      o.put("standing", r.standing().key());
      ArrayNode cells = o.putArray("targets");
      for (DependencyTable.Cell c : r.targets()) {
        ObjectNode co = cells.addObject();
        co.put("target", c.target());
        co.put("status", c.status().key());
        co.put("standing", c.status().standing().key());
        optional(co, "wheel", c.wheel());
        optional(co, "firstFreeThreaded", c.firstFreeThreaded());
      }
      if (r.source().isPresent()) {
        DependencyTable.SourceCheck s = r.source().get();
        ObjectNode so = o.putObject("source");
        so.put("declaration", s.declaration());
        so.put("pureFallback", s.pureFallback());
        strings(so.putArray("evidence"), s.evidence());
      } else {
        o.putNull("source");
      }
    }
    ArrayNode chains = n.putArray("chains");
    for (DependencyTable.Chain c : t.chains()) {
      ObjectNode o = chains.addObject();
      o.put("target", c.target());
      strings(o.putArray("path"), c.path());
      o.put("reason", c.reason());
      optional(o, "firstFreeThreaded", c.firstFreeThreaded());
      o.put("text", c.render());
    }
    ObjectNode plan = n.putObject("plan");
    ArrayNode bumps = plan.putArray("bumps");
    for (DependencyTable.Bump b : t.plan().bumps()) {
      ObjectNode o = bumps.addObject();
      o.put("name", b.name());
      o.put("from", b.from());
      o.put("to", b.to());
      strings(o.putArray("targets"), b.targets());
    }
    ArrayNode conflicts = plan.putArray("conflicts");
    for (DependencyTable.Conflict c : t.plan().conflicts()) {
      ObjectNode o = conflicts.addObject();
      o.put("name", c.name());
      o.put("needed", c.needed());
      o.put("constraint", c.constraint());
      o.put("imposedBy", c.imposedBy());
      optional(o, "at", c.at());
      o.put("text", c.render());
    }
    strings(plan.putArray("unfixable"), t.plan().unfixable());
    strings(n.putArray("notes"), t.notes());
    strings(n.putArray("missingOffline"), t.missingOffline());
    return n;
  }

  private static void optional(ObjectNode o, String field, Optional<String> value) {
    if (value.isPresent()) {
      o.put(field, value.get());
    } else {
      o.putNull(field);
    }
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }
}
