package dev.ftscout.deps.testdata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ftscout.testing.TestVenvs;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The reference implementation ({@code packaging} in a real venv) answering one JSON request. */
public final class Oracle {
  private final ObjectMapper mapper = new ObjectMapper();

  /** Sends the request to {@code oracle.py} and returns its answer. */
  public JsonNode ask(Object request) {
    Path python = TestVenvs.venv("packaging").python();
    Path script = TestVenvs.basedir().resolve("src/test/resources/deps/differential/oracle.py");
    try {
      Process p =
          new ProcessBuilder(python.toString(), script.toString())
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      CompletableFuture<byte[]> out =
          CompletableFuture.supplyAsync(() -> {
            try {
              return p.getInputStream().readAllBytes();
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
      try (OutputStream in = p.getOutputStream()) {
        in.write(mapper.writeValueAsBytes(request));
      }
      byte[] answer = out.join();
      if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
        throw new IllegalStateException(
            "oracle failed: " + new String(answer, StandardCharsets.UTF_8));
      }
      return mapper.readTree(answer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
