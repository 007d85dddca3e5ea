package dev.ftscout.cext;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Recovers the file-level structure of a lexed C or C++ file without a grammar: declarations end at
 * {@code ;}, a an opening brace after a parameter list opens a function body, {@code =} and a brace
 * an initialiser, {@code struct}/{@code class} a type body, {@code namespace}/{@code extern "C"} a
 * transparent scope. Inside function bodies it records calls, function-local statics, and writes to
 * names that are not locals, together with the critical sections and locks around them. It is a
 * heuristic reader for facts, not a compiler front end; it never fails.
 */
public final class CParser {
  private static final int MAX_NESTING = 64;

  private static final Set<String> NOT_CALLS =
      Set.of(
          "if",
          "while",
          "for",
          "switch",
          "return",
          "sizeof",
          "alignof",
          "_Alignof",
          "typeof",
          "__typeof__",
          "decltype",
          "defined",
          "catch",
          "__attribute__",
          "__declspec",
          "_Generic",
          "static_assert",
          "_Static_assert",
          "noexcept",
          "throw",
          "new",
          "delete",
          "case",
          "do",
          "else",
          "goto");

  private static final Set<String> ATTRIBUTE_MACROS =
      Set.of(
          "__attribute__",
          "__declspec",
          "alignas",
          "_Alignas",
          "__asm__",
          "asm",
          "__asm",
          "Py_ALIGNED",
          "Py_DEPRECATED",
          "_Py_NO_RETURN",
          "Py_GCC_ATTRIBUTE");

  private static final Set<String> STATEMENT_WORDS =
      Set.of(
          "return",
          "goto",
          "case",
          "else",
          "do",
          "break",
          "continue",
          "sizeof",
          "typedef",
          "delete",
          "throw",
          "co_return",
          "co_yield",
          "new");

  private static final Set<String> SYNC_TYPES =
      Set.of(
          "_Atomic",
          "atomic",
          "atomic_ref",
          "atomic_flag",
          "PyMutex",
          "Py_tss_t",
          "pthread_mutex_t",
          "pthread_rwlock_t",
          "pthread_spinlock_t",
          "pthread_once_t",
          "pthread_key_t",
          "mutex",
          "recursive_mutex",
          "shared_mutex",
          "timed_mutex",
          "once_flag",
          "mtx_t",
          "CRITICAL_SECTION",
          "SRWLOCK",
          "INIT_ONCE",
          "PyThread_type_lock",
          "_PyOnceFlag",
          "PyOnceFlag");

  private static final Set<String> LOCK_CALLS =
      Set.of(
          "PyMutex_Lock",
          "PyThread_acquire_lock",
          "PyThread_acquire_lock_timed",
          "pthread_mutex_lock",
          "pthread_rwlock_wrlock",
          "pthread_spin_lock",
          "mtx_lock",
          "EnterCriticalSection",
          "AcquireSRWLockExclusive",
          "PyEvent_Wait");

  private static final Set<String> UNLOCK_CALLS =
      Set.of(
          "PyMutex_Unlock",
          "PyThread_release_lock",
          "pthread_mutex_unlock",
          "pthread_rwlock_unlock",
          "pthread_spin_unlock",
          "mtx_unlock",
          "LeaveCriticalSection",
          "ReleaseSRWLockExclusive");

  private static final List<String> LOCK_GUARDS =
      List.of("lock_guard", "unique_lock", "scoped_lock", "ft_lock_guard");

  private static final List<String> CRITICAL_GUARDS =
      List.of("scoped_critical_section", "ft_object_guard", "ft_object2_guard");

  private final String path;
  private final CSource source;
  private final CTokens t;
  private final boolean cpp;
  private final boolean header;
  private final List<CFunction> functions = new ArrayList<>();
  private final List<CVariable> variables = new ArrayList<>();
  private final List<CStruct> structs = new ArrayList<>();
  private final List<CCall> calls = new ArrayList<>();
  private final List<CFile.Assignment> assignments = new ArrayList<>();

