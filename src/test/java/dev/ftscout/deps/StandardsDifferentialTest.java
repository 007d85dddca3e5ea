package dev.ftscout.deps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ftscout.deps.metadata.CoreMetadata;
import dev.ftscout.deps.pep440.InvalidVersionException;
import dev.ftscout.deps.pep440.SpecifierSet;
import dev.ftscout.deps.pep440.Version;
import dev.ftscout.deps.pep508.InvalidRequirementException;
import dev.ftscout.deps.pep508.Names;
import dev.ftscout.deps.pep508.Requirement;
import dev.ftscout.deps.pep508.UndefinedComparisonException;
import dev.ftscout.deps.tags.InvalidFilenameException;
import dev.ftscout.deps.tags.Tag;
import dev.ftscout.deps.tags.Target;
import dev.ftscout.deps.tags.WheelFilename;
import dev.ftscout.deps.testdata.Oracle;
import dev.ftscout.deps.testdata.RealPackageData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Differential tests: our PEP 440 / 508 / 425 code against {@code packaging} (pip-installed in a
 * real venv), on thousands of cases made in the run from real index data, one by one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StandardsDifferentialTest {
  private static final long SEED = 20260501L;
  private RealPackageData data;
  private final Oracle oracle = new Oracle();

  @BeforeAll
  void load() {
    data = RealPackageData.load();
  }

  private static List<String> mismatches(List<String> found) {
    return found.size() > 20 ? found.subList(0, 20) : found;
  }

  /** Version strings from the pages, from file names, and mutated forms of them. */
  private List<String> versionCases() {
    Set<String> raw = new LinkedHashSet<>();
    for (String p : data.projects()) {
      raw.addAll(data.versions(p));
      for (String f : data.filenames(p)) {
        String[] parts = f.split("-");
        if (parts.length >= 2) {
          raw.add(parts[1].replace(".tar.gz", "").replace(".zip", ""));
        }
      }
    }
    Random r = new Random(SEED);
    List<String> base = new ArrayList<>(raw);
    String[] decorations = {
      "v",
      " ",
      "-1",
      ".post",
      "rc",
      "RC1",
      "alpha",
      "_",
      "+local.1",
      "+ABC-2_x",
      "1!",
      ".dev",
      "-dev3",
      "c",
      "pre2",
      "preview",
      ".*",
      "a",
      "b.",
      "..",
      "-",
      "r",
      "rev4",
      "+",
      "ü",
      "\t"
    };
    for (int i = 0; i < 4000; i++) {
      String v = base.get(r.nextInt(base.size()));
      String d = decorations[r.nextInt(decorations.length)];
      raw.add(
          switch (r.nextInt(4)) {
            case 0 -> d + v;
            case 1 -> v + d;
            case 2 -> v.toUpperCase(java.util.Locale.ROOT) + d;
            default ->
                v.substring(0, r.nextInt(v.length() + 1))
                    + d
                    + v.substring(r.nextInt(v.length() + 1));
          });
    }
    return new ArrayList<>(raw);
  }

  @Test
  void versionsParseNormaliseAndSortLikePackaging() {
    List<String> cases = versionCases();
    Collections.shuffle(cases, new Random(SEED));
    JsonNode answer = oracle.ask(Map.of("versions", cases));
    List<String> diffs = new ArrayList<>();
    int valid = 0;
    for (int i = 0; i < cases.size(); i++) {
      JsonNode want = answer.get("versions").get(i);
      var got = Version.tryParse(cases.get(i));
      if (want.isNull() != got.isEmpty()) {
        diffs.add(cases.get(i) + ": validity " + got.isPresent());
        continue;
      }
      if (got.isPresent()) {
        valid++;
        Version v = got.get();
        String mine = v + " " + v.isPrerelease() + v.isPostrelease() + v.isDevrelease();
        String theirs =
            want.get("norm").asText()
                + " "
                + want.get("pre").asBoolean()
                + want.get("post").asBoolean()
                + want.get("dev").asBoolean();
        if (!mine.equals(theirs)) {
          diffs.add(cases.get(i) + ": " + mine + " vs " + theirs);
        }
      }
    }
    List<String> sorted = new ArrayList<>();
    cases.forEach(c -> Version.tryParse(c).ifPresent(v -> sorted.add(c)));
    sorted.sort((a, b) -> Version.parse(a).compareTo(Version.parse(b)));
    List<String> want = new ArrayList<>();
    answer.get("sorted").forEach(n -> want.add(n.asText()));
    System.out.printf(
        "versions: %d cases (%d valid), sort of %d compared%n", cases.size(), valid, sorted.size());
    assertThat(mismatches(diffs)).isEmpty();
    assertThat(valid).isGreaterThan(3000);
    assertThat(sorted).isEqualTo(want);
  }

  private List<String> sampleVersions(String project, Random r, int n) {
    List<String> vs = new ArrayList<>(data.versions(project));
    Collections.shuffle(vs, r);
    List<String> out = new ArrayList<>(vs.subList(0, Math.min(n, vs.size())));
    if (!out.isEmpty()) {
      String v = out.get(0);
      out.addAll(List.of(v + "+local.7", v + ".post1", v + "rc1", v + ".dev0", "1!" + v));
    }
    return out;
  }

  /** Specifier sets built from real versions with every operator. */
  private List<String> specifierCases(String project, Random r) {
    List<String> vs = data.versions(project);
    String[] ops = {"==", "!=", "<=", ">=", "<", ">", "~=", "==="};
    List<String> out = new ArrayList<>();
    for (int i = 0; i < 40 && !vs.isEmpty(); i++) {
      int clauses = 1 + r.nextInt(3);
      List<String> parts = new ArrayList<>();
      for (int c = 0; c < clauses; c++) {
        String v = vs.get(r.nextInt(vs.size()));
        String op = ops[r.nextInt(ops.length)];
        String clause =
            switch (r.nextInt(6)) {
              case 0 -> op.equals("==") || op.equals("!=") ? op + prefix(v) + ".*" : op + v;
              case 1 -> op + " " + v;
              case 2 -> (op.equals("==") || op.equals("!=")) ? op + v + "+local" : op + v;
              default -> op + v;
            };
        parts.add(clause);
      }
      out.add(String.join(r.nextBoolean() ? "," : ", ", parts));
    }
    return out;
  }

  private static String prefix(String v) {
    String release = v.split("[a-zA-Z+!-]")[0];
    String[] segs = release.split("\\.");
    return String.join(".", List.of(segs).subList(0, Math.max(1, segs.length - 1)));
  }

  @Test
  void specifierSetsMatchAndFilterLikePackaging() throws IOException {
    Random r = new Random(SEED);
    List<Map<String, Object>> cases = new ArrayList<>();
    for (String p : data.projects()) {
      List<String> versions = sampleVersions(p, r, 60);
      for (String spec : specifierCases(p, r)) {
        cases.add(Map.of("spec", spec, "versions", versions));
      }
      for (Path m : data.metadataFiles(p)) {
        for (String req : CoreMetadata.parse(Files.readString(m)).requiresDist()) {
          try {
            String dep = Requirement.parse(req).canonicalName();
            String spec = Requirement.parse(req).specifier().toString();
            List<String> depVersions =
                data.projects().contains(dep) ? sampleVersions(dep, r, 60) : versions;
            cases.add(Map.of("spec", spec, "versions", depVersions));
          } catch (InvalidRequirementException e) {
            // Invalid requirements are compared in the requirement test.
          }
        }
      }
    }
    JsonNode answer = oracle.ask(Map.of("specifiers", cases));
    List<String> diffs = new ArrayList<>();
    int comparisons = 0;
    for (int i = 0; i < cases.size(); i++) {
      String spec = (String) java.util.Objects.requireNonNull(cases.get(i).get("spec"));
      @SuppressWarnings("unchecked")
      List<String> versions =
          (List<String>) java.util.Objects.requireNonNull(cases.get(i).get("versions"));
      JsonNode want = answer.get("specifiers").get(i);
      SpecifierSet set;
      try {
        set = SpecifierSet.parse(spec);
      } catch (InvalidVersionException e) {
        if (want.get("valid").asBoolean()) {
          diffs.add(spec + ": we reject");
        }
        continue;
      }
      if (!want.get("valid").asBoolean()) {
        diffs.add(spec + ": we accept");
        continue;
      }
      for (int j = 0; j < versions.size(); j++) {
        String v = versions.get(j);
        comparisons += 3;
        if (set.contains(v) != want.get("contains").get(j).asBoolean()) {
          diffs.add(spec + " contains " + v);
        }
        if (set.contains(v, true) != want.get("containsPre").get(j).asBoolean()) {
          diffs.add(spec + " contains(pre) " + v);
        }
        if (set.contains(v, false) != want.get("containsFinal").get(j).asBoolean()) {
          diffs.add(spec + " contains(final) " + v);
        }
      }
      List<String> filtered = new ArrayList<>();
      want.get("filter").forEach(n -> filtered.add(n.asText()));
      if (!set.filter(versions).equals(filtered)) {
        diffs.add(spec + " filter " + set.filter(versions) + " vs " + filtered);
      }
    }
    System.out.printf("specifiers: %d sets, %d comparisons%n", cases.size(), comparisons);
    assertThat(mismatches(diffs)).isEmpty();
    assertThat(comparisons).isGreaterThan(100_000);
  }

  private static final List<Target> MARKER_TARGETS =
      List.of(
          Target.parse("3.14t", "manylinux_2_28_x86_64"),
          Target.parse("3.13t", "macosx_11_0_arm64"),
          Target.parse("3.14t", "win_amd64"),
          Target.parse("3.9", "manylinux_2_17_aarch64"),
          Target.parse("3.12", "win32"));

  @Test
  void requirementsAndMarkersFromRealMetadataParseAndEvaluateLikePackaging() throws IOException {
    Random r = new Random(SEED);
    List<Map<String, Object>> cases = new ArrayList<>();
    for (String p : data.projects()) {
      for (Path m : data.metadataFiles(p)) {
        CoreMetadata md = CoreMetadata.parse(Files.readString(m));
        for (String req : md.requiresDist()) {
          for (String variant : variants(req, r)) {
            String dep = variant.split("[^A-Za-z0-9._-]")[0];
            String canonical = Names.canonicalize(dep);
            List<String> versions =
                data.projects().contains(canonical)
                    ? sampleVersions(canonical, r, 30)
                    : List.of("1.0", "2.0rc1");
            cases.add(Map.of("text", variant, "versions", versions, "extras", md.providesExtra()));
          }
        }
      }
    }
    List<Map<String, String>> envs = new ArrayList<>();
    for (Target t : MARKER_TARGETS) {
      envs.add(t.markerEnvironment().values());
    }
    JsonNode answer = oracle.ask(Map.of("requirements", cases, "environments", envs));
    List<String> diffs = new ArrayList<>();
    int markers = 0;
    for (int i = 0; i < cases.size(); i++) {
      String text = (String) java.util.Objects.requireNonNull(cases.get(i).get("text"));
      JsonNode want = answer.get("requirements").get(i);
      Requirement req;
      try {
        req = Requirement.parse(text);
      } catch (InvalidRequirementException e) {
        if (want.get("valid").asBoolean()) {
          diffs.add(text + ": we reject: " + e.getMessage());
        }
        continue;
      }
      if (!want.get("valid").asBoolean()) {
        diffs.add(text + ": we accept");
        continue;
      }
      List<String> extras = new ArrayList<>();
      want.get("extras").forEach(n -> extras.add(n.asText()));
      String mine = req.name() + new TreeSet<>(req.extras()) + req.url().orElse("");
      String theirs = want.get("name").asText() + extras + want.get("url").asText();
      if (!mine.equals(theirs)) {
        diffs.add(text + ": " + mine + " vs " + theirs);
      }
      @SuppressWarnings("unchecked")
      List<String> versions =
          (List<String>) java.util.Objects.requireNonNull(cases.get(i).get("versions"));
      for (int j = 0; j < versions.size(); j++) {
        if (req.specifier().contains(versions.get(j)) != want.get("contains").get(j).asBoolean()) {
          diffs.add(text + " contains " + versions.get(j));
        }
      }
      @SuppressWarnings("unchecked")
      List<String> provided =
          (List<String>) java.util.Objects.requireNonNull(cases.get(i).get("extras"));
      int k = 0;
      for (Target t : MARKER_TARGETS) {
        List<String> extraValues = new ArrayList<>();
        extraValues.add("");
        extraValues.addAll(provided);
        for (String extra : extraValues) {
          String got;
          try {
            got = String.valueOf(req.appliesTo(t.markerEnvironment().withExtra(extra)));
          } catch (UndefinedComparisonException e) {
            got = "error";
          }
          String expected = want.get("marker").get(k++).asText();
          markers++;
          if (!got.equals(expected)) {
            diffs.add(
                text + " on " + t.label() + " extra=" + extra + ": " + got + " vs " + expected);
          }
        }
      }
    }
    System.out.printf("requirements: %d cases, %d marker evaluations%n", cases.size(), markers);
    assertThat(mismatches(diffs)).isEmpty();
    assertThat(cases).hasSizeGreaterThan(1000);
    assertThat(markers).isGreaterThan(10_000);
  }

  /** The requirement as published, and spellings of it other tools write. */
  private static List<String> variants(String req, Random r) {
    List<String> out = new ArrayList<>();
    out.add(req);
    out.add(req.replace(";", " ; ").replace(",", " , "));
    out.add(req.replace(" and ", " and (") + (req.contains(" and ") ? ")" : ""));
    out.add(req.replace("\"", "'"));
    int cut = r.nextInt(req.length() + 1);
    out.add(req.substring(0, cut) + "@" + req.substring(cut));
    out.add(req.substring(0, cut) + " ( " + req.substring(cut));
    return out;
  }

  @Test
  void wheelFilenamesFromRealPagesParseLikePackaging() {
    List<String> names = new ArrayList<>();
    for (String p : data.projects()) {
      data.filenames(p).stream().filter(f -> f.endsWith(".whl")).forEach(names::add);
    }
    Random r = new Random(SEED);
    int real = names.size();
    for (int i = 0; i < 2000; i++) {
      String n = names.get(r.nextInt(real));
      int at = r.nextInt(n.length());
      String[] inserts = {"-", ".", "__", "", "1-", "x"};
      names.add(n.substring(0, at) + inserts[r.nextInt(inserts.length)] + n.substring(at + 1));
    }
    JsonNode answer = oracle.ask(Map.of("wheels", names));
    List<String> diffs = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      JsonNode want = answer.get("wheels").get(i);
      WheelFilename w;
      try {
        w = WheelFilename.parse(names.get(i));
      } catch (InvalidFilenameException e) {
        if (want.get("valid").asBoolean()) {
          diffs.add(names.get(i) + ": we reject");
        }
        continue;
      }
      if (!want.get("valid").asBoolean()) {
        diffs.add(names.get(i) + ": we accept");
        continue;
      }
      List<String> tags = new ArrayList<>();
      want.get("tags").forEach(t -> tags.add(t.asText()));
      List<String> mine = w.tags().stream().map(Tag::toString).sorted().toList();
      String build = w.build().map(b -> "[" + b.number() + ", \"" + b.rest() + "\"]").orElse("[]");
      String wantBuild = want.get("build").toString().replace(",", ", ");
      if (!w.name().equals(want.get("name").asText())
          || !w.version().toString().equals(want.get("version").asText())
          || !mine.equals(tags)
          || !build.equals(wantBuild)) {
        diffs.add(names.get(i) + ": " + w + " vs " + want);
      }
    }
    System.out.printf("wheel names: %d real, %d in all%n", real, names.size());
    assertThat(mismatches(diffs)).isEmpty();
    assertThat(real).isGreaterThan(20_000);
  }

  private static final List<String> PLATFORMS =
      List.of(
          "manylinux_2_17_x86_64",
          "manylinux_2_28_x86_64",
          "manylinux_2_34_aarch64",
          "manylinux2014_x86_64",
          "musllinux_1_2_x86_64",
          "macosx_10_13_x86_64",
          "macosx_11_0_arm64",
          "macosx_14_0_arm64",
          "macosx_10_9_x86_64",
          "win_amd64",
          "win32",
          "win_arm64",
          "linux_x86_64");

  @Test
  void targetTagListsAndWheelCompatibilityMatchPackaging() {
    List<Target> targets = new ArrayList<>();
    List<Map<String, String>> request = new ArrayList<>();
    for (String py : List.of("3.13t", "3.14t", "3.14", "3.15t", "3.9")) {
      for (String plat : PLATFORMS) {
        Target t = Target.parse(py, plat);
        targets.add(t);
        request.add(Map.of("python", py, "platform", t.platform()));
      }
    }
    JsonNode answer = oracle.ask(Map.of("targets", request));
    List<String> wheels = new ArrayList<>();
    for (String p : data.projects()) {
      data.filenames(p).stream().filter(f -> f.endsWith(".whl")).forEach(wheels::add);
    }
    List<WheelFilename> parsed = new ArrayList<>();
    wheels.forEach(w -> WheelFilename.tryParse(w).ifPresent(parsed::add));
    List<String> diffs = new ArrayList<>();
    long checks = 0;
    for (int i = 0; i < targets.size(); i++) {
      List<String> want = new ArrayList<>();
      answer.get("targets").get(i).forEach(n -> want.add(n.asText()));
      List<Tag> supported = targets.get(i).supportedTags();
      List<String> mine = supported.stream().map(Tag::toString).toList();
      if (!mine.equals(want)) {
        diffs.add(targets.get(i).label() + ": " + mine.size() + " tags vs " + want.size());
        continue;
      }
      Map<String, Integer> rank = new HashMap<>();
      for (int j = 0; j < want.size(); j++) {
        rank.putIfAbsent(want.get(j), j);
      }
      var ranking = targets.get(i).ranking();
      for (WheelFilename w : parsed) {
        int best =
            w.tags().stream()
                .mapToInt(t -> rank.getOrDefault(t.toString(), Integer.MAX_VALUE))
                .min()
                .orElse(Integer.MAX_VALUE);
        var mineRank = ranking.priority(w);
        checks++;
        if (mineRank.orElse(Integer.MAX_VALUE) != best) {
          diffs.add(targets.get(i).label() + " " + w.filename());
        }
      }
    }
    System.out.printf("targets: %d tag lists, %d wheel/target checks%n", targets.size(), checks);
    assertThat(mismatches(diffs)).isEmpty();
    assertThat(checks).isGreaterThan(100_000);
  }
}
