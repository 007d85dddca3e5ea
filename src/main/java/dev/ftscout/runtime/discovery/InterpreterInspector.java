package dev.ftscout.runtime.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ftscout.runtime.process.ProcessResult;
import dev.ftscout.runtime.process.ProcessRunner;
import dev.ftscout.runtime.process.ProcessSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one interpreter with a small script that describes it (version, build, GIL state, ABI, pip)
 * and turns the answer into an {@link Interpreter}.
 */
public final class InterpreterInspector {
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  private final ProcessRunner runner;
  private final Map<String, String> environment;
  private final Path workingDirectory;
  private final String script;
  private final ObjectMapper json = new ObjectMapper();

  /**
   * @param environment the user's environment; cleaned with {@link PythonEnvironment#clean}
   * @param workingDirectory where the interpreter runs (a folder without Python files in it)
   */
  public InterpreterInspector(
      ProcessRunner runner, Map<String, String> environment, Path workingDirectory) {
    this.runner = runner;
    this.environment = PythonEnvironment.clean(environment);
    this.workingDirectory = workingDirectory;
    this.script = resource("introspect.py");
  }

  /** Describes the interpreter at {@code python}, found through {@code origin}. */
  public Interpreter inspect(Path python, Origin origin) throws InterpreterException {
    ProcessResult r;
    try {
      r =
          runner.run(
              ProcessSpec.of(
                      List.of(python.toString(), "-c", script), environment, workingDirectory)
                  .withTimeout(TIMEOUT)
                  .withLimits(64 * 1024, 8 * 1024));
    } catch (IOException e) {
      throw new InterpreterException("cannot run " + python + ": " + e.getMessage());
    }
    if (!r.succeeded()) {
      String last = r.stderr().strip().lines().reduce((a, b) -> b).orElse("");
      throw new InterpreterException(
          python
              + " failed to describe itself ("
              + r.describeEnd()
              + ")"
              + (last.isEmpty() ? "" : ": " + last));
    }
    String line = r.stdout().strip().lines().reduce((a, b) -> b).orElse("");
    JsonNode n;
    try {
      n = json.readTree(line);
    } catch (IOException e) {
      throw new InterpreterException(python + " printed an unexpected description: " + line);
    }
    if (n == null || !n.isObject()) {
      throw new InterpreterException(python + " printed an unexpected description: " + line);
    }
    JsonNode gil = n.path("gil_enabled");
    return new Interpreter(
        python,
        n.path("executable").asText(""),
        n.path("version").asText(""),
        n.path("major").asInt(),
        n.path("minor").asInt(),
        n.path("implementation").asText(""),
        n.path("py_gil_disabled").asInt(0) == 1,
        gil.isBoolean() ? Optional.of(gil.asBoolean()) : Optional.empty(),
        n.path("abiflags").asText(""),
        n.path("ext_suffix").asText(""),
        n.path("pip").asBoolean(false),
        !n.path("prefix").asText("").equals(n.path("base_prefix").asText("")),
        n.path("prefix").asText(""),
        List.of(origin));
  }

  static String resource(String name) {
    try (InputStream in = InterpreterInspector.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
