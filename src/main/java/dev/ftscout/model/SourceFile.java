package dev.ftscout.model;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A file read from the project, with its bytes. Front ends decode it themselves, because Python
 * sources may declare their own encoding (PEP 263) while C sources are taken as UTF-8.
 */
public final class SourceFile {
  private final String path;
  private final Path absolute;
  private final byte[] content;

  /**
   * @param path the display path, relative to the project root, {@code /}-separated
   * @param absolute where it is on disk
   * @param content its bytes (not copied: callers hand over ownership)
   */
  public SourceFile(String path, Path absolute, byte[] content) {
    this.path = path;
    this.absolute = absolute;
    this.content = content;
  }

  public String path() {
    return path;
  }

  public Path absolute() {
    return absolute;
  }

  /** The raw bytes; callers must not modify them. */
  @SuppressWarnings("EffectivelyPrivate")
  public byte[] bytes() {
    return content;
  }

  /** The file name without folders. */
  public String fileName() {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? path : path.substring(slash + 1);
  }

  /**
   * The content decoded as strict UTF-8 (a leading BOM dropped), or empty when it is not valid
   * UTF-8.
   */
  public Optional<String> utf8() {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    int start =
        content.length >= 3
                && (content[0] & 0xff) == 0xEF
                && (content[1] & 0xff) == 0xBB
                && (content[2] & 0xff) == 0xBF
            ? 3
            : 0;
    try {
      return Optional.of(
          decoder.decode(ByteBuffer.wrap(content, start, content.length - start)).toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  /** Byte offset of the first byte that is not valid UTF-8, or -1 when all are valid. */
  public int firstInvalidUtf8Offset() {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(content);
    CharBuffer out = CharBuffer.allocate(content.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    return result.isError() ? in.position() : -1;
  }
}
