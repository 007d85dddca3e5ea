package dev.ftscout.cext;

import dev.ftscout.model.SourceComment;
import java.util.List;

/**
 * A lexed C or C++ file: its tokens (comments, directives and dead {@code #if 0} code removed), its
 * comments and its preprocessor directives.
 */
public record CSource(CTokens tokens, List<SourceComment> comments, List<Directive> directives) {
  public CSource {
    comments = List.copyOf(comments);
    directives = List.copyOf(directives);
  }
}