  private CParser(String path, CSource source, boolean cpp, boolean header) {
    this.path = path;
    this.source = source;
    this.t = source.tokens();
    this.cpp = cpp;
    this.header = header;
  }

  /** Reads the structure of a lexed file. */
  public static CFile parse(String path, CSource source, boolean cpp, boolean header) {
    CParser p = new CParser(path, source, cpp, header);
    return p.run();
  }

  private enum Scope {
    FILE,
    TYPE
  }

  private enum Block {
    FUNCTION,
    INITIALIZER,
    TYPE,
    TRANSPARENT,
    OTHER
  }

  private CFile run() {
    Optional<String> generatedBy = Optional.empty();
    if (!source.comments().isEmpty()
        && source.comments().get(0).text().startsWith("Generated by Cython")) {
      generatedBy = Optional.of("Cython");
    }
    scope(0, t.size(), Scope.FILE, 0);
    for (CFunction f : functions) {
      body(f);
    }
    Set<String> init = initFunctions();
    return new CFile(
        path,
        source,
        cpp,
        header,
        generatedBy,
        functions,
        variables,
        structs,
        calls,
        assignments,
        init);
  }

  // ---- file level ----

  private void scope(int from, int to, Scope kind, int nesting) {
    int declStart = from;
    int i = from;
    while (i < to) {
      if (t.isPunct(i, ';')) {
        if (kind == Scope.FILE) {
          declaration(declStart, i, Optional.empty());
        }
        i++;
        declStart = i;
      } else if (t.isPunct(i, '{') && t.match(i) >= 0) {
        int close = Math.min(t.match(i), to);
        Block b = classify(declStart, i);
        switch (b) {
          case FUNCTION -> {
            function(declStart, i, close);
            i = close + 1;
            declStart = i;
          }
          case INITIALIZER -> i = close + 1;
          case TYPE -> {
            struct(declStart, i, close);
            if (nesting < MAX_NESTING) {
              scope(i + 1, close, Scope.TYPE, nesting + 1);
            }
            i = close + 1;
          }
          case TRANSPARENT -> {
            if (nesting < MAX_NESTING) {
              scope(i + 1, close, kind, nesting + 1);
            }
            i = close + 1;
            declStart = i;
          }
          case OTHER -> {
            if (nesting < MAX_NESTING) {
              scope(i + 1, close, Scope.TYPE, nesting + 1);
            }
            i = close + 1;
            declStart = i;
          }
        }
      } else if (t.isPunct(i, '}') && t.match(i) >= 0) {
        i++;
        declStart = i;
      } else {
        i++;
      }
    }
  }

  private Block classify(int s, int brace) {
    if (s >= brace) {
      return Block.TRANSPARENT;
    }
    if (t.is(s, "namespace") || (t.is(s, "inline") && t.is(s + 1, "namespace"))) {
      return Block.TRANSPARENT;
    }
    if (t.is(s, "extern") && brace == s + 2 && t.kind(s + 1) == CTokenKind.STRING) {
      return Block.TRANSPARENT;
    }
    int paren = 0;
    boolean topParen = false;
    boolean typeKeyword = false;
    for (int i = s; i < brace; i++) {
      if (t.isPunct(i, '(')) {
        if (paren == 0 && i > s && !isAttribute(i - 1)) {
          topParen = true;
        }
        paren++;
      } else if (t.isPunct(i, ')')) {
        paren--;
      } else if (paren == 0 && t.isPunct(i, '=')) {
        return Block.INITIALIZER;
      } else if (paren == 0
          && (t.is(i, "struct") || t.is(i, "union") || t.is(i, "enum") || t.is(i, "class"))) {
        typeKeyword = true;
      }
    }
    if (topParen && endsWithParamList(s, brace)) {
      return Block.FUNCTION;
    }
    return typeKeyword ? Block.TYPE : Block.OTHER;
  }

  private boolean isAttribute(int i) {
    return t.isIdent(i) && ATTRIBUTE_MACROS.contains(t.text(i));
  }

