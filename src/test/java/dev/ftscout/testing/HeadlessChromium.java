package dev.ftscout.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Chromium, headless, driven over the DevTools protocol on loopback: load a page, collect
 * console errors and uncaught exceptions, evaluate script, take a screenshot. For end-to-end tests
 * of the HTML report and SVG charts.
 */
public final class HeadlessChromium implements AutoCloseable {
  private static final List<String> CANDIDATES =
      List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");

  private final ObjectMapper json = new ObjectMapper();
  private final Process process;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final List<String> consoleErrors = Collections.synchronizedList(new ArrayList<>());
  private volatile CompletableFuture<Void> loaded = new CompletableFuture<>();

  /** The browser executable, when installed. */
  public static Optional<Path> executable() {
    return CANDIDATES.stream().map(Path::of).filter(Files::isExecutable).findFirst();
  }

  /** Starts a browser, or aborts the test with a visible reason when none is installed. */
  public static HeadlessChromium start(Path profileDir) throws Exception {
    Path exe =
        executable()
            .orElseThrow(() -> {
              Assumptions.abort(
                  "no Chromium installed (.ci/run installs Debian's chromium package)");
              return new IllegalStateException();
            });
    return new HeadlessChromium(exe, profileDir);
  }

  private HeadlessChromium(Path exe, Path profileDir) throws Exception {
    Files.createDirectories(profileDir);
    process =
        new ProcessBuilder(
                exe.toString(),
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-extensions",
                "--hide-scrollbars",
                "--remote-debugging-address=127.0.0.1",
                "--remote-debugging-port=0",
                "--window-size=1280,1600",
                "--user-data-dir=" + profileDir,
                "about:blank")
            .redirectErrorStream(true)
            .redirectOutput(profileDir.resolve("chromium.log").toFile())
            .start();
    Path portFile = profileDir.resolve("DevToolsActivePort");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!Files.isRegularFile(portFile) || Files.readAllLines(portFile).size() < 2) {
      if (System.nanoTime() > deadline || !process.isAlive()) {
        process.destroyForcibly();
        throw new IOException(
            "Chromium did not start: " + Files.readString(profileDir.resolve("chromium.log")));
      }
      Thread.sleep(50);
    }
    String port = Files.readAllLines(portFile).get(0).trim();
    HttpClient http = HttpClient.newHttpClient();
    String list =
        http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    String wsUrl = "";
    for (JsonNode target : json.readTree(list)) {
      if (target.path("type").asText().equals("page")) {
        wsUrl = target.path("webSocketDebuggerUrl").asText();
        break;
      }
    }
    if (wsUrl.isEmpty()) {
      throw new IOException("no page target in " + list);
    }
    socket =
        http.newWebSocketBuilder()
            .buildAsync(URI.create(wsUrl), new Listener())
            .get(30, TimeUnit.SECONDS);
    send("Page.enable", json.createObjectNode());
    send("Runtime.enable", json.createObjectNode());
    send("Log.enable", json.createObjectNode());
  }

  /** Loads a page and waits for its load event. */
  public void open(Path file) throws Exception {
    loaded = new CompletableFuture<>();
    ObjectNode params = json.createObjectNode();
    params.put("url", file.toUri().toString());
    send("Page.navigate", params);
    loaded.get(30, TimeUnit.SECONDS);
  }

  /** Evaluates a script expression in the page and returns its value as JSON. */
  public JsonNode eval(String expression) throws Exception {
    ObjectNode params = json.createObjectNode();
    params.put("expression", expression);
    params.put("returnByValue", true);
    JsonNode result = send("Runtime.evaluate", params);
    if (result.has("exceptionDetails")) {
      throw new IllegalStateException("script failed: " + result.path("exceptionDetails"));
    }
    return result.path("result").path("value");
  }

  /** Console errors and uncaught exceptions seen so far. */
  public List<String> consoleErrors() {
    return List.copyOf(consoleErrors);
  }

  /** Saves a full-page PNG screenshot. */
  public void screenshot(Path png) throws Exception {
    ObjectNode params = json.createObjectNode();
    params.put("format", "png");
    params.put("captureBeyondViewport", true);
    JsonNode result = send("Page.captureScreenshot", params);
    Files.createDirectories(png.toAbsolutePath().getParent());
    Files.write(png, Base64.getDecoder().decode(result.path("data").asText()));
  }

  private JsonNode send(String method, ObjectNode params) throws Exception {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    pending.put(id, reply);
    ObjectNode message = json.createObjectNode();
    message.put("id", id);
    message.put("method", method);
    message.set("params", params);
    socket.sendText(json.writeValueAsString(message), true).get(10, TimeUnit.SECONDS);
    JsonNode response = reply.get(30, TimeUnit.SECONDS);
    if (response.has("error")) {
      throw new IllegalStateException(method + " failed: " + response.path("error"));
    }
    return response.path("result");
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder buffer = new StringBuilder();

    @Override
    public @org.jspecify.annotations.Nullable CompletionStage<?> onText(
        WebSocket webSocket, CharSequence data, boolean last) {
      buffer.append(data);
      if (last) {
        handle(buffer.toString());
        buffer.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    private void handle(String text) {
      try {
        JsonNode message = json.readTree(text);
        if (message.has("id")) {
          CompletableFuture<JsonNode> reply = pending.remove(message.path("id").asInt());
          if (reply != null) {
            reply.complete(message);
          }
          return;
        }
        String method = message.path("method").asText();
        JsonNode params = message.path("params");
        switch (method) {
          case "Page.loadEventFired" -> loaded.complete(null);
          case "Runtime.exceptionThrown" ->
              consoleErrors.add("exception: " + params.path("exceptionDetails"));
          case "Runtime.consoleAPICalled" -> {
            if (params.path("type").asText().equals("error")) {
              consoleErrors.add("console.error: " + params.path("args"));
            }
          }
          case "Log.entryAdded" -> {
            if (params.path("entry").path("level").asText().equals("error")) {
              consoleErrors.add("log: " + params.path("entry").path("text").asText());
            }
          }
          default -> {}
        }
      } catch (IOException e) {
        consoleErrors.add("unreadable DevTools message: " + e.getMessage());
      }
    }
  }

  @Override
  public void close() throws Exception {
    try {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      // The browser is killed below either way.
    }
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }
}
