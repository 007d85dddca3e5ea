package dev.ftscout.deps.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ftscout.deps.audit.AuditRequest;
import dev.ftscout.deps.audit.AuditResult;
import dev.ftscout.deps.audit.DependencyAudit;
import dev.ftscout.deps.index.IndexClient;
import dev.ftscout.deps.index.IndexOptions;
import dev.ftscout.deps.input.InputReaders;
import dev.ftscout.deps.metadata.CoreMetadata;
import dev.ftscout.deps.pep440.Version;
import dev.ftscout.deps.pep508.Names;
import dev.ftscout.deps.tags.SdistFilename;
import dev.ftscout.deps.tags.Target;
import dev.ftscout.deps.tags.WheelFilename;
import dev.ftscout.deps.testdata.RealPackageData;
import dev.ftscout.deps.testindex.LoopbackIndex;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 300-package benchmark: a PEP 751 lock of 300 packages made from real index data (the real
 * projects' newest releases, file names and Requires-Dist, repeated under derived names to reach
 * 300), audited against the loopback index with 50 ms latency per request: cold cache, warm cache,
 * and a naive sequential client (page then metadata, one request after another) in the same run.
 */
@Tag("bench")
class DepsAuditBench {
  private static final int PACKAGES = 300;
  private static final int RELEASES_PER_PROJECT = 10;
  private static final long LATENCY_MS = 50;
  @TempDir Path tmp;

  @Test
  void coldWarmAndSequential() throws Exception {
    RealPackageData data = RealPackageData.load();
    List<String> real = data.projects();
    LoopbackIndex index = new LoopbackIndex();
    StringBuilder lock =
        new StringBuilder("lock-version = \"1.0\"\ncreated-by = \"ftscout-bench\"\n\n");
    List<String> names = new ArrayList<>();
    for (int i = 0; i < PACKAGES; i++) {
      String base = real.get(i % real.size());
      String name = i < real.size() ? base : base + "-copy" + (i / real.size());
      names.add(name);
      String newest = addReleases(index, data, base, name);
      lock.append("[[packages]]\nname = \"")
          .append(name)
          .append("\"\nversion = \"")
          .append(newest)
          .append("\"\n\n");
    }
    Path lockFile = Files.writeString(tmp.resolve("pylock.toml"), lock);
    index.prepare().latency(LATENCY_MS).start();
    List<Target> targets =
        List.of(
            Target.parse("3.14t", "manylinux_2_28_x86_64"),
            Target.parse("3.13t", "manylinux_2_28_x86_64"));
    Path cache = tmp.resolve("cache");
    try (index) {
      // The first audit in this JVM pays class loading and JIT, as a command-line run does.
      long firstCold = auditMillis(index, lockFile, tmp.resolve("cache-first"), targets);
      int before = index.requests();
      long cold = auditMillis(index, lockFile, cache, targets);
      int coldRequests = index.requests() - before;
      long firstWarm = auditMillis(index, lockFile, cache, targets);
      long warm = firstWarm;
      long warmCpu = Long.MAX_VALUE;
      for (int i = 0; i < 4; i++) {
        long cpu = cpuNanos();
        warm = Math.min(warm, auditMillis(index, lockFile, cache, targets));
        warmCpu = Math.min(warmCpu, (cpuNanos() - cpu) / 1_000_000);
      }
      int warmRequests = index.requests() - before - coldRequests;
      long sequential = sequentialMillis(index, names);
      System.out.printf(
          "deps bench: %d packages, %d ms latency per request, %d targets, load average %s%n"
              + "  cold, first audit in a fresh JVM   %6d ms%n"
              + "  cold, empty cache, JVM warmed up   %6d ms  (%d requests)%n"
              + "  warm cache, first                  %6d ms%n"
              + "  warm cache, best of 5              %6d ms  (%d requests in all 5; %d ms CPU)%n"
              + "  naive sequential client, cold      %6d ms%n"
              + "  sequential / cold: %.1fx (fresh JVM %.1fx); cold / warm: %.1fx%n",
          PACKAGES,
          LATENCY_MS,
          targets.size(),
          java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
          firstCold,
          cold,
          coldRequests,
          firstWarm,
          warm,
          warmRequests,
          warmCpu,
          sequential,
          (double) sequential / cold,
          (double) sequential / firstCold,
          (double) cold / Math.max(1, warm));
    }
  }

  /** CPU time of this whole process (all threads). */
  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private long auditMillis(LoopbackIndex index, Path lock, Path cache, List<Target> targets) {
    long start = System.nanoTime();
    try (IndexClient client =
        new IndexClient(
            IndexOptions.of(List.of(index.simpleUrl()), Optional.of(cache)), Clock.systemUTC())) {
      AuditResult r =
          new DependencyAudit(client)
              .run(
                  new AuditRequest(
                      "bench",
                      List.of(new InputReaders(Map.of()).read(lock)),
                      targets,
                      Set.of(),
                      false,
                      Optional.empty(),
                      tmp));
      if (r.packages().size() < PACKAGES) {
        throw new AssertionError("audited only " + r.packages().size());
      }
    }
    return (System.nanoTime() - start) / 1_000_000;
  }

  /** One request after another: each page, then the metadata of the newest wheel. */
  private static long sequentialMillis(LoopbackIndex index, List<String> names) throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    long start = System.nanoTime();
    try (HttpClient http = HttpClient.newHttpClient()) {
      for (String name : names) {
        String url = index.simpleUrl() + Names.canonicalize(name) + "/";
        HttpResponse<byte[]> page =
            http.send(
                HttpRequest.newBuilder(URI.create(url))
                    .header("Accept", "application/vnd.pypi.simple.v1+json")
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        JsonNode files = mapper.readTree(page.body()).path("files");
        String metadataUrl = null;
        for (JsonNode f : files) {
          if (f.path("filename").asText().endsWith(".whl")) {
            metadataUrl = URI.create(url).resolve(f.path("url").asText()) + ".metadata";
          }
        }
        if (metadataUrl != null) {
          http.send(
              HttpRequest.newBuilder(URI.create(metadataUrl)).build(),
              HttpResponse.BodyHandlers.ofByteArray());
        }
      }
    }
    return (System.nanoTime() - start) / 1_000_000;
  }

  /** The newest releases of a real project, renamed; returns the newest version. */
  private static String addReleases(
      LoopbackIndex index, RealPackageData data, String base, String name) throws Exception {
    TreeMap<Version, List<String>> byVersion = new TreeMap<>();
    for (String f : data.filenames(base)) {
      Optional<Version> v =
          f.endsWith(".whl")
              ? WheelFilename.tryParse(f).map(WheelFilename::version)
              : SdistFilename.tryParse(f).map(SdistFilename::version);
      v.filter(x -> !x.isPrerelease())
          .ifPresent(x -> byVersion.computeIfAbsent(x, k -> new ArrayList<>()).add(f));
    }
    List<String> requires = List.of();
    List<Path> md = data.metadataFiles(base);
    if (!md.isEmpty()) {
      requires = CoreMetadata.parse(Files.readString(md.get(md.size() - 1))).requiresDist();
    }
    String prefix = name.replace('-', '_');
    int added = 0;
    for (var e : byVersion.descendingMap().entrySet()) {
      if (added++ >= RELEASES_PER_PROJECT) {
        break;
      }
      List<String> files =
          e.getValue().stream().map(f -> prefix + f.substring(f.indexOf('-'))).toList();
      index.add(
          name,
          e.getKey().toString(),
          new LoopbackIndex.Release(files, requires, Optional.empty(), List.of(), false));
    }
    return byVersion.lastKey().toString();
  }
}
