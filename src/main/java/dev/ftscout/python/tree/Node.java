package dev.ftscout.python.tree;

/**
 * Any node of a Python syntax tree. The node kinds and their field names mirror CPython's {@code
 * ast} module (3.14 grammar), so a tree can be compared with CPython's own; {@code type_comment}
 * fields are left out because the parser does not read type comments.
 */
public sealed interface Node
    permits Module,
        Statement,
        Expression,
        Pattern,
        TypeParam,
        ExceptHandler,
        Arguments,
        Arg,
        Keyword,
        Alias,
        Comprehension,
        WithItem,
        MatchCase {}
