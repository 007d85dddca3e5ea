package dev.ftscout.cext;

import dev.ftscout.model.SourceComment;
import java.util.List;

/**
 * A file cut into tokens and comments by one of the small lexers.
 *
 * @param text the file's text
 * @param tokens code tokens in order
 * @param comments comments in order
 */
public record LexedText(String text, List<Token> tokens, List<SourceComment> comments) {
  public LexedText {
    tokens = List.copyOf(tokens);
    comments = List.copyOf(comments);
  }
}
