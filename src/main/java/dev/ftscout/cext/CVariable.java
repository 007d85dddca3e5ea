package dev.ftscout.cext;

import java.util.List;
import java.util.Optional;

/**
 * A variable with static storage duration: declared at file (or namespace) scope, or {@code static}
 * inside a function.
 *
 * @param name the variable's name
 * @param nameToken index of the name token
 * @param line line of the name
 * @param column column of the name
 * @param function the function it is declared in, for a function-local {@code static}
 * @param typeWords the identifiers of its declaration specifiers (e.g. {@code static}, {@code
 *     PyObject}); pointer stars are not included
 * @param pointer whether the declarator has a {@code *}
 * @param array whether the declarator has {@code []}
 * @param isStatic declared {@code static}
 * @param isExtern declared {@code extern} (defined elsewhere)
 * @param isConst the variable itself cannot be assigned ({@code const} on the object, or after the
 *     last {@code *}, or {@code constexpr})
 * @param threadLocal thread-local storage ({@code _Thread_local}, {@code thread_local}, {@code
 *     __thread}, {@code __declspec(thread)})
 * @param synchronised its type synchronises itself: atomics ({@code _Atomic}, {@code std::atomic},
 *     {@code atomic_int}...), mutexes and once-flags ({@code PyMutex}, {@code pthread_mutex_t},
 *     {@code std::mutex}...), {@code Py_tss_t}
 * @param initOpen index of the opening brace of a braced initialiser, or -1
 * @param initClose index of its closing brace, or -1
 * @param condition the preprocessor branches of the declaration
 */
public record CVariable(
    String name,
    int nameToken,
    int line,
    int column,
    Optional<String> function,
    List<String> typeWords,
    boolean pointer,
    boolean array,
    boolean isStatic,
    boolean isExtern,
    boolean isConst,
    boolean threadLocal,
    boolean synchronised,
    int initOpen,
    int initClose,
    Condition condition) {
  public CVariable {
    typeWords = List.copyOf(typeWords);
  }

  /** True when one of the type words is {@code word}. */
  public boolean hasType(String word) {
    return typeWords.contains(word);
  }
}
