package dev.ftscout.scan;

import dev.ftscout.model.SkippedFile;
import dev.ftscout.model.SourceFile;
import dev.ftscout.model.UserError;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Collects the files of a project below the given paths: leaves out excluded paths and folders that
 * never hold the project's own sources, reads each wanted file once, and turns unreadable, binary
 * and oversized files into {@link SkippedFile}s instead of errors.
 */
public final class ProjectFiles {
  /** Files larger than this are skipped: they are generated or vendored, not hand-written. */
  public static final long MAX_BYTES = 10L * 1024 * 1024;

  /** Folder names never scanned, as in ruff's defaults. */
  public static final Set<String> DEFAULT_EXCLUDES =
      Set.of(
          ".bzr",
          ".direnv",
          ".eggs",
          ".git",
          ".git-rewrite",
          ".hg",
          ".ipynb_checkpoints",
          ".mypy_cache",
          ".nox",
          ".pants.d",
          ".pyenv",
          ".pytest_cache",
          ".pytype",
          ".ruff_cache",
          ".svn",
          ".tox",
          ".venv",
          ".vscode",
          "__pypackages__",
          "__pycache__",
          "_build",
          "buck-out",
          "build",
          "dist",
          "node_modules",
          "site-packages",
          "venv");

  private final Path root;
  private final List<PathMatcher> excludes;

  /**
   * @param root the project root; display paths are relative to it
   * @param excludeGlobs glob patterns relative to the root; a pattern without {@code /} matches any
   *     file or folder of that name
   */
  public ProjectFiles(Path root, List<String> excludeGlobs) {
    this.root = root.toAbsolutePath().normalize();
    List<PathMatcher> m = new ArrayList<>();
    for (String glob : excludeGlobs) {
      String g = glob.endsWith("/") ? glob.substring(0, glob.length() - 1) : glob;
      if (!g.contains("/")) {
        g = "**/" + g;
      }
      m.add(FileSystems.getDefault().getPathMatcher("glob:" + g));
      if (g.startsWith("**/")) {
        m.add(FileSystems.getDefault().getPathMatcher("glob:" + g.substring(3)));
      }
    }
    this.excludes = List.copyOf(m);
  }

  /** What was collected: files to analyze and files skipped, both in path order. */
  public record Collected(List<SourceFile> files, List<SkippedFile> skipped) {}

  /**
   * Reads every file below {@code paths} that {@code wanted} accepts (by display path). A path that
   * does not exist is a {@link UserError}.
   */
  public Collected collect(List<Path> paths, Predicate<String> wanted) {
    TreeMap<String, Path> found = new TreeMap<>();
    for (Path p : paths) {
      Path abs = p.toAbsolutePath().normalize();
      if (!Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
        throw new UserError(p + ": no such file or folder");
      }
      if (Files.isDirectory(abs)) {
        walk(abs, wanted, found);
      } else if (wanted.test(display(abs))) {
        found.put(display(abs), abs);
      }
    }
    List<SourceFile> files = new ArrayList<>();
    List<SkippedFile> skipped = new ArrayList<>();
    found.forEach((display, abs) -> {
      try {
        long size = Files.size(abs);
        if (size > MAX_BYTES) {
          skipped.add(
              new SkippedFile(display, "larger than 10 MB (" + size / (1024 * 1024) + " MB)"));
          return;
        }
        byte[] bytes = Files.readAllBytes(abs);
        if (looksBinary(bytes)) {
          skipped.add(new SkippedFile(display, "binary file"));
          return;
        }
        files.add(new SourceFile(display, abs, bytes));
      } catch (IOException e) {
        skipped.add(new SkippedFile(display, "cannot read: " + reason(e)));
      }
    });
    return new Collected(List.copyOf(files), List.copyOf(skipped));
  }

  private void walk(Path start, Predicate<String> wanted, java.util.Map<String, Path> found) {
    try {
      Files.walkFileTree(
          start,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              if (!dir.equals(start)
                  && (DEFAULT_EXCLUDES.contains(String.valueOf(dir.getFileName()))
                      || excluded(dir))) {
                return FileVisitResult.SKIP_SUBTREE;
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if ((attrs.isRegularFile() || isLinkToFileOrNothing(file, attrs))
                  && !excluded(file)) {
                String display = display(file);
                if (wanted.test(display)) {
                  found.put(display, file);
                }
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
              String display = display(file);
              if (wanted.test(display)) {
                found.put(display, file);
              }
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UserError(start + ": cannot list folder: " + reason(e), e);
    }
  }

  /**
   * Symbolic links to files are read through; links to folders are not followed (they can loop);
   * dangling links are kept so the reader reports them as unreadable.
   */
  private static boolean isLinkToFileOrNothing(Path file, BasicFileAttributes attrs) {
    return attrs.isSymbolicLink() && !Files.isDirectory(file);
  }

  private boolean excluded(Path abs) {
    Path rel = relative(abs);
    for (PathMatcher m : excludes) {
      if (m.matches(rel)) {
        return true;
      }
    }
    return false;
  }

  private Path relative(Path abs) {
    return abs.startsWith(root) ? root.relativize(abs) : abs;
  }

  /** The display path: relative to the root, {@code /}-separated. */
  public String display(Path abs) {
    Path rel = relative(abs.toAbsolutePath().normalize());
    String s = rel.toString().replace(java.io.File.separatorChar, '/');
    return s.isEmpty() ? String.valueOf(abs.getFileName()) : s;
  }

  /** A NUL byte in the first 8 KiB marks a binary file, as git decides. */
  static boolean looksBinary(byte[] bytes) {
    int n = Math.min(bytes.length, 8192);
    for (int i = 0; i < n; i++) {
      if (bytes[i] == 0) {
        return true;
      }
    }
    return false;
  }

  private static String reason(IOException e) {
    String type = e.getClass().getSimpleName();
    return switch (type) {
      case "AccessDeniedException" -> "permission denied";
      case "NoSuchFileException" -> "no such file";
      default -> e.getMessage() == null ? type : e.getMessage();
    };
  }
}
