package dev.ftscout.cext;

import dev.ftscout.model.SourceComment;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads build files ({@code setup.py}, {@code setup.cfg}, {@code meson.build}, CMake files, {@code
 * pyproject.toml}, {@code Cargo.toml}, {@code Cargo.lock}) into {@link BuildFact}s. Nothing is
 * executed: settings are recognised in the token stream, so comments and unrelated strings never
 * count.
 */
public final class BuildFiles {
  private static final Pattern FT_DIRECTIVE =
      Pattern.compile("freethreading_compatible\\s*=\\s*(\\w+)");
  private static final Pattern TOML_VERSION =
      Pattern.compile("version\\s*=\\s*[\"']([^\"']*)[\"']");
  private static final Pattern TOML_WORKSPACE = Pattern.compile("workspace\\s*=\\s*true");

  /** The f2py program: {@code f2py}, {@code f2py3}, a path ending in it, or {@code numpy.f2py}. */
  private static final Pattern F2PY_PROGRAM = Pattern.compile("(^|[/\\\\.])f2py[0-9.]*$");

  /** An inline comment in setup.cfg: {@code #} or {@code ;} after whitespace. */
  private static final Pattern INI_INLINE_COMMENT = Pattern.compile("\\s[#;]");

  private static final Set<String> CMAKE_CONTROL =
      Set.of("if", "elseif", "else", "endif", "message", "option", "while", "foreach", "return");

  private BuildFiles() {}

  /** The kind of build file a path names, if any. */
  public static Optional<BuildFile.Kind> kindOf(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    return switch (name) {
      case "setup.py" -> Optional.of(BuildFile.Kind.SETUP_PY);
      case "setup.cfg" -> Optional.of(BuildFile.Kind.SETUP_CFG);
      case "meson.build" -> Optional.of(BuildFile.Kind.MESON);
      case "CMakeLists.txt" -> Optional.of(BuildFile.Kind.CMAKE);
      case "pyproject.toml" -> Optional.of(BuildFile.Kind.PYPROJECT);
      case "Cargo.toml" -> Optional.of(BuildFile.Kind.CARGO_TOML);
      case "Cargo.lock" -> Optional.of(BuildFile.Kind.CARGO_LOCK);
      default -> name.endsWith(".cmake") ? Optional.of(BuildFile.Kind.CMAKE) : Optional.empty();
    };
  }

  /** Reads one build file. */
  public static BuildFile read(String path, BuildFile.Kind kind, String text) {
    return switch (kind) {
      case SETUP_PY, MESON -> script(path, kind, text);
      case CMAKE -> cmake(path, text);
      case SETUP_CFG -> setupCfg(path, text);
      case PYPROJECT, CARGO_TOML, CARGO_LOCK -> toml(path, kind, text);
    };
  }

  // ---- setup.py and meson.build ----

  private static BuildFile script(String path, BuildFile.Kind kind, String text) {
    LexedText lexed = PyishLexer.lex(text);
    List<Token> t = lexed.tokens();
    List<BuildFact> facts = new ArrayList<>();
    boolean gil = false;
    int f2pyGroupEnd = -1;
    for (int i = 0; i < t.size(); i++) {
      Token tok = t.get(i);
      String v = tok.value();
      boolean nameOrString = tok.kind() == Token.Kind.NAME || tok.kind() == Token.Kind.STRING;
      if (nameOrString && v.contains("Py_GIL_DISABLED")) {
        gil = true;
      }
      if (tok.kind() == Token.Kind.STRING) {
        Matcher m = FT_DIRECTIVE.matcher(v);
        if (m.find()) {
          facts.add(
              new BuildFact.CythonDirective(
                  truthy(m.group(1)), tok.line(), tok.column(), tok.text()));
        }
      }
      if (nameOrString && v.equals("freethreading_compatible")) {
        int k = i + 1;
        while (k < t.size() && k < i + 4 && t.get(k).kind() == Token.Kind.OP) {
          k++;
        }
        if (k < t.size() && t.get(k).kind() == Token.Kind.NAME && isBool(t.get(k).text())) {
          facts.add(
              new BuildFact.CythonDirective(
                  truthy(t.get(k).text()), tok.line(), tok.column(), joined(t, i, k)));
        }
      }
      limitedApi(t, i, kind).ifPresent(facts::add);
      if (nameOrString && F2PY_PROGRAM.matcher(v).find() && i > f2pyGroupEnd) {
        int[] group = enclosingGroup(t, i);
        Optional<BuildFact.F2py> call = f2py(t, i, group[1], tok);
        if (call.isPresent()) {
          facts.add(call.get());
          f2pyGroupEnd = group[1];
        }
      }
    }
    return new BuildFile(path, kind, text, lexed.comments(), facts, gil);
  }

