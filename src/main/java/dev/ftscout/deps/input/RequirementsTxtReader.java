package dev.ftscout.deps.input;

import dev.ftscout.deps.DepsInputException;
import dev.ftscout.deps.pep440.SpecifierSet;
import dev.ftscout.deps.pep508.InvalidRequirementException;
import dev.ftscout.deps.pep508.Requirement;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * pip's requirements file format: one requirement per line, {@code \} continuations, {@code #}
 * comments, {@code -r}/{@code -c} includes, {@code -e} editables, index options, per-requirement
 * {@code --hash} options, environment variables as {@code ${NAME}}.
 */
final class RequirementsTxtReader {
  private static final Pattern ENV_VAR = Pattern.compile("\\$\\{([A-Z0-9_]+)\\}");
  private static final Pattern COMMENT = Pattern.compile("(^|\\s+)#.*$");
  private static final Pattern EGG = Pattern.compile("#egg=([A-Za-z0-9][A-Za-z0-9._-]*)");
  private static final Pattern ARCHIVE_NAME =
      Pattern.compile("([A-Za-z0-9][A-Za-z0-9._]*?)-[0-9][^/]*?(\\.tar\\.gz|\\.zip|\\.whl)$");

  private final Map<String, String> env;
  private final List<DeclaredDependency> dependencies = new ArrayList<>();
  private final List<DeclaredDependency> constraints = new ArrayList<>();
  private final List<String> indexUrls = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private final Set<Path> seen = new HashSet<>();

  RequirementsTxtReader(Map<String, String> env) {
    this.env = env;
  }

  DependencyInput read(Path file) {
    readFile(file, false);
    List<String> roots = dependencies.stream().map(DeclaredDependency::canonicalName).toList();
    return new DependencyInput(
        file,
        InputFormat.REQUIREMENTS,
        dependencies,
        roots,
        constraints,
        indexUrls,
        Map.of(),
        notes);
  }

