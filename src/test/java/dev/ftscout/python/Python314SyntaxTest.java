package dev.ftscout.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftscout.python.scope.SymbolTable;
import dev.ftscout.python.tree.Unparser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Syntax newer than every interpreter on this machine: PEP 750 template strings and PEP 758 {@code
 * except A, B:}. No local CPython can be the reference, so the expected trees are written out by
 * hand from the PEPs and CPython 3.14's {@code Grammar/python.gram} and {@code
 * Parser/action_helpers.c}: a t-string is a {@code TemplateStr} of {@code Constant} and {@code
 * Interpolation} nodes ({@code str} is the expression's source text, trailing {@code =} and blanks
 * stripped; fields nested in a format spec stay {@code FormattedValue}s); an unparenthesized
 * exception list is a {@code Tuple} spanning its items.
 */
class Python314SyntaxTest {
  private final PythonParser parser = new PythonParser();

  private String tree(String source) {
    ParseResult r = parser.parse("new.py", source, PythonVersion.PY314);
    assertThat(r.errors()).as("errors in %s", source).isEmpty();
    return AstText.of(r.module()).text();
  }

  @Test
  void templateStringIsTemplateStrOfConstantsAndInterpolations() {
    assertThat(tree("t\"hello {name}\"\n"))
        .isEqualTo(
            "Module(body=[Expr@1,0,1,15(value=TemplateStr@1,0,1,15(values=["
                + "Constant@1,2,1,8(value=s\"hello \",kind=~),"
                + "Interpolation@1,8,1,14(value=Name@1,9,1,13(id=\"name\",ctx=Load()),"
                + "str=\"name\",conversion=-1,format_spec=~)]))])");
  }

  @Test
  void debugSpecifierAddsTheTextAndDefaultsToRepr() {
    // PEP 750: t"{x=}" has strings ("x=", "") and one interpolation with conversion 'r'.
    assertThat(tree("t'{a = }'\n"))
        .isEqualTo(
            "Module(body=[Expr@1,0,1,9(value=TemplateStr@1,0,1,9(values=["
                + "Constant@1,3,1,7(value=s\"a = \",kind=~),"
                + "Interpolation@1,2,1,8(value=Name@1,3,1,4(id=\"a\",ctx=Load()),"
                + "str=\"a\",conversion=114,format_spec=~)]))])");
  }

  @Test
  void formatSpecFieldsInsideATemplateAreFormattedValues() {
    assertThat(tree("t\"{y!r:>{w}}\"\n"))
        .isEqualTo(
            "Module(body=[Expr@1,0,1,13(value=TemplateStr@1,0,1,13(values=["
                + "Interpolation@1,2,1,12(value=Name@1,3,1,4(id=\"y\",ctx=Load()),str=\"y\","
                + "conversion=114,format_spec=JoinedStr@1,6,1,11(values=["
                + "Constant@1,7,1,8(value=s\">\",kind=~),"
                + "FormattedValue@1,8,1,11(value=Name@1,9,1,10(id=\"w\",ctx=Load()),"
                + "conversion=-1,format_spec=~)]))]))])");
  }

  @Test
  void adjacentTemplatesConcatenateAndRawPrefixesWork() {
    assertThat(tree("t\"{x:.2f}\" t\"lit\"\n"))
        .isEqualTo(
            "Module(body=[Expr@1,0,1,17(value=TemplateStr@1,0,1,17(values=["
                + "Interpolation@1,2,1,9(value=Name@1,3,1,4(id=\"x\",ctx=Load()),str=\"x\","
                + "conversion=-1,format_spec=JoinedStr@1,4,1,8(values=["
                + "Constant@1,5,1,8(value=s\".2f\",kind=~)])),"
                + "Constant@1,13,1,16(value=s\"lit\",kind=~)]))])");
    assertThat(tree("rt'\\d{x}'\n")).contains("Constant@1,3,1,5(value=s\"\\\\d\",kind=~)");
    assertThat(tree("TR'{x}'\n")).contains("Interpolation@1,3,1,6");
    assertThat(tree("t''\n"))
        .isEqualTo("Module(body=[Expr@1,0,1,3(value=TemplateStr@1,0,1,3(values=[]))])");
  }

  @Test
  void templatesDoNotMixWithOtherStrings() {
    ParseResult r = parser.parse("mix.py", "x = t'a' f'b'\n", PythonVersion.PY314);
    assertThat(r.errors().get(0).message())
        .isEqualTo("cannot mix t-string literals with string or bytes literals");
    assertThat(parser.parse("mix.py", "x = 'a' t'b'\n", PythonVersion.PY314).ok()).isFalse();
  }

  @Test
  void exceptWithoutParenthesesIsATupleOfTheTypes() {
    assertThat(tree("try:\n    pass\nexcept A, B:\n    pass\n"))
        .isEqualTo(
            "Module(body=[Try@1,0,4,8(body=[Pass@2,4,2,8()],handlers=["
                + "ExceptHandler@3,0,4,8(type=Tuple@3,7,3,11(elts=["
                + "Name@3,7,3,8(id=\"A\",ctx=Load()),Name@3,10,3,11(id=\"B\",ctx=Load())],"
                + "ctx=Load()),name=~,body=[Pass@4,4,4,8()])],orelse=[],finalbody=[])])");
    assertThat(tree("try:\n    pass\nexcept* A, B, :\n    pass\n"))
        .contains("TryStar@1,0,4,8")
        .contains("type=Tuple@3,8,3,13(");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "try:\\n    pass\\nexcept A, B as e:\\n    pass\\n"
            + "|multiple exception types must be parenthesized when using 'as'",
        "try:\\n    pass\\nexcept* A, B as e:\\n    pass\\n"
            + "|multiple exception types must be parenthesized when using 'as'",
      })
  void exceptListWithAsStillNeedsParentheses(String source, String message) {
    ParseResult r = parser.parse("x.py", source.replace("\\n", "\n"), PythonVersion.PY314);
    assertThat(r.errors()).isNotEmpty();
    assertThat(r.errors().get(0).message()).isEqualTo(message);
  }

  @Test
  void olderTargetsRejectTheNewSyntax() {
    ParseResult except =
        parser.parse("x.py", "try:\n    pass\nexcept A, B:\n    pass\n", PythonVersion.PY313);
    assertThat(except.errors().get(0).message())
        .isEqualTo("multiple exception types must be parenthesized");
    ParseResult template = parser.parse("x.py", "t'{a}'\n", PythonVersion.PY313);
    assertThat(template.errors().get(0).message()).contains("requires Python 3.14");
  }

  @Test
  void templatesRoundTripAndFeedTheSymbolTable() {
    String source = "def f(name, w):\n    return t'hi {name!r:>{w}} {name = }'\n";
    ParseResult r = parser.parse("x.py", source, PythonVersion.PY314);
    String unparsed = Unparser.unparse(r.module());
    ParseResult again = parser.parse("x.py", unparsed, PythonVersion.PY314);
    assertThat(again.errors()).isEmpty();
    assertThat(AstText.of(again.module(), false).text())
        .isEqualTo(AstText.of(r.module(), false).text());
    SymbolTable table = SymbolTable.build(r.module());
    assertThat(table.scopes().get(1).symbol("name").orElseThrow().isReferenced()).isTrue();
    assertThat(table.scopes().get(1).symbol("w").orElseThrow().isReferenced()).isTrue();
  }
}
