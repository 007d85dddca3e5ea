package dev.ftscout.rules.deps;

import dev.ftscout.deps.audit.AuditRequest;
import dev.ftscout.deps.audit.AuditResult;
import dev.ftscout.deps.audit.DependencyAudit;
import dev.ftscout.deps.index.IndexClient;
import dev.ftscout.deps.index.IndexOptions;
import dev.ftscout.deps.input.DependencyInput;
import dev.ftscout.deps.input.InputReaders;
import dev.ftscout.deps.source.SourceInspector;
import dev.ftscout.deps.tags.Target;
import dev.ftscout.deps.testindex.LoopbackIndex;
import dev.ftscout.model.Finding;
import dev.ftscout.rules.RuleRegistry;
import dev.ftscout.testing.TestVenvs;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * The dependency rules' sample evidence, from real audits against the loopback index: the demo
 * project ({@code examples/deps-demo}, 3.13t and 3.14t on {@code manylinux_2_28_x86_64}) and a
 * second project ({@code src/test/resources/deps/samples/requirements.txt}, 3.14t, with {@code
 * --inspect-sources}) whose index also serves two sdists built here from the sample sources: one
 * whose C module declares GIL-free support, one whose module does not. The rule docs' examples are
 * what the rules report for these.
 */
public final class DependencySamples implements AutoCloseable {
  public static final Target LINUX_313T = Target.parse("3.13t", "manylinux_2_28_x86_64");
  public static final Target LINUX_314T = Target.parse("3.14t", "manylinux_2_28_x86_64");
  public static final Path DEMO = TestVenvs.basedir().resolve("examples/deps-demo");
  public static final Path SAMPLES = TestVenvs.basedir().resolve("src/test/resources/deps/samples");

  private final LoopbackIndex index;
  private final Path work;

  private DependencySamples(LoopbackIndex index, Path work) {
    this.index = index;
    this.work = work;
  }

  /** Starts the loopback index with the demo data and the two sample sdists. */
  public static DependencySamples start(Path work) {
    LoopbackIndex index =
        LoopbackIndex.fromFixture(
            TestVenvs.basedir().resolve("src/test/resources/deps/index/demo-index.json"));
    index.addRealFile(
        "speedy-ext",
        "1.0.0",
        sdist(work, SAMPLES.resolve("speedy-ext"), "speedy_ext-1.0.0"),
        List.of());
    index.addRealFile(
        "oldfast-ext",
        "2.0.0",
        sdist(work, SAMPLES.resolve("oldfast-ext"), "oldfast_ext-2.0.0"),
        List.of());
    return new DependencySamples(index.start(), work);
  }

  public LoopbackIndex index() {
    return index;
  }

  /** A {@code .tar.gz} sdist of a folder, its entries under {@code root/}. */
  static Path sdist(Path work, Path folder, String root) {
    Path out = work.resolve(root + ".tar.gz");
    try (OutputStream file = Files.newOutputStream(out);
        GzipCompressorOutputStream gz = new GzipCompressorOutputStream(file);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(gz);
        Stream<Path> walk = Files.walk(folder)) {
      for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
        byte[] bytes = Files.readAllBytes(f);
        TarArchiveEntry e =
            new TarArchiveEntry(root + "/" + folder.relativize(f).toString().replace('\\', '/'));
        e.setSize(bytes.length);
        tar.putArchiveEntry(e);
        tar.write(bytes);
        tar.closeArchiveEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** The demo project audited for 3.13t and 3.14t. */
  public AuditResult demo() {
    return audit(
        "myapp",
        List.of(DEMO.resolve("uv.lock"), DEMO.resolve("pyproject.toml")),
        List.of(LINUX_313T, LINUX_314T),
        false);
  }

  /** The second sample project audited for 3.14t with source inspection. */
  public AuditResult sample() {
    return audit("app", List.of(SAMPLES.resolve("requirements.txt")), List.of(LINUX_314T), true);
  }

  /** An audit of the given input files. */
  public AuditResult audit(
      String project, List<Path> files, List<Target> targets, boolean inspectSources) {
    InputReaders readers = new InputReaders(Map.of());
    List<DependencyInput> inputs = files.stream().map(readers::read).toList();
    Optional<SourceInspector> inspector =
        inspectSources
            ? Optional.of(ExtensionSourceInspector.of(RuleRegistry.standard()))
            : Optional.empty();
    try (IndexClient client =
        new IndexClient(
            IndexOptions.of(List.of(index.simpleUrl()), Optional.empty()), Clock.systemUTC())) {
      Path scratch = Files.createTempDirectory(work, "audit");
      return new DependencyAudit(client)
          .run(new AuditRequest(project, inputs, targets, Set.of(), false, inspector, scratch));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An audit of a requirements file with this text, written into a fresh folder. */
  public AuditResult requirements(String text, List<Target> targets, boolean inspectSources) {
    try {
      Path dir = Files.createTempDirectory(work, "project");
      Path file = Files.writeString(dir.resolve("requirements.txt"), text);
      return audit("app", List.of(file), targets, inspectSources);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What a rule reports for an audit, as {@code location rule message} lines. */
  public static List<String> lines(DependencyRule rule, AuditResult result, Path root) {
    return rule.check(new DependencyFacts(result, root)).stream()
        .map(DependencySamples::line)
        .toList();
  }

  /** {@code requirements.txt:2:1 FT307 fastjson 1.3.0 is yanked ...}, as the text report shows. */
  public static String line(Finding f) {
    return f.location() + " " + f.ruleId() + " " + f.message();
  }

  @Override
  public void close() {
    index.close();
  }
}