  private void readFile(Path file, boolean asConstraints) {
    Path real = file.toAbsolutePath().normalize();
    if (!seen.add(real)) {
      return;
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new DepsInputException(file, 0, 0, "cannot read requirements file: " + e.getMessage());
    }
    StringBuilder logical = new StringBuilder();
    int startLine = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (logical.isEmpty()) {
        startLine = i + 1;
      }
      if (line.endsWith("\\") && !COMMENT.matcher(line).find()) {
        logical.append(line, 0, line.length() - 1);
        continue;
      }
      logical.append(line);
      String text = logical.toString();
      logical.setLength(0);
      handleLine(file, startLine, text, asConstraints);
    }
    if (!logical.isEmpty()) {
      handleLine(file, startLine, logical.toString(), asConstraints);
    }
  }

  private String expand(String text) {
    Matcher m = ENV_VAR.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(sb, Matcher.quoteReplacement(env.getOrDefault(m.group(1), m.group())));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  private void handleLine(Path file, int lineNo, String rawLine, boolean asConstraints) {
    String line = COMMENT.matcher(rawLine).replaceFirst("");
    String stripped = line.strip();
    if (stripped.isEmpty()) {
      return;
    }
    int column = line.indexOf(stripped.charAt(0)) + 1;
    String text = expand(stripped);
    if (text.startsWith("-")) {
      option(file, lineNo, column, text, asConstraints);
      return;
    }
    requirement(file, lineNo, column, text, asConstraints, false);
  }

  private static String optionValue(String text, String shortName, String longName) {
    String rest;
    if (text.startsWith(longName)) {
      rest = text.substring(longName.length());
    } else {
      rest = text.substring(shortName.length());
    }
    rest = rest.strip();
    if (rest.startsWith("=")) {
      rest = rest.substring(1).strip();
    }
    return rest;
  }

  private void option(Path file, int lineNo, int column, String text, boolean asConstraints) {
    if (text.startsWith("-r") || text.startsWith("--requirement")) {
      Path inc = file.resolveSibling(optionValue(text, "-r", "--requirement"));
      if (!Files.isRegularFile(inc)) {
        throw new DepsInputException(file, lineNo, column, "included file not found: " + inc);
      }
      readFile(inc, asConstraints);
    } else if (text.startsWith("-c") || text.startsWith("--constraint")) {
      Path inc = file.resolveSibling(optionValue(text, "-c", "--constraint"));
      if (!Files.isRegularFile(inc)) {
        throw new DepsInputException(file, lineNo, column, "constraints file not found: " + inc);
      }
      readFile(inc, true);
    } else if (text.startsWith("-e") || text.startsWith("--editable")) {
      requirement(file, lineNo, column, optionValue(text, "-e", "--editable"), asConstraints, true);
    } else if (text.startsWith("-i") || text.startsWith("--index-url")) {
      indexUrls.add(0, optionValue(text, "-i", "--index-url"));
    } else if (text.startsWith("--extra-index-url")) {
      indexUrls.add(optionValue(text, "--extra-index-url", "--extra-index-url"));
    } else {
      // Options that do not change what is installed from where (--pre, --no-binary, -f, ...)
      // are kept as notes only.
      notes.add(file.getFileName() + ":" + lineNo + ": option not used by the audit: " + text);
    }
  }

  private void requirement(
      Path file, int lineNo, int column, String text, boolean asConstraints, boolean editable) {
    // Per-requirement options (--hash=..., --config-settings) follow the requirement.
    String req = text.replaceAll("\\s+--?[a-z][a-z-]*(=|\\s+)\\S+", "").strip();
    SourceLocation at = new SourceLocation(file, lineNo, column);
    DependencyKind kind = classify(req, editable);
    if (kind != DependencyKind.INDEX) {
      String name = nameOfUrl(req).orElse(lastSegment(req));
      add(
          new DeclaredDependency(
              name,
              SpecifierSet.any(),
              Set.of(),
              Optional.empty(),
              Optional.empty(),
              kind,
              text,
              at,
              Optional.empty(),
              List.of()),
          asConstraints);
      return;
    }
    Requirement parsed;
    try {
      parsed = Requirement.parse(req);
    } catch (InvalidRequirementException e) {
      throw new DepsInputException(
          file,
          lineNo,
          column + e.column(),
          "invalid requirement: " + firstLine(String.valueOf(e.getMessage())));
    }
    DependencyKind finalKind =
        parsed.url().isPresent() ? classifyUrl(parsed.url().get()) : DependencyKind.INDEX;
    add(
        new DeclaredDependency(
            parsed.name(),
            parsed.specifier(),
            parsed.extras(),
            parsed.marker(),
            Optional.empty(),
            finalKind,
            text,
            at,
            Optional.empty(),
            List.of()),
        asConstraints);
  }

  private static String lastSegment(String pathOrUrl) {
    String trimmed = pathOrUrl.replaceAll("[/\\\\]+$", "");
    int slash = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
    return slash < 0 ? trimmed : trimmed.substring(slash + 1);
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  private void add(DeclaredDependency d, boolean asConstraint) {
    (asConstraint ? constraints : dependencies).add(d);
  }

  private static DependencyKind classify(String req, boolean editable) {
    if (editable) {
      return DependencyKind.EDITABLE;
    }
    if (req.matches("^[a-z][a-z0-9+.-]*://.*") || req.startsWith("file:")) {
      return classifyUrl(req);
    }
    if (req.startsWith(".") || req.startsWith("/") || (req.contains("/") && !req.contains("@"))) {
      return DependencyKind.LOCAL_PATH;
    }
    return DependencyKind.INDEX;
  }

  static DependencyKind classifyUrl(String url) {
    if (url.matches("^(git|hg|svn|bzr)\\+.*")) {
      return DependencyKind.VCS;
    }
    if (url.startsWith("file:")) {
      return DependencyKind.LOCAL_PATH;
    }
    return DependencyKind.URL;
  }

  static Optional<String> nameOfUrl(String url) {
    Matcher egg = EGG.matcher(url);
    if (egg.find()) {
      return Optional.of(egg.group(1));
    }
    int at = url.indexOf(" @ ");
    if (at > 0) {
      return Optional.of(url.substring(0, at).strip());
    }
    Matcher archive = ARCHIVE_NAME.matcher(url.split("[#?]")[0]);
    if (archive.find()) {
      return Optional.of(archive.group(1));
    }
    return Optional.empty();
  }
}
