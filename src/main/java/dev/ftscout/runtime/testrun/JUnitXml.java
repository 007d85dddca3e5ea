package dev.ftscout.runtime.testrun;

import dev.ftscout.model.TestEvidence.Outcome;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads JUnit XML as pytest ({@code --junitxml}) and ftscout's unittest runner write it: one
 * outcome per {@code testcase}, keyed by {@code classname} and {@code name}.
 */
final class JUnitXml {
  private JUnitXml() {}

  /** {@code classname + "\u0000" + name} to outcome; empty when the file is missing or broken. */
  static Map<String, Outcome> read(Path file) {
    Map<String, Outcome> out = new LinkedHashMap<>();
    if (!Files.isRegularFile(file)) {
      return out;
    }
    try (InputStream in = Files.newInputStream(file)) {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setExpandEntityReferences(false);
      Document doc = factory.newDocumentBuilder().parse(in);
      NodeList cases = doc.getElementsByTagName("testcase");
      for (int i = 0; i < cases.getLength(); i++) {
        Element c = (Element) cases.item(i);
        out.put(key(c.getAttribute("classname"), c.getAttribute("name")), outcome(c));
      }
    } catch (IOException | ParserConfigurationException | SAXException e) {
      // A run killed while writing leaves a partial file; the events tell the rest.
      return new LinkedHashMap<>();
    }
    return out;
  }

  static String key(String classname, String name) {
    return classname + "\u0000" + name;
  }

  private static Outcome outcome(Element testcase) {
    Outcome outcome = Outcome.PASSED;
    for (Node n = testcase.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        switch (e.getTagName()) {
          case "failure" -> outcome = Outcome.FAILED;
          case "error" -> {
            if (outcome != Outcome.FAILED) {
              outcome = Outcome.ERROR;
            }
          }
          case "skipped" -> {
            if (outcome == Outcome.PASSED) {
              outcome = Outcome.SKIPPED;
            }
          }
          default -> {}
        }
      }
    }
    return outcome;
  }
}
