package dev.ftscout.cext;

import dev.ftscout.model.SourceComment;
import java.util.List;

/**
 * What a build file says about the project's extension modules.
 *
 * @param path display path
 * @param kind which build file
 * @param text its text
 * @param comments its comments
 * @param facts the facts it states, in order
 * @param mentionsGilDisabled whether its code (not comments) refers to {@code Py_GIL_DISABLED}, the
 *     usual sign that it chooses settings per build
 */
public record BuildFile(
    String path,
    Kind kind,
    String text,
    List<SourceComment> comments,
    List<BuildFact> facts,
    boolean mentionsGilDisabled) {

  public BuildFile {
    comments = List.copyOf(comments);
    facts = List.copyOf(facts);
  }

  /** The build files the scanner reads. */
  public enum Kind {
    SETUP_PY,
    SETUP_CFG,
    MESON,
    CMAKE,
    PYPROJECT,
    CARGO_TOML,
    CARGO_LOCK
  }

  /** The folder the file is in ({@code ""} at the project root). */
  public String directory() {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  /** The facts of one type. */
  public <T extends BuildFact> List<T> facts(Class<T> type) {
    return facts.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
