package dev.ftscout.cext;

import dev.ftscout.model.SkippedFile;
import dev.ftscout.model.SourceComment;
import dev.ftscout.model.SourceFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The extension front end's entry point: reads the C, C++, Cython, Rust and build files of a
 * project into an {@link ExtensionProject}. It never compiles or runs anything, and never throws on
 * bad input: unreadable files become {@link SkippedFile}s.
 */
public final class ExtensionReader {
  /** Files larger than this are skipped: no hand-written extension source is that big. */
  public static final long MAX_BYTES = 10L * 1024 * 1024;

  /** How far to look for a NUL byte when deciding a file is binary (as git does). */
  private static final int BINARY_PROBE = 8000;

  /** Creates a reader. */
  public ExtensionReader() {}

  /** Whether the front end reads a file, judged by its display path. */
  public static boolean wants(String path) {
    return language(path).isPresent() || BuildFiles.kindOf(path).isPresent();
  }

  private enum Language {
    C,
    CPP,
    C_HEADER,
    CPP_HEADER,
    CYTHON,
    RUST
  }

  private static Optional<Language> language(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    return switch (name.substring(dot + 1).toLowerCase(Locale.ROOT)) {
      case "c" -> Optional.of(Language.C);
      case "cc", "cpp", "cxx", "c++" -> Optional.of(Language.CPP);
      case "h" -> Optional.of(Language.C_HEADER);
      case "hh", "hpp", "hxx", "h++", "inl", "ipp" -> Optional.of(Language.CPP_HEADER);
      case "pyx", "pxd", "pxi" -> Optional.of(Language.CYTHON);
      case "rs" -> Optional.of(Language.RUST);
      default -> Optional.empty();
    };
  }

  private sealed interface Parsed {
    String path();
  }

  private record ParsedC(String path, CFile file) implements Parsed {}

  private record ParsedCython(String path, CythonFile file) implements Parsed {}

  private record ParsedRust(String path, RustFile file) implements Parsed {}

  private record ParsedBuild(String path, BuildFile file) implements Parsed {}

  private record Skipped(String path, String reason) implements Parsed {}

  /** Reads the files of one project; files it does not want are ignored. */
  public ExtensionProject read(List<SourceFile> files) {
    List<Parsed> parsed =
        files.parallelStream().filter(f -> wants(f.path())).map(this::parse).toList();
    List<CFile> cFiles = new ArrayList<>();
    List<CythonFile> cython = new ArrayList<>();
    List<RustFile> rust = new ArrayList<>();
    List<BuildFile> build = new ArrayList<>();
    List<SkippedFile> skipped = new ArrayList<>();
    Map<String, List<SourceComment>> comments = new LinkedHashMap<>();
    Map<String, SourceText> texts = new HashMap<>();
    for (Parsed p : parsed) {
      switch (p) {
        case ParsedC c -> {
          cFiles.add(c.file());
          comments.put(p.path(), c.file().comments());
          texts.put(p.path(), new SourceText(c.file().tokens().source()));
        }
        case ParsedCython c -> {
          cython.add(c.file());
          comments.put(p.path(), c.file().comments());
          texts.put(p.path(), new SourceText(c.file().text()));
        }
        case ParsedRust r -> {
          rust.add(r.file());
          comments.put(p.path(), r.file().comments());
          texts.put(p.path(), new SourceText(r.file().text()));
        }
        case ParsedBuild b -> {
          build.add(b.file());
          comments.put(p.path(), b.file().comments());
          texts.put(p.path(), new SourceText(b.file().text()));
        }
        case Skipped s -> skipped.add(new SkippedFile(s.path(), s.reason()));
      }
    }
    List<ModuleFact> modules = ModuleFinder.find(cFiles, cython, rust, build);
    return new ExtensionProject(
        cFiles, cython, rust, build, modules, writes(cFiles), comments, skipped, texts);
  }

  private Parsed parse(SourceFile f) {
    String path = f.path();
    byte[] bytes = f.bytes();
    if (bytes.length > MAX_BYTES) {
      return new Skipped(path, "larger than 10 MB (" + bytes.length + " bytes)");
    }
    for (int i = 0; i < Math.min(bytes.length, BINARY_PROBE); i++) {
      if (bytes[i] == 0) {
        return new Skipped(path, "binary file (NUL byte at byte " + i + ")");
      }
    }
    Optional<String> decoded = f.utf8();
    if (decoded.isEmpty()) {
      return new Skipped(path, "not valid UTF-8 at byte " + f.firstInvalidUtf8Offset());
    }
    String text = decoded.get();
    try {
      return parse(path, text);
    } catch (RuntimeException e) {
      // A reader bug must not end the whole scan; the file is reported as not analysed.
      return new Skipped(path, "could not be analysed (internal error: " + e + ")");
    }
  }

  private static Parsed parse(String path, String text) {
    Optional<BuildFile.Kind> build = BuildFiles.kindOf(path);
    if (build.isPresent()) {
      return new ParsedBuild(path, BuildFiles.read(path, build.get(), text));
    }
    Language lang = language(path).orElseThrow();
    return switch (lang) {
      case C, CPP, C_HEADER, CPP_HEADER -> {
        if (text.substring(0, Math.min(text.length(), 300)).contains("Generated by Cython")) {
          yield new Skipped(path, "generated by Cython; its .pyx source is analysed instead");
        }
        boolean header = lang == Language.C_HEADER || lang == Language.CPP_HEADER;
        boolean cpp = lang == Language.CPP || lang == Language.CPP_HEADER;
        CSource source = CLexer.lex(text, header);
        yield new ParsedC(path, CParser.parse(path, source, cpp, header));
      }
      case CYTHON -> new ParsedCython(path, CythonFile.of(path, PyishLexer.lex(text)));
      case RUST -> new ParsedRust(path, RustFile.of(path, RustLexer.lex(text)));
    };
  }

  /** Resolves candidate writes to variables of the same file or of a project header. */
  private static List<VariableWrite> writes(List<CFile> cFiles) {
    Map<String, CVariable> headerVariables = new HashMap<>();
    for (CFile f : cFiles) {
      if (f.header()) {
        for (CVariable v : f.variables()) {
          if (v.function().isEmpty()) {
            headerVariables.putIfAbsent(v.name(), v);
          }
        }
      }
    }
    java.util.Set<String> init = InitAnalysis.initFunctions(cFiles);
    List<VariableWrite> out = new ArrayList<>();
    for (CFile f : cFiles) {
      CTokens t = f.tokens();
      for (CFile.Assignment a : f.assignments()) {
        String fn = a.function().name();
        Optional<CVariable> v = f.variable(a.name(), Optional.of(fn));
        if (v.isEmpty()) {
          v = Optional.ofNullable(headerVariables.get(a.name()));
        }
        if (v.isEmpty()) {
          continue;
        }
        out.add(
            new VariableWrite(
                f.path(),
                v.get(),
                fn,
                a.token(),
                t.line(a.token()),
                t.column(a.token()),
                init.contains(InitAnalysis.key(f, a.function())),
                a.lockHeld(),
                a.criticalSection(),
                t.condition(a.token())));
      }
    }
    return out;
  }
}
