package dev.ftscout.deps.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ftscout.deps.testdata.Oracle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * File URLs in pages resolve exactly as pip resolves them ({@code urllib.parse.urljoin}, RFC 3986),
 * on seeded generated relative references.
 */
class PageParserTest {
  private static final String[] PARTS = {
    "..", ".", "files", "a", "b.whl", "", "x-1.0.tar.gz", "%20"
  };

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void relativeFileUrlsResolveLikeUri(long seed) throws Exception {
    Random r = new Random(seed);
    String base = "http://127.0.0.1:8080/simple/pkg/";
    ObjectMapper m = new ObjectMapper();
    ObjectNode page = m.createObjectNode();
    ArrayNode files = page.putArray("files");
    List<String> refs = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      StringBuilder ref = new StringBuilder(r.nextInt(5) == 0 ? "/" : "");
      int n = 1 + r.nextInt(5);
      for (int j = 0; j < n; j++) {
        ref.append(j > 0 ? "/" : "").append(PARTS[r.nextInt(PARTS.length)]);
      }
      if (r.nextInt(6) == 0) {
        ref.append("#sha256=ab");
      }
      if (r.nextInt(8) == 0) {
        ref.append("?x=1");
      }
      if (ref.isEmpty() || ref.toString().startsWith("//")) {
        ref.insert(0, "y.whl");
      }
      refs.add(ref.toString());
      files.addObject().put("filename", "f" + i + ".whl").put("url", ref.toString());
    }
    ProjectPage parsed =
        new PageParser().parse("pkg", base, PageParser.JSON_TYPE, m.writeValueAsBytes(page));
    JsonNode joined = new Oracle().ask(Map.of("urljoin", Map.of("base", base, "refs", refs)));
    for (int i = 0; i < refs.size(); i++) {
      assertThat(parsed.files().get(i).url())
          .as(refs.get(i))
          .isEqualTo(joined.get("urljoin").get(i).asText());
    }
  }
}
