package dev.ftscout.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ftscout.model.BenchEvidence;
import dev.ftscout.model.ProbeEvidence;
import dev.ftscout.model.TestEvidence;
import java.util.List;

/** The JSON shape of the runtime sections ({@code probe}, {@code test}, {@code bench}). */
final class RuntimeNodes {
  private final ObjectMapper json;

  RuntimeNodes(ObjectMapper json) {
    this.json = json;
  }

  ObjectNode probe(ProbeEvidence p) {
    ObjectNode n = json.createObjectNode();
    n.put("interpreter", p.interpreter());
    n.put("version", p.version());
    n.put("shortVersion", p.shortVersion());
    n.put("freeThreaded", p.freeThreaded());
    n.put("environment", p.environment());
    n.put("workers", p.workers());
    n.put("wallMillis", p.wallMillis());
    ObjectNode counts = n.putObject("counts");
    for (ProbeEvidence.Status s : ProbeEvidence.Status.values()) {
      counts.put(s.label(), p.withStatus(s).size());
    }
    ArrayNode modules = n.putArray("modules");
    for (ProbeEvidence.Module m : p.modules()) {
      ObjectNode o = modules.addObject();
      o.put("name", m.name());
      o.put("kind", m.kind());
      o.put("status", m.status().label());
      o.put("distribution", m.distribution());
      o.put("version", m.version());
      o.put("evidence", m.evidence());
    }
    ArrayNode culprits = n.putArray("culprits");
    for (ProbeEvidence.Culprit c : p.culprits()) {
      ObjectNode o = culprits.addObject();
      o.put("module", c.module());
      o.put("distribution", c.distribution());
      o.put("version", c.version());
      o.put("evidence", c.evidence());
      strings(o.putArray("chain"), c.chain());
    }
    strings(n.putArray("notes"), p.notes());
    return n;
  }

  ObjectNode tests(TestEvidence t) {
    ObjectNode n = json.createObjectNode();
    strings(n.putArray("command"), t.command());
    n.put("runner", t.runner());
    ArrayNode configs = n.putArray("configurations");
    for (TestEvidence.Configuration c : t.configurations()) {
      ObjectNode o = configs.addObject();
      o.put("label", c.label());
      o.put("interpreter", c.interpreter());
      o.put("version", c.version());
      o.put("freeThreaded", c.freeThreaded());
      o.put("gilForcedOff", c.gilForcedOff());
      o.put("stressThreads", c.stressThreads());
      o.put("iterations", c.iterations());
      o.put("repeats", c.repeats());
      ObjectNode counts = o.putObject("counts");
      for (TestEvidence.Outcome out : TestEvidence.Outcome.values()) {
        counts.put(out.label(), c.counts().getOrDefault(out.label(), 0));
      }
      o.put("wallMillis", c.wallMillis());
      ArrayNode codes = o.putArray("exitCodes");
      c.exitCodes().forEach(codes::add);
    }
    ArrayNode tests = n.putArray("tests");
    for (TestEvidence.TestOutcomes test : t.tests()) {
      ObjectNode o = tests.addObject();
      o.put("id", test.id());
      ObjectNode outcomes = o.putObject("outcomes");
      for (TestEvidence.Configuration c : t.configurations()) {
        List<TestEvidence.Outcome> list = test.outcomes().get(c.label());
        if (list != null) {
          ArrayNode a = outcomes.putArray(c.label());
          list.forEach(x -> a.add(x.label()));
        }
      }
    }
    ArrayNode problems = n.putArray("problems");
    for (TestEvidence.Problem p : t.problems()) {
      ObjectNode o = problems.addObject();
      o.put("test", p.test());
      o.put("kind", p.kind().label());
      o.put("category", p.category().label());
      o.put("exceptionType", p.exceptionType());
      o.put("configuration", p.configuration());
      o.put("evidence", p.evidence());
      strings(o.putArray("files"), p.files());
      o.put("line", p.line());
      o.put("threadDump", p.threadDump());
      strings(o.putArray("relatedFindings"), p.relatedFindings());
    }
    ArrayNode single = n.putArray("singleThreaded");
    for (TestEvidence.SingleThreaded s : t.singleThreaded()) {
      single.addObject().put("test", s.test()).put("reason", s.reason());
    }
    strings(n.putArray("notes"), t.notes());
    return n;
  }

  ObjectNode bench(BenchEvidence b) {
    ObjectNode n = json.createObjectNode();
    ArrayNode interpreters = n.putArray("interpreters");
    for (BenchEvidence.Interpreter i : b.interpreters()) {
      interpreters
          .addObject()
          .put("label", i.label())
          .put("path", i.path())
          .put("version", i.version())
          .put("freeThreaded", i.freeThreaded());
    }
    ArrayNode workloads = n.putArray("workloads");
    for (BenchEvidence.Workload w : b.workloads()) {
      ObjectNode o = workloads.addObject();
      o.put("name", w.name());
      o.put("description", w.description());
      ArrayNode series = o.putArray("series");
      for (BenchEvidence.Series s : w.series()) {
        ObjectNode so = series.addObject();
        so.put("interpreter", s.interpreter());
        so.put("mode", s.mode().label());
        if (s.serialFraction().isPresent()) {
          so.put("serialFraction", s.serialFraction().getAsDouble());
        } else {
          so.putNull("serialFraction");
        }
        ArrayNode points = so.putArray("points");
        for (BenchEvidence.Point p : s.points()) {
          ObjectNode po = points.addObject();
          po.put("workers", p.workers());
          po.put("median", p.median());
          po.put("mad", p.mad());
          po.put("min", p.min());
          po.put("max", p.max());
          double speedup = s.speedup(p);
          if (Double.isFinite(speedup)) {
            po.put("speedup", speedup);
          } else {
            po.putNull("speedup");
          }
          ArrayNode values = po.putArray("values");
          p.values().forEach(values::add);
          po.put("peakRssKb", p.peakRssKb());
          po.put("unstable", p.unstable());
          if (p.gc().isPresent()) {
            BenchEvidence.GcPauses g = p.gc().get();
            po.putObject("gcPauses")
                .put("collections", g.collections())
                .put("totalMillis", g.totalMillis())
                .put("maxMillis", g.maxMillis())
                .put("medianMillis", g.medianMillis());
          } else {
            po.putNull("gcPauses");
          }
        }
      }
    }
    ArrayNode taxes = n.putArray("taxes");
    for (BenchEvidence.Tax t : b.taxes()) {
      taxes
          .addObject()
          .put("workload", t.workload())
          .put("freeThreaded", t.freeThreaded())
          .put("gil", t.gil())
          .put("timeRatio", t.timeRatio())
          .put("memoryRatio", t.memoryRatio());
    }
    strings(n.putArray("notes"), b.notes());
    return n;
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }
}