  /** Whether the tokens before an opening brace end in {@code )}, allowing trailing qualifiers. */
  private boolean endsWithParamList(int s, int brace) {
    for (int i = brace - 1; i >= s; i--) {
      if (t.isPunct(i, ')')) {
        return true;
      }
      if (!(t.isIdent(i)
          || t.is(i, "::")
          || t.isPunct(i, '<')
          || t.isPunct(i, '>')
          || t.isPunct(i, '*')
          || t.isPunct(i, '&')
          || t.is(i, "&&")
          || t.is(i, "->"))) {
        return false;
      }
    }
    return false;
  }

  /** Index of the first top-level {@code (} in {@code [s, e)} that is not an attribute's. */
  private int firstParen(int s, int e) {
    for (int i = s; i < e; i++) {
      if (t.isPunct(i, '(')) {
        if (i > s && isAttribute(i - 1)) {
          i = closeParen(i, e);
          continue;
        }
        return i;
      }
      if (t.isPunct(i, '[') && t.isPunct(i + 1, '[')) {
        i = closeBracket(i, e);
      }
    }
    return -1;
  }

  private int closeParen(int open, int limit) {
    int depth = 0;
    for (int i = open; i < limit; i++) {
      if (t.isPunct(i, '(')) {
        depth++;
      } else if (t.isPunct(i, ')')) {
        depth--;
        if (depth == 0) {
          return i;
        }
      }
    }
    return limit - 1;
  }

  private int closeBracket(int open, int limit) {
    int depth = 0;
    for (int i = open; i < limit; i++) {
      if (t.isPunct(i, '[')) {
        depth++;
      } else if (t.isPunct(i, ']')) {
        depth--;
        if (depth == 0) {
          return i;
        }
      }
    }
    return limit - 1;
  }

  private void function(int s, int brace, int close) {
    int open = firstParen(s, brace);
    if (open <= s || !t.isIdent(open - 1)) {
      return;
    }
    int closeP = closeParen(open, brace);
    boolean isStatic = false;
    for (int i = s; i < open; i++) {
      if (t.is(i, "static")) {
        isStatic = true;
      }
    }
    List<String> params = new ArrayList<>();
    int partStart = open + 1;
    int depth = 0;
    for (int i = open + 1; i <= closeP; i++) {
      if (t.isPunct(i, '(') || t.isPunct(i, '[')) {
        depth++;
      } else if ((t.isPunct(i, ')') || t.isPunct(i, ']')) && i < closeP) {
        depth--;
      } else if ((depth == 0 && t.isPunct(i, ',')) || i == closeP) {
        String name = "";
        for (int k = partStart; k < i; k++) {
          if (t.isIdent(k)) {
            name = t.text(k);
          }
        }
        if (!name.isEmpty() && !name.equals("void")) {
          params.add(name);
        }
        partStart = i + 1;
      }
    }
    functions.add(
        new CFunction(
            t.text(open - 1),
            open - 1,
            open,
            closeP,
            brace,
            close,
            t.line(open - 1),
            isStatic,
            params));
  }

  private void struct(int s, int brace, int close) {
    List<String> names = new ArrayList<>();
    boolean objectHeaded = false;
    for (int i = s; i < brace; i++) {
      if ((t.is(i, "struct") || t.is(i, "class")) && t.isIdent(i + 1)) {
        names.add(t.text(i + 1));
      }
      if (t.is(i, "PyObject") || t.is(i, "PyVarObject")) {
        objectHeaded = true;
      }
    }
    if (t.is(s, "typedef")) {
      for (int i = close + 1; i < t.size() && !t.isPunct(i, ';'); i++) {
        if (t.isIdent(i) && (t.isPunct(i + 1, ';') || t.isPunct(i + 1, ','))) {
          names.add(t.text(i));
        }
      }
    }
    int first = brace + 1;
    if (t.is(first, "PyObject_HEAD")
        || t.is(first, "PyObject_VAR_HEAD")
        || ((t.is(first, "PyObject") || t.is(first, "PyVarObject")) && t.isIdent(first + 1))) {
      objectHeaded = true;
    }
    if (!names.isEmpty()) {
      structs.add(new CStruct(names, brace, close, objectHeaded));
    }
  }

