package dev.ftscout.deps.pep508;

import dev.ftscout.deps.pep440.InvalidVersionException;
import dev.ftscout.deps.pep440.Specifier;
import dev.ftscout.deps.pep440.SpecifierSet;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** A recursive-descent parser for PEP 508, following {@code packaging._parser} token by token. */
final class Pep508Parser {
  private static final Pattern LPAREN = Pattern.compile("\\(");
  private static final Pattern RPAREN = Pattern.compile("\\)");
  private static final Pattern LBRACKET = Pattern.compile("\\[");
  private static final Pattern RBRACKET = Pattern.compile("\\]");
  private static final Pattern SEMICOLON = Pattern.compile(";");
  private static final Pattern COMMA = Pattern.compile(",");
  private static final Pattern QUOTED = Pattern.compile("('[^']*')|(\"[^\"]*\")");
  private static final Pattern OP = Pattern.compile("(===|==|~=|!=|<=|>=|<|>)");
  private static final Pattern BOOLOP = Pattern.compile("\\b(or|and)\\b");
  private static final Pattern IN = Pattern.compile("\\bin\\b");
  private static final Pattern NOT = Pattern.compile("\\bnot\\b");
  private static final Pattern VARIABLE =
      Pattern.compile(
          "\\b(python_version|python_full_version|os[._]name|sys[._]platform"
              + "|platform_(release|system)|platform[._](version|machine|python_implementation)"
              + "|python_implementation|implementation_(name|version)|extras?|dependency_groups)\\b");
  private static final Pattern SPECIFIER =
      Pattern.compile(Specifier.grammar(), Pattern.CASE_INSENSITIVE);
  private static final Pattern AT = Pattern.compile("@");
  private static final Pattern URL = Pattern.compile("\\S+");
  private static final Pattern IDENTIFIER = Pattern.compile("\\b[a-zA-Z0-9][a-zA-Z0-9._-]*\\b");
  private static final Pattern PREFIX_TRAIL = Pattern.compile("\\.\\*");
  private static final Pattern LOCAL_TRAIL = Pattern.compile("\\+[a-z0-9]+(?:[-_.][a-z0-9]+)*");
  private static final Pattern WS = Pattern.compile("[ \\t]+");
  private static final int MAX_NESTING = 200;

  private final String source;
  private int position;

  private Pep508Parser(String source) {
    this.source = source;
  }

  static Requirement parseRequirement(String text) {
    return new Pep508Parser(text).requirement();
  }

  static Marker parseMarker(String text) {
    Pep508Parser p = new Pep508Parser(text);
    Marker m = p.marker(0);
    p.expect(Pattern.compile("\\z"), "end of marker expression");
    return m;
  }

  private @Nullable String match(Pattern pattern) {
    Matcher m = pattern.matcher(source);
    m.region(position, source.length());
    m.useTransparentBounds(true);
    m.useAnchoringBounds(false);
    if (!m.lookingAt()) {
      return null;
    }
    position = m.end();
    return m.group();
  }

  private boolean peek(Pattern pattern) {
    int saved = position;
    boolean ok = match(pattern) != null;
    position = saved;
    return ok;
  }

  private void consume(Pattern pattern) {
    match(pattern);
  }

  private String expect(Pattern pattern, String expected) {
    String t = match(pattern);
    if (t == null) {
      throw error("Expected " + expected, position);
    }
    return t;
  }

  private InvalidRequirementException error(String message, int at) {
    return new InvalidRequirementException(message + " at column " + (at + 1) + ": " + source, at);
  }

  private boolean atEnd() {
    return position >= source.length();
  }

  private Requirement requirement() {
    consume(WS);
    String name = expect(IDENTIFIER, "package name at the start of dependency specifier");
    consume(WS);
    List<String> extras = extras();
    String url = "";
    String specifier = "";
    Marker marker = null;
    if (match(AT) != null) {
      consume(WS);
      int urlStart = position;
      url = expect(URL, "URL after @");
      if (!atEnd()) {
        expect(WS, "whitespace after URL");
        if (!atEnd()) {
          marker = requirementMarker(urlStart, "semicolon (after URL and whitespace)");
        }
      }
    } else {
      int specStart = position;
      specifier = specifier();
      if (!atEnd()) {
        marker =
            requirementMarker(
                specStart,
                specifier.isEmpty()
                    ? "semicolon (after name with no version specifier)"
                    : "comma (within version specifier), semicolon (after version specifier)");
      }
    }
    if (!atEnd()) {
      throw error("Expected end of dependency specifier", position);
    }
    SpecifierSet set;
    try {
      set = SpecifierSet.parse(specifier);
    } catch (InvalidVersionException e) {
      throw error(String.valueOf(e.getMessage()), 0);
    }
    Set<String> extraSet = new LinkedHashSet<>(extras);
    return new Requirement(
        name,
        extraSet,
        set,
        url.isEmpty() ? Optional.empty() : Optional.of(url),
        Optional.ofNullable(marker));
  }

  private Marker requirementMarker(int spanStart, String expected) {
    if (match(SEMICOLON) == null) {
      throw error("Expected " + expected + " or end", spanStart);
    }
    return marker(0);
  }

