package dev.ftscout.deps.index;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
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
  private final JsonFactory factory = new JsonFactory();

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

  /**
   * Streams the PEP 691 document (no tree is built: pages of big projects list thousands of files
   * and the warm-cache path is dominated by this parse).
   */
  private ProjectPage json(String name, String pageUrl, byte[] body) {
    List<DistributionFile> files = new ArrayList<>();
    List<String> versions = new ArrayList<>();
    boolean sawFiles = false;
    String apiVersion = "1.0";
    UrlResolver resolver = new UrlResolver(pageUrl);
    try (JsonParser p = factory.createParser(body)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IndexException(pageUrl + ": not a PEP 691 project page (not an object)");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken t = p.nextToken();
        switch (field) {
          case "files" -> {
            if (t != JsonToken.START_ARRAY) {
              throw new IndexException(pageUrl + ": 'files' is not a list");
            }
            sawFiles = true;
            while (p.nextToken() == JsonToken.START_OBJECT) {
              files.add(file(p, resolver, pageUrl));
            }
          }
          case "versions" -> {
            if (t == JsonToken.START_ARRAY) {
              while (p.nextToken() != JsonToken.END_ARRAY) {
                versions.add(p.getText());
              }
            } else {
              p.skipChildren();
            }
          }
          case "meta" -> {
            if (t == JsonToken.START_OBJECT) {
              while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                p.nextToken();
                if (key.equals("api-version")) {
                  apiVersion = p.getText();
                } else {
                  p.skipChildren();
                }
              }
            } else {
              p.skipChildren();
            }
          }
          default -> p.skipChildren();
        }
      }
    } catch (JsonProcessingException e) {
      throw new IndexException(pageUrl + ": invalid JSON: " + e.getOriginalMessage(), e);
    } catch (java.io.IOException e) {
      throw new IndexException(pageUrl + ": unreadable body", e);
    }
    if (!sawFiles) {
      throw new IndexException(pageUrl + ": not a PEP 691 project page (no files list)");
    }
    String major = apiVersion.split("\\.")[0];
    if (!major.equals("1")) {
      throw new IndexException(pageUrl + ": unsupported simple API version " + major);
    }
    return new ProjectPage(name, pageUrl, files, versions);
  }

  private static DistributionFile file(JsonParser p, UrlResolver resolver, String pageUrl)
      throws java.io.IOException {
    String filename = "";
    String url = "";
    Map<String, String> hashes = Map.of();
    Optional<String> requiresPython = Optional.empty();
    Optional<String> yanked = Optional.empty();
    boolean metadata = false;
    boolean metadataSeen = false;
    long size = -1;
    Optional<String> uploaded = Optional.empty();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      JsonToken v = p.nextToken();
      switch (key) {
        case "filename" -> filename = p.getText();
        case "url" -> url = p.getText();
        case "hashes" -> {
          // Almost always one entry: build the immutable map directly.
          Map<String, String> h = Map.of();
          if (v == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
              String algo = p.currentName();
              p.nextToken();
              if (h.isEmpty()) {
                h = Map.of(algo, p.getText());
              } else {
                Map<String, String> more = new HashMap<>(h);
                more.put(algo, p.getText());
                h = Map.copyOf(more);
              }
            }
          } else {
            p.skipChildren();
          }
          hashes = h;
        }
        case "requires-python" ->
            requiresPython =
                v == JsonToken.VALUE_STRING ? Optional.of(p.getText()) : Optional.empty();
        case "yanked" ->
            yanked =
                v == JsonToken.VALUE_STRING
                    ? Optional.of(p.getText())
                    : v == JsonToken.VALUE_TRUE ? Optional.of("") : Optional.empty();
        case "core-metadata", "dist-info-metadata", "data-dist-info-metadata" -> {
          // PEP 714: core-metadata wins over the older names when both are present.
          boolean present = v == JsonToken.START_OBJECT || v == JsonToken.VALUE_TRUE;
          p.skipChildren();
          if (key.equals("core-metadata") || !metadataSeen) {
            metadata = present;
          }
          metadataSeen |= key.equals("core-metadata");
        }
        case "size" -> size = v == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : -1;
        case "upload-time" ->
            uploaded = v == JsonToken.VALUE_STRING ? Optional.of(p.getText()) : Optional.empty();
        default -> p.skipChildren();
      }
    }
    if (filename.isEmpty() || url.isEmpty()) {
      throw new IndexException(pageUrl + ": a file entry lacks filename or url");
    }
    return new DistributionFile(
        filename, resolver.resolve(url), hashes, requiresPython, yanked, metadata, size, uploaded);
  }

  /**
   * Resolves file URLs against the page URL. Plain relative paths (the common case, thousands per
   * page) are joined and their dot segments removed as RFC 3986 section 5.2 does, without building
   * URI objects; anything else goes through {@link URI#resolve}.
   */
  private static final class UrlResolver {
    private final String base;
    private @org.jspecify.annotations.Nullable URI baseUri;

    UrlResolver(String base) {
      this.base = base;
    }

    /** The resolved URL for a scheme-less, authority-less relative reference, or "". */
    private String relativePath(String ref) {
      int schemeEnd = base.indexOf("://");
      if (schemeEnd < 0
          || ref.startsWith("//")
          || (ref.contains(":") && ref.indexOf(':') < slashOrEnd(ref))) {
        return "";
      }
      int pathStart = base.indexOf('/', schemeEnd + 3);
      if (pathStart < 0 || base.indexOf('?') >= 0 || base.indexOf('#') >= 0) {
        return "";
      }
      String origin = base.substring(0, pathStart);
      int cut = firstOf(ref, '?', '#');
      String refPath = cut < 0 ? ref : ref.substring(0, cut);
      String suffix = cut < 0 ? "" : ref.substring(cut);
      String basePath = base.substring(pathStart);
      if (refPath.isEmpty()) {
        return origin + basePath + suffix;
      }
      String quick = leadingParentsOnly(refPath, basePath);
      if (!quick.isEmpty()) {
        return origin + quick + suffix;
      }
      // The algorithm of urllib.parse.urljoin, which pip uses: empty inner segments of a
      // relative reference are dropped, dot segments removed.
      List<String> segments = new ArrayList<>();
      if (refPath.startsWith("/")) {
        segments.addAll(List.of(refPath.split("/", -1)));
      } else {
        List<String> baseParts = new ArrayList<>(List.of(basePath.split("/", -1)));
        if (!baseParts.get(baseParts.size() - 1).isEmpty()) {
          baseParts.remove(baseParts.size() - 1);
        }
        segments.addAll(baseParts);
        segments.addAll(List.of(refPath.split("/", -1)));
        List<String> inner = new ArrayList<>(segments.subList(1, segments.size() - 1));
        inner.removeIf(String::isEmpty);
        List<String> filtered = new ArrayList<>();
        filtered.add(segments.get(0));
        filtered.addAll(inner);
        filtered.add(segments.get(segments.size() - 1));
        segments = filtered;
      }
      List<String> resolved = new ArrayList<>();
      for (String seg : segments) {
        if (seg.equals("..")) {
          if (!resolved.isEmpty()) {
            resolved.remove(resolved.size() - 1);
          }
        } else if (!seg.equals(".")) {
          resolved.add(seg);
        }
      }
      String lastSegment = segments.get(segments.size() - 1);
      if (lastSegment.equals(".") || lastSegment.equals("..")) {
        resolved.add("");
      }
      String path = String.join("/", resolved);
      if (path.isEmpty()) {
        path = "/";
      } else if (!path.startsWith("/")) {
        path = "/" + path;
      }
      return origin + path + suffix;
    }

    /**
     * The common shape, {@code ../../files/x.whl} or {@code x.whl}: only leading {@code ../} steps,
     * then a path with no dot or empty segments. Gives the resolved path, or "" when the reference
     * has another shape.
     */
    private String leadingParentsOnly(String refPath, String basePath) {
      if (refPath.startsWith("/")) {
        return "";
      }
      int ups = 0;
      int i = 0;
      while (refPath.startsWith("../", i)) {
        ups++;
        i += 3;
      }
      String rest = refPath.substring(i);
      if (rest.startsWith("/")
          || rest.startsWith("./")
          || rest.startsWith("../")
          || rest.equals(".")
          || rest.equals("..")
          || rest.contains("//")
          || rest.contains("/./")
          || rest.contains("/../")
          || rest.endsWith("/.")
          || rest.endsWith("/..")) {
        return "";
      }
      List<String> dirs = baseDirectories(basePath);
      int keep = Math.max(0, dirs.size() - ups);
      StringBuilder sb = new StringBuilder("/");
      for (int d = 0; d < keep; d++) {
        sb.append(dirs.get(d)).append('/');
      }
      return sb.append(rest).toString();
    }

    private @org.jspecify.annotations.Nullable List<String> dirs;

    /** The base's directory segments without empty ones (urljoin drops those). */
    private List<String> baseDirectories(String basePath) {
      List<String> d = dirs;
      if (d == null) {
        String dir = basePath.substring(0, basePath.lastIndexOf('/') + 1);
        d = new ArrayList<>();
        for (String seg : dir.split("/")) {
          if (!seg.isEmpty()) {
            d.add(seg);
          }
        }
        dirs = d;
      }
      return d;
    }

    private static int slashOrEnd(String s) {
      int i = s.indexOf('/');
      return i < 0 ? s.length() : i;
    }

    private static int firstOf(String s, char a, char b) {
      int i = s.indexOf(a);
      int j = s.indexOf(b);
      return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }

    String resolve(String ref) {
      if (ref.startsWith("https://") || ref.startsWith("http://")) {
        return ref;
      }
      String fast = relativePath(ref);
      if (!fast.isEmpty()) {
        return fast;
      }
      URI b = baseUri;
      if (b == null) {
        b = URI.create(base);
        baseUri = b;
      }
      try {
        return b.resolve(URI.create(ref.replace(" ", "%20"))).toString();
      } catch (IllegalArgumentException e) {
        throw new IndexException(base + ": bad file URL '" + ref + "'", e);
      }
    }
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