  /**
   * Records the variables of one declaration {@code [s, e)}: skips typedefs, prototypes and macro
   * invocations; splits declarators at top-level commas.
   */
  private void declaration(int s, int e, Optional<CFunction> inFunction) {
    if (e <= s || !t.isIdent(s)) {
      return;
    }
    String first = t.text(s);
    if (first.equals("typedef")
        || first.equals("using")
        || first.equals("template")
        || first.equals("friend")
        || first.equals("static_assert")
        || first.equals("_Static_assert")
        || first.equals("namespace")
        || STATEMENT_WORDS.contains(first)) {
      return;
    }
    List<int[]> parts = new ArrayList<>();
    int depth = 0;
    int partStart = s;
    for (int i = s; i < e; i++) {
      if (t.isPunct(i, '{') && t.match(i) >= 0 && t.match(i) < e) {
        i = t.match(i);
        continue;
      }
      if (t.isPunct(i, '(') || t.isPunct(i, '[') || t.isPunct(i, '<')) {
        depth++;
      } else if (t.isPunct(i, ')') || t.isPunct(i, ']') || t.isPunct(i, '>')) {
        depth = Math.max(0, depth - 1);
      } else if (depth == 0 && t.isPunct(i, ',')) {
        parts.add(new int[] {partStart, i});
        partStart = i + 1;
      }
    }
    parts.add(new int[] {partStart, e});
    List<String> specifiers = new ArrayList<>();
    boolean firstPart = true;
    for (int[] part : parts) {
      Declarator d = declarator(part[0], part[1]);
      if (d == null) {
        return;
      }
      if (firstPart) {
        for (int i = part[0]; i < d.nameToken; i++) {
          if (t.isIdent(i)) {
            specifiers.add(t.text(i));
          }
        }
        firstPart = false;
      }
      addVariable(d, specifiers, s, e, inFunction);
    }
  }

  private record Declarator(
      int nameToken, int firstAfterSpecifiers, boolean pointer, boolean array, int initOpen) {}

  /** The declarator of {@code [s, e)}, or null for a function prototype or anything unclear. */
  private @Nullable Declarator declarator(int s, int e) {
    int name = -1;
    int stop = e;
    for (int i = s; i < e; i++) {
      if (t.isPunct(i, '=') || t.isPunct(i, '[') || t.isPunct(i, ':')) {
        stop = i;
        break;
      }
      if (t.isPunct(i, '{')) {
        stop = i;
        break;
      }
      if (t.isPunct(i, '(')) {
        if (i > s && isAttribute(i - 1)) {
          i = closeParen(i, e);
          continue;
        }
        if (t.isPunct(i + 1, '*') || t.isPunct(i + 1, '&') || t.isPunct(i + 1, '^')) {
          int close = closeParen(i, e);
          int inner = -1;
          for (int k = i + 1; k < close; k++) {
            if (t.isIdent(k) && !t.is(k, "const")) {
              inner = k;
            }
          }
          if (inner < 0) {
            return null;
          }
          name = inner;
          stop = close + 1;
          break;
        }
        return null;
      }
      if (t.isPunct(i, '[') && t.isPunct(i + 1, '[')) {
        i = closeBracket(i, e);
        continue;
      }
      if (t.isIdent(i)) {
        name = i;
      }
    }
    if (name <= s) {
      return null;
    }
    boolean pointer = false;
    int lastStar = -1;
    for (int i = s; i < name; i++) {
      if (t.isPunct(i, '*') || t.isPunct(i, '&')) {
        pointer = true;
        lastStar = i;
      }
    }
    boolean array = false;
    int initOpen = -1;
    for (int i = stop; i < e; i++) {
      if (t.isPunct(i, '[')) {
        array = true;
      } else if (t.isPunct(i, '{') && t.match(i) >= 0) {
        initOpen = i;
        break;
      } else if (t.isPunct(i, '=') && !t.isPunct(i + 1, '{')) {
        break;
      }
    }
    return new Declarator(name, lastStar, pointer, array, initOpen);
  }