  private List<String> extras() {
    List<String> extras = new ArrayList<>();
    int open = position;
    if (match(LBRACKET) == null) {
      return extras;
    }
    consume(WS);
    String first = match(IDENTIFIER);
    if (first != null) {
      extras.add(first);
      while (true) {
        consume(WS);
        if (peek(IDENTIFIER)) {
          throw error("Expected comma between extra names", position);
        }
        if (match(COMMA) == null) {
          break;
        }
        consume(WS);
        extras.add(expect(IDENTIFIER, "extra name after comma"));
      }
    }
    consume(WS);
    if (match(RBRACKET) == null) {
      throw error("Expected matching RIGHT_BRACKET for LEFT_BRACKET, after extras", open);
    }
    consume(WS);
    return extras;
  }

  private String specifier() {
    int open = position;
    if (match(LPAREN) == null) {
      return versionMany();
    }
    consume(WS);
    String s = versionMany();
    if (match(RPAREN) == null) {
      throw error("Expected matching RIGHT_PARENTHESIS for LEFT_PARENTHESIS", open);
    }
    consume(WS);
    return s;
  }

  private String versionMany() {
    StringBuilder parsed = new StringBuilder();
    while (true) {
      int start = position;
      String spec = match(SPECIFIER);
      if (spec == null) {
        break;
      }
      parsed.append(spec);
      if (peek(PREFIX_TRAIL)) {
        throw error(
            spec.startsWith("!=") || (spec.startsWith("==") && !spec.startsWith("==="))
                ? ".* suffix cannot be used with pre-release, post-release, dev or local versions"
                : ".* suffix can only be used with `==` or `!=` operators",
            start);
      }
      if (peek(LOCAL_TRAIL)) {
        throw error("Local version label can only be used with `==` or `!=` operators", start);
      }
      consume(WS);
      String comma = match(COMMA);
      if (comma == null) {
        break;
      }
      parsed.append(comma);
      consume(WS);
    }
    return parsed.toString();
  }

  private Marker marker(int depth) {
    List<Marker> orParts = new ArrayList<>();
    List<Marker> andParts = new ArrayList<>();
    andParts.add(markerAtom(depth));
    while (true) {
      String op = match(BOOLOP);
      if (op == null) {
        break;
      }
      Marker next = markerAtom(depth);
      if (op.equals("or")) {
        orParts.add(group(andParts));
        andParts = new ArrayList<>();
      }
      andParts.add(next);
    }
    orParts.add(group(andParts));
    return orParts.size() == 1 ? orParts.get(0) : new Marker.Any(orParts);
  }

  private static Marker group(List<Marker> and) {
    return and.size() == 1 ? and.get(0) : new Marker.All(and);
  }

  private Marker markerAtom(int depth) {
    consume(WS);
    int open = position;
    Marker m;
    if (match(LPAREN) != null) {
      if (depth >= MAX_NESTING) {
        throw error("Marker expression is nested more than 200 levels deep", open);
      }
      m = marker(depth + 1);
      if (match(RPAREN) == null) {
        throw error(
            "Expected matching RIGHT_PARENTHESIS for LEFT_PARENTHESIS, after marker expression",
            open);
      }
    } else {
      m = markerItem();
    }
    consume(WS);
    return m;
  }

  private Marker markerItem() {
    Marker.Operand lhs = markerVar();
    consume(WS);
    String op = markerOp();
    consume(WS);
    Marker.Operand rhs = markerVar();
    // PEP 685: extra names compare normalised.
    if (lhs instanceof Marker.Variable v
        && v.name().equals("extra")
        && rhs instanceof Marker.Literal l) {
      rhs = new Marker.Literal(Names.canonicalize(l.value()));
    } else if (rhs instanceof Marker.Variable v
        && (v.name().equals("extra")
            || v.name().equals("extras")
            || v.name().equals("dependency_groups"))
        && lhs instanceof Marker.Literal l) {
      lhs = new Marker.Literal(Names.canonicalize(l.value()));
    }
    return new Marker.Compare(lhs, op, rhs);
  }

  private Marker.Operand markerVar() {
    String v = match(VARIABLE);
    if (v != null) {
      String name = v.replace('.', '_');
      if (name.equals("python_implementation")) {
        name = "platform_python_implementation";
      }
      return new Marker.Variable(name);
    }
    int start = position;
    String q = match(QUOTED);
    if (q != null) {
      return new Marker.Literal(unquote(q, start));
    }
    throw error("Expected a marker variable or quoted string", position);
  }

  private String unquote(String quoted, int start) {
    String body = quoted.substring(1, quoted.length() - 1);
    if (body.indexOf('\\') < 0) {
      return body;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c != '\\' || i + 1 >= body.length()) {
        if (c == '\\') {
          throw error("Invalid quoted string", start);
        }
        sb.append(c);
        continue;
      }
      char n = body.charAt(++i);
      switch (n) {
        case 'n' -> sb.append('\n');
        case 't' -> sb.append('\t');
        case 'r' -> sb.append('\r');
        case '\\', '\'', '"' -> sb.append(n);
        case 'x', 'u' -> {
          int len = n == 'x' ? 2 : 4;
          try {
            sb.append((char) Integer.parseInt(body.substring(i + 1, i + 1 + len), 16));
          } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            throw error("Invalid quoted string", start);
          }
          i += len;
        }
        default -> sb.append('\\').append(n);
      }
    }
    return sb.toString();
  }

  private String markerOp() {
    if (match(IN) != null) {
      return "in";
    }
    if (match(NOT) != null) {
      expect(WS, "whitespace after 'not'");
      expect(IN, "'in' after 'not'");
      return "not in";
    }
    String op = match(OP);
    if (op != null) {
      return op;
    }
    throw error(
        "Expected marker operator, one of <=, <, !=, ==, >=, >, ~=, ===, in, not in", position);
  }
}
