package dev.ftscout.deps.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses simple-repository pages: PEP 691 JSON and PEP 503 HTML. */
final class PageParser {
  static final String JSON_TYPE = "application/vnd.pypi.simple.v1+json";
  private static final Pattern ANCHOR =
      Pattern.compile("<a\\s([^>]*)>(.*?)</a>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern ATTR =
      Pattern.compile(
          "([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+)))?");
  private final ObjectMapper mapper = new ObjectMapper();

  ProjectPage parse(String name, String pageUrl, String contentType, byte[] body) {
    String type = contentType.toLowerCase(Locale.ROOT);
    if (type.startsWith(JSON_TYPE) || type.startsWith("application/json")) {
      return json(name, pageUrl, body);
    }
    if (type.startsWith("text/html") || type.startsWith("application/vnd.pypi.simple.v1+html")) {
      return html(name, pageUrl, new String(body, java.nio.charset.StandardCharsets.UTF_8));
    }
    throw new IndexException(pageUrl + ": unexpected content type '" + contentType + "'");
  }

  private ProjectPage json(String name, String pageUrl, byte[] body) {
    JsonNode root;
    try {
      root = mapper.readTree(body);
    } catch (JsonProcessingException e) {
      throw new IndexException(pageUrl + ": invalid JSON: " + e.getOriginalMessage(), e);
    } catch (java.io.IOException e) {
      throw new IndexException(pageUrl + ": unreadable body", e);
    }
    if (root == null || !root.path("files").isArray()) {
      throw new IndexException(pageUrl + ": not a PEP 691 project page (no files list)");
    }
    String major = root.path("meta").path("api-version").asText("1.0").split("\\.")[0];
    if (!major.equals("1")) {
      throw new IndexException(pageUrl + ": unsupported simple API version " + major);
    }
    List<DistributionFile> files = new ArrayList<>();
    for (JsonNode f : root.path("files")) {
      Map<String, String> hashes = new HashMap<>();
      f.path("hashes").properties().forEach(e -> hashes.put(e.getKey(), e.getValue().asText()));
      JsonNode yanked = f.path("yanked");
      Optional<String> y =
          yanked.isTextual()
              ? Optional.of(yanked.asText())
              : yanked.asBoolean(false) ? Optional.of("") : Optional.empty();
      JsonNode meta =
          f.has("core-metadata") ? f.path("core-metadata") : f.path("dist-info-metadata");
      if (meta.isMissingNode()) {
        meta = f.path("data-dist-info-metadata");
      }
      boolean hasMeta = meta.isObject() || meta.asBoolean(false);
      JsonNode rp = f.path("requires-python");
      files.add(
          new DistributionFile(
              f.path("filename").asText(),
              resolve(pageUrl, f.path("url").asText()),
              hashes,
              rp.isTextual() ? Optional.of(rp.asText()) : Optional.empty(),
              y,
              hasMeta,
              f.path("size").asLong(-1),
              f.path("upload-time").isTextual()
                  ? Optional.of(f.path("upload-time").asText())
                  : Optional.empty()));
    }
    List<String> versions = new ArrayList<>();
    root.path("versions").forEach(v -> versions.add(v.asText()));
    return new ProjectPage(name, pageUrl, files, versions);
  }

  private ProjectPage html(String name, String pageUrl, String body) {
    List<DistributionFile> files = new ArrayList<>();
    Matcher a = ANCHOR.matcher(body);
    while (a.find()) {
      Map<String, String> attrs = new HashMap<>();
      Matcher m = ATTR.matcher(a.group(1));
      while (m.find()) {
        String v = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
        attrs.put(m.group(1).toLowerCase(Locale.ROOT), v == null ? "" : unescape(v));
      }
      String href = attrs.get("href");
      if (href == null) {
        continue;
      }
      String url = resolve(pageUrl, href);
      Map<String, String> hashes = new HashMap<>();
      int hash = url.indexOf('#');
      if (hash >= 0) {
        String[] kv = url.substring(hash + 1).split("=", 2);
        if (kv.length == 2) {
          hashes.put(kv[0], kv[1]);
        }
        url = url.substring(0, hash);
      }
      String meta =
          attrs.getOrDefault(
              "data-core-metadata", attrs.getOrDefault("data-dist-info-metadata", "false"));
      files.add(
          new DistributionFile(
              unescape(a.group(2).strip()),
              url,
              hashes,
              Optional.ofNullable(attrs.get("data-requires-python")),
              Optional.ofNullable(attrs.get("data-yanked")),
              !meta.equals("false"),
              -1,
              Optional.empty()));
    }
    return new ProjectPage(name, pageUrl, files, List.of());
  }

  static String resolve(String base, String ref) {
    try {
      return URI.create(base).resolve(URI.create(ref.replace(" ", "%20"))).toString();
    } catch (IllegalArgumentException e) {
      throw new IndexException(base + ": bad file URL '" + ref + "'", e);
    }
  }

  private static String unescape(String s) {
    return s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&amp;", "&");
  }
}