  private void addVariable(
      Declarator d, List<String> specifiers, int s, int e, Optional<CFunction> inFunction) {
    boolean isStatic = specifiers.contains("static");
    boolean isExtern = specifiers.contains("extern");
    boolean threadLocal =
        specifiers.contains("_Thread_local")
            || specifiers.contains("thread_local")
            || specifiers.contains("__thread")
            || declspecThread(s, d.nameToken());
    boolean constVar;
    if (d.pointer()) {
      constVar = false;
      for (int i = d.firstAfterSpecifiers() + 1; i < d.nameToken(); i++) {
        if (t.is(i, "const")) {
          constVar = true;
        }
      }
    } else {
      constVar = specifiers.contains("const") || specifiers.contains("constexpr");
    }
    if (specifiers.contains("constexpr")) {
      constVar = true;
    }
    boolean sync = false;
    for (String w : specifiers) {
      if (SYNC_TYPES.contains(w) || w.startsWith("atomic_")) {
        sync = true;
      }
    }
    for (int i = s; i < d.nameToken(); i++) {
      if (t.is(i, "_Atomic")) {
        sync = true;
      }
    }
    int initClose = d.initOpen() >= 0 ? Math.min(t.match(d.initOpen()), e) : -1;
    List<String> typeWords = new ArrayList<>(specifiers);
    variables.add(
        new CVariable(
            t.text(d.nameToken()),
            d.nameToken(),
            t.line(d.nameToken()),
            t.column(d.nameToken()),
            inFunction.map(CFunction::name),
            typeWords,
            d.pointer(),
            d.array(),
            isStatic,
            isExtern,
            constVar,
            threadLocal,
            sync && !d.pointer(),
            d.initOpen(),
            initClose,
            t.condition(d.nameToken())));
  }

  private boolean declspecThread(int s, int e) {
    for (int i = s; i < e; i++) {
      if (t.is(i, "__declspec") && t.isPunct(i + 1, '(') && t.is(i + 2, "thread")) {
        return true;
      }
    }
    return false;
  }

  // ---- function bodies ----