  private static Optional<BuildFact> limitedApi(List<Token> t, int i, BuildFile.Kind kind) {
    Token tok = t.get(i);
    Token next = i + 1 < t.size() ? t.get(i + 1) : tok;
    Token after = i + 2 < t.size() ? t.get(i + 2) : tok;
    String v = tok.value();
    boolean found = false;
    if (tok.isName("py_limited_api") && next.is("=") && after.isName("True")) {
      found = true;
    } else if (tok.kind() == Token.Kind.STRING
        && (v.equals("py_limited_api") || v.equals("py-limited-api"))
        && next.is(":")
        && ((after.kind() == Token.Kind.STRING && !after.value().isEmpty())
            || after.isName("True"))) {
      found = true;
    } else if (tok.kind() == Token.Kind.STRING
        && (v.equals("Py_LIMITED_API")
            || v.startsWith("Py_LIMITED_API=")
            || v.contains("-DPy_LIMITED_API"))) {
      found = true;
    } else if (kind == BuildFile.Kind.MESON && tok.isName("limited_api") && next.is(":")) {
      found = true;
    }
    if (!found) {
      return Optional.empty();
    }
    int end = Math.min(t.size() - 1, i + 2);
    return Optional.of(new BuildFact.LimitedApi(tok.line(), tok.column(), joined(t, i, end)));
  }

  /** The bracket group ({@code [...]} or {@code (...)}) around token {@code i}. */
  private static int[] enclosingGroup(List<Token> t, int i) {
    int depth = 0;
    int start = 0;
    for (int k = i - 1; k >= 0; k--) {
      String x = t.get(k).text();
      if (x.equals(")") || x.equals("]")) {
        depth++;
      } else if (x.equals("(") || x.equals("[")) {
        if (depth == 0) {
          start = k;
          break;
        }
        depth--;
      }
    }
    depth = 0;
    int end = t.size() - 1;
    for (int k = start; k < t.size(); k++) {
      String x = t.get(k).text();
      if (x.equals("(") || x.equals("[")) {
        depth++;
      } else if (x.equals(")") || x.equals("]")) {
        depth--;
        if (depth == 0) {
          end = k;
          break;
        }
      }
    }
    return new int[] {start, end};
  }

  private static Optional<BuildFact.F2py> f2py(List<Token> t, int from, int to, Token at) {
    List<Token> args = new ArrayList<>();
    for (int k = from + 1; k <= to && k < t.size(); k++) {
      Token x = t.get(k);
      if (x.kind() == Token.Kind.STRING || x.kind() == Token.Kind.NAME) {
        args.add(x);
      }
    }
    return f2pyArgs(args.stream().map(Token::value).toList(), at, joined(t, from, to));
  }

  private static Optional<BuildFact.F2py> f2pyArgs(List<String> after, Token at, String text) {
    String module = "";
    Optional<Boolean> ft = Optional.empty();
    for (int k = 0; k < after.size(); k++) {
      String a = after.get(k);
      if (a.equals("-m") && k + 1 < after.size() && module.isEmpty()) {
        module = after.get(k + 1);
      } else if (a.equals("--freethreading-compatible")) {
        ft = Optional.of(true);
      } else if (a.equals("--no-freethreading-compatible")) {
        ft = Optional.of(false);
      }
    }
    if (module.isEmpty() || module.startsWith("-") || module.startsWith("$")) {
      return Optional.empty();
    }
    return Optional.of(new BuildFact.F2py(module, ft, at.line(), at.column(), text));
  }

