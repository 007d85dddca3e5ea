package dev.ftscout.deps.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A simple real inspector for tests: reads extension sources as text. A C file that defines a
 * module must carry {@code Py_MOD_GIL_NOT_USED}; a Cython file the {@code
 * freethreading_compatible=True} directive; a {@code setup.py} that builds its extension as
 * optional (and says it falls back to pure Python) makes the package a pure fallback.
 */
public final class TextSourceInspector implements SourceInspector {
  @Override
  public SourceInspection inspect(Path tree, String project, String version) {
    List<String> evidence = new ArrayList<>();
    int modules = 0;
    int declared = 0;
    boolean fallback = false;
    try (Stream<Path> files = Files.walk(tree)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        String name = f.getFileName().toString();
        boolean c = name.endsWith(".c") || name.endsWith(".cpp");
        boolean pyx = name.endsWith(".pyx");
        boolean setup = name.equals("setup.py");
        if (!c && !pyx && !setup) {
          continue;
        }
        List<String> lines = Files.readAllLines(f, StandardCharsets.ISO_8859_1);
        boolean module = pyx;
        boolean gilFree = false;
        for (int i = 0; i < lines.size(); i++) {
          String l = lines.get(i);
          String at = tree.relativize(f) + ":" + (i + 1);
          if (c && (l.contains("PyModuleDef ") || l.contains("PyModuleDef_Slot"))) {
            module = true;
          }
          if (l.contains("Py_MOD_GIL_NOT_USED") || l.contains("freethreading_compatible=True")) {
            gilFree = true;
            evidence.add(at + ": declares GIL-free");
          }
          if (setup && l.contains("falling back to pure Python")) {
            fallback = true;
            evidence.add(at + ": pure-Python fallback");
          }
        }
        if (module) {
          modules++;
          if (gilFree) {
            declared++;
          } else {
            evidence.add(tree.relativize(f) + ": extension module without a GIL declaration");
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    GilDeclaration d =
        modules == 0
            ? GilDeclaration.NO_EXTENSIONS
            : declared == modules ? GilDeclaration.YES : GilDeclaration.NO;
    return new SourceInspection(d, fallback, evidence);
  }
}