  private void body(CFunction f) {
    Set<String> locals = new HashSet<>(f.params());
    Set<String> statics = new HashSet<>();
    int critical = 0;
    Deque<Integer> locks = new ArrayDeque<>();
    Deque<Integer> guards = new ArrayDeque<>();
    Deque<Integer> criticalGuards = new ArrayDeque<>();
    int end = Math.min(f.bodyClose(), t.size());
    List<Integer> candidates = new ArrayList<>();
    List<boolean[]> candidateSync = new ArrayList<>();
    for (int i = f.bodyOpen() + 1; i < end; i++) {
      if (t.isPunct(i, '}') && t.match(i) >= 0) {
        int d = t.depth(i);
        while (!guards.isEmpty() && guards.peek() > d) {
          guards.pop();
        }
        while (!criticalGuards.isEmpty() && criticalGuards.peek() > d) {
          criticalGuards.pop();
        }
        while (!locks.isEmpty() && locks.peek() > d) {
          locks.pop();
        }
        continue;
      }
      if (!t.isIdent(i)) {
        continue;
      }
      if (t.is(i, "static") && statementStart(i, f)) {
        int stop = statementEnd(i, end);
        int before = variables.size();
        declaration(i, stop, Optional.of(f));
        for (int k = before; k < variables.size(); k++) {
          statics.add(variables.get(k).name());
        }
        continue;
      }
      boolean memberAccess = t.isPunct(i - 1, '.') || t.is(i - 1, "->");
      if (t.isPunct(i + 1, '(')) {
        String name = t.text(i);
        if (memberAccess) {
          if (name.equals("lock")) {
            locks.push(t.depth(i));
          } else if (name.equals("unlock") && !locks.isEmpty() && locks.peek() == t.depth(i)) {
            locks.pop();
          }
          continue;
        }
        if (name.equals("Py_BEGIN_CRITICAL_SECTION")
            || name.equals("Py_BEGIN_CRITICAL_SECTION2")
            || name.equals("Py_BEGIN_CRITICAL_SECTION_SEQUENCE_FAST")) {
          critical++;
        } else if (name.startsWith("Py_END_CRITICAL_SECTION")) {
          critical = Math.max(0, critical - 1);
        } else if (LOCK_CALLS.contains(name)) {
          locks.push(t.depth(i));
        } else if (UNLOCK_CALLS.contains(name) && !locks.isEmpty() && locks.peek() == t.depth(i)) {
          locks.pop();
        }
        if (!NOT_CALLS.contains(name)) {
          int close = closeParen(i + 1, end);
          boolean inCritical = critical > 0 || !criticalGuards.isEmpty();
          boolean locked = !locks.isEmpty() || !guards.isEmpty();
          calls.add(
              new CCall(
                  name,
                  i,
                  i + 1,
                  close,
                  t.line(i),
                  t.column(i),
                  Optional.of(f.name()),
                  inCritical,
                  locked,
                  t.condition(i)));
        }
        continue;
      }
      if (isOneOf(i, LOCK_GUARDS)) {
        guards.push(t.depth(i));
      } else if (isOneOf(i, CRITICAL_GUARDS)) {
        criticalGuards.push(t.depth(i));
      }
      if (localDeclaration(i, f)) {
        locals.add(t.text(i));
        continue;
      }
      if (!memberAccess && !t.is(i - 1, "::") && isWrite(i, end)) {
        candidates.add(i);
        candidateSync.add(
            new boolean[] {
              !locks.isEmpty() || !guards.isEmpty(), critical > 0 || !criticalGuards.isEmpty()
            });
      }
    }
    for (int k = 0; k < candidates.size(); k++) {
      int i = candidates.get(k);
      String name = t.text(i);
      if (locals.contains(name) && !statics.contains(name)) {
        continue;
      }
      boolean[] sync = candidateSync.get(k);
      assignments.add(new CFile.Assignment(name, f, i, sync[0], sync[1]));
    }
  }

  private boolean isOneOf(int i, List<String> words) {
    for (String w : words) {
      if (t.is(i, w)) {
        return true;
      }
    }
    return false;
  }

  private boolean statementStart(int i, CFunction f) {
    return i == f.bodyOpen() + 1
        || t.isPunct(i - 1, ';')
        || t.isPunct(i - 1, '{')
        || t.isPunct(i - 1, '}');
  }

  private int statementEnd(int i, int end) {
    for (int k = i; k < end; k++) {
      if (t.isPunct(k, '{') && t.match(k) >= 0) {
        k = Math.min(t.match(k), end);
        continue;
      }
      if (t.isPunct(k, ';')) {
        return k;
      }
    }
    return end;
  }

  /** Whether the identifier at {@code i} is the name in a local declaration statement. */
  private boolean localDeclaration(int i, CFunction f) {
    boolean follows =
        t.isPunct(i + 1, '=')
            || t.isPunct(i + 1, ';')
            || t.isPunct(i + 1, ',')
            || t.isPunct(i + 1, '[')
            || t.isPunct(i + 1, ':')
            || t.isPunct(i + 1, ')')
            || (cpp && t.isPunct(i + 1, '{'));
    if (!follows) {
      return false;
    }
    int k = i - 1;
    int words = 0;
    int firstWord = -1;
    while (k > f.bodyOpen()) {
      if (t.isIdent(k)) {
        words++;
        firstWord = k;
      } else if (!(t.isPunct(k, '*')
          || t.isPunct(k, '&')
          || t.is(k, "&&")
          || t.is(k, "::")
          || t.isPunct(k, '<')
          || t.isPunct(k, '>')
          || t.isPunct(k, ','))) {
        break;
      }
      k--;
    }
    if (words == 0 || STATEMENT_WORDS.contains(t.text(firstWord))) {
      return false;
    }
    boolean boundary =
        k == f.bodyOpen()
            || t.isPunct(k, ';')
            || t.isPunct(k, '{')
            || t.isPunct(k, '}')
            || t.isPunct(k, '(')
            || (t.isPunct(k, ')') && t.is(k + 1, "const"));
    if (!boundary) {
      return false;
    }
    if (t.isPunct(k, '(')) {
      // for-init, if/while with initialisers, lambda parameters, catch clauses
      return t.is(k - 1, "for")
          || t.is(k - 1, "if")
          || t.is(k - 1, "while")
          || t.is(k - 1, "catch")
          || t.isPunct(k - 1, ']');
    }
    return true;
  }