  // ---- CMake ----

  private static BuildFile cmake(String path, String text) {
    CMakeLexer.Result r = CMakeLexer.lex(text);
    List<BuildFact> facts = new ArrayList<>();
    boolean gil = false;
    for (CMakeLexer.Command c : r.commands()) {
      List<String> values = c.values();
      String joined = c.name() + "(" + String.join(" ", values) + ")";
      for (Token a : c.args()) {
        if (a.value().contains("Py_GIL_DISABLED")) {
          gil = true;
        }
        Matcher m = FT_DIRECTIVE.matcher(a.value());
        if (m.find()) {
          facts.add(
              new BuildFact.CythonDirective(truthy(m.group(1)), a.line(), a.column(), joined));
        }
        if (a.value().contains("Py_LIMITED_API") && !CMAKE_CONTROL.contains(c.name())) {
          facts.add(new BuildFact.LimitedApi(a.line(), a.column(), joined));
        }
      }
      if (c.name().equals("nanobind_add_module") && !values.isEmpty()) {
        List<String> sources =
            values.stream()
                .filter(v -> v.matches(".*\\.(c|cc|cpp|cxx|c\\+\\+)$"))
                .map(v -> v.substring(v.lastIndexOf('/') + 1))
                .toList();
        facts.add(
            new BuildFact.NanobindModule(
                values.get(0),
                values.contains("FREE_THREADED"),
                sources,
                c.line(),
                c.column(),
                joined));
      }
      for (int k = 0; k < values.size(); k++) {
        if (F2PY_PROGRAM.matcher(values.get(k)).find()) {
          Token at = c.args().get(k);
          f2pyArgs(values.subList(k + 1, values.size()), at, joined).ifPresent(facts::add);
          break;
        }
      }
    }
    return new BuildFile(path, BuildFile.Kind.CMAKE, text, r.comments(), facts, gil);
  }

  // ---- setup.cfg ----