  /** Whether the name at {@code i} is assigned, compound-assigned or incremented. */
  private boolean isWrite(int i, int end) {
    if (t.is(i - 1, "++") || t.is(i - 1, "--")) {
      return true;
    }
    int k = i + 1;
    while (k < end) {
      if (t.isPunct(k, '[')) {
        k = closeBracket(k, end) + 1;
      } else if ((t.isPunct(k, '.') || t.is(k, "->")) && t.isIdent(k + 1)) {
        k += 2;
      } else {
        break;
      }
    }
    if (k >= end) {
      return false;
    }
    if (t.is(k, "++") || t.is(k, "--")) {
      return true;
    }
    if (t.kind(k) != CTokenKind.PUNCT) {
      return false;
    }
    return t.isPunct(k, '=')
        || t.is(k, "+=")
        || t.is(k, "-=")
        || t.is(k, "*=")
        || t.is(k, "/=")
        || t.is(k, "%=")
        || t.is(k, "&=")
        || t.is(k, "|=")
        || t.is(k, "^=")
        || t.is(k, "<<=")
        || t.is(k, ">>=");
  }

  // ---- module initialisation ----

  private Set<String> initFunctions() {
    Set<String> init = new HashSet<>();
    Map<String, CFunction> byName = new HashMap<>();
    for (CFunction f : functions) {
      byName.putIfAbsent(f.name(), f);
      if (f.name().startsWith("PyInit_")
          || f.name().equals("PYBIND11_MODULE")
          || f.name().equals("NB_MODULE")
          || f.name().equals("PYBIND11_PLUGIN")) {
        init.add(f.name());
      }
    }
    CFile partial =
        new CFile(
            path,
            source,
            cpp,
            header,
            Optional.empty(),
            functions,
            variables,
            structs,
            List.of(),
            List.of(),
            Set.of());
    for (CVariable v : variables) {
      if (!v.hasType("PyModuleDef_Slot")) {
        continue;
      }
      for (InitEntry entry : partial.initializer(v)) {
        List<String> parts = entry.parts();
        if (parts.size() >= 2
            && (parts.get(0).equals("Py_mod_exec") || parts.get(0).equals("Py_mod_create"))) {
          String value = parts.get(1);
          String fn = value.substring(value.lastIndexOf(' ') + 1);
          init.add(fn);
        }
      }
    }
    Map<String, Set<String>> callers = new HashMap<>();
    for (CCall c : calls) {
      if (byName.containsKey(c.name())) {
        callers.computeIfAbsent(c.name(), k -> new HashSet<>()).add(c.function().orElse(""));
      }
    }
    Set<String> escaped = new HashSet<>();
    java.util.BitSet lengths = new java.util.BitSet();
    for (CFunction f : functions) {
      if (f.isStatic()) {
        lengths.set(f.name().length());
      }
    }
    for (int i = 0; i < t.size(); i++) {
      if (t.isIdent(i)
          && lengths.get(t.length(i))
          && !t.isPunct(i + 1, '(')
          && byName.containsKey(t.text(i))) {
        CFunction f = byName.get(t.text(i));
        if (f != null && f.nameToken() != i) {
          escaped.add(t.text(i));
        }
      }
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (CFunction f : functions) {
        Set<String> from = callers.getOrDefault(f.name(), Set.of());
        if (f.isStatic()
            && !init.contains(f.name())
            && !escaped.contains(f.name())
            && !from.isEmpty()
            && init.containsAll(from)) {
          init.add(f.name());
          changed = true;
        }
      }
    }
    return init;
  }
}