  private static BuildFile setupCfg(String path, String text) {
    List<SourceComment> comments = new ArrayList<>();
    List<BuildFact> facts = new ArrayList<>();
    String section = "";
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String raw = lines[i];
      String line = raw.strip();
      int no = i + 1;
      if (line.startsWith("#") || line.startsWith(";")) {
        comments.add(new SourceComment(no, line.substring(1).strip(), true));
      } else if (line.startsWith("[") && line.contains("]")) {
        section = line.substring(1, line.indexOf(']')).strip();
      } else if (line.contains("=")) {
        String key = line.substring(0, line.indexOf('=')).strip();
        String value = line.substring(line.indexOf('=') + 1).strip();
        Matcher inline = INI_INLINE_COMMENT.matcher(value);
        if (inline.find()) {
          comments.add(new SourceComment(no, value.substring(inline.end()).strip(), false));
          value = value.substring(0, inline.start()).strip();
        }
        if (section.equals("bdist_wheel")
            && (key.equals("py_limited_api") || key.equals("py-limited-api"))
            && !value.isEmpty()
            && !value.equalsIgnoreCase("false")) {
          facts.add(new BuildFact.LimitedApi(no, raw.indexOf(key) + 1, key + " = " + value));
        }
      }
    }
    return new BuildFile(path, BuildFile.Kind.SETUP_CFG, text, comments, facts, false);
  }

  // ---- TOML ----

  private static BuildFile toml(String path, BuildFile.Kind kind, String text) {
    TomlLines.Result toml = TomlLines.scan(text);
    List<BuildFact> facts = new ArrayList<>();
    String lockedName = "";
    for (TomlLines.Entry e : toml.entries()) {
      String table = e.table();
      String key = e.key();
      String value = e.value();
      switch (kind) {
        case PYPROJECT -> {
          boolean setuptools =
              table.startsWith("tool.setuptools")
                  && value.matches("(?s).*py-limited-api\\s*=\\s*true.*");
          boolean setuptoolsKey =
              table.startsWith("tool.setuptools")
                  && key.equals("py-limited-api")
                  && value.equals("true");
          boolean meson =
              table.equals("tool.meson-python")
                  && key.equals("limited-api")
                  && value.equals("true");
          if (setuptools || setuptoolsKey || meson) {
            facts.add(new BuildFact.LimitedApi(e.line(), e.column(), e.key() + " = " + value));
          }
          if (table.equals("tool.maturin") && key.equals("module-name")) {
            String name = unquote(value);
            facts.add(
                new BuildFact.LibraryName(
                    name.substring(name.lastIndexOf('.') + 1), true, e.line()));
          }
        }
        case CARGO_TOML -> cargo(e).ifPresent(facts::add);
        case CARGO_LOCK -> {
          if (table.equals("package") && key.equals("name")) {
            lockedName = unquote(value);
          } else if (table.equals("package")
              && key.equals("version")
              && lockedName.equals("pyo3")) {
            facts.add(new BuildFact.LockedCrate(lockedName, unquote(value), e.line()));
          }
        }
        default -> {}
      }
    }
    return new BuildFile(path, kind, text, toml.comments(), facts, false);
  }

  private static Optional<BuildFact> cargo(TomlLines.Entry e) {
    String table = e.table();
    String key = e.key();
    String value = e.value();
    boolean deps = table.equals("dependencies") || table.matches("target\\..*\\.dependencies");
    boolean workspaceDeps = table.equals("workspace.dependencies");
    if ((deps || workspaceDeps) && key.equals("pyo3")) {
      if (value.startsWith("{")) {
        Matcher m = TOML_VERSION.matcher(value);
        boolean ws = TOML_WORKSPACE.matcher(value).find();
        return Optional.of(
            new BuildFact.PyO3Dependency(m.find() ? m.group(1) : "", ws, workspaceDeps, e.line()));
      }
      return Optional.of(
          new BuildFact.PyO3Dependency(unquote(value), false, workspaceDeps, e.line()));
    }
    if (deps && key.equals("pyo3.workspace") && value.equals("true")) {
      return Optional.of(new BuildFact.PyO3Dependency("", true, false, e.line()));
    }
    if ((deps || workspaceDeps) && key.equals("pyo3.version")) {
      return Optional.of(
          new BuildFact.PyO3Dependency(unquote(value), false, workspaceDeps, e.line()));
    }
    boolean depTable = table.endsWith("dependencies.pyo3");
    if (depTable && key.equals("version")) {
      return Optional.of(
          new BuildFact.PyO3Dependency(
              unquote(value), false, table.startsWith("workspace."), e.line()));
    }
    if (depTable && key.equals("workspace") && value.equals("true")) {
      return Optional.of(new BuildFact.PyO3Dependency("", true, false, e.line()));
    }
    if (table.equals("lib") && key.equals("name")) {
      return Optional.of(new BuildFact.LibraryName(unquote(value), true, e.line()));
    }
    if (table.equals("package") && key.equals("name")) {
      return Optional.of(
          new BuildFact.LibraryName(unquote(value).replace('-', '_'), false, e.line()));
    }
    return Optional.empty();
  }

  private static String unquote(String v) {
    String s = v.strip();
    if (s.length() >= 2
        && ((s.startsWith("\"") && s.endsWith("\"")) || (s.startsWith("'") && s.endsWith("'")))) {
      return s.substring(1, s.length() - 1);
    }
    return s;
  }

  private static boolean isBool(String s) {
    return s.equals("True") || s.equals("False") || s.equals("true") || s.equals("false");
  }

  private static boolean truthy(String s) {
    String v = s.toLowerCase(Locale.ROOT);
    return v.equals("true") || v.equals("1");
  }

  private static String joined(List<Token> t, int from, int to) {
    StringBuilder b = new StringBuilder();
    for (int k = from; k <= to && k < t.size(); k++) {
      if (b.length() > 0) {
        b.append(' ');
      }
      b.append(t.get(k).text());
    }
    return b.toString();
  }
}
