package dev.ftscout.cext;

import java.util.Optional;

/**
 * A call (an identifier followed by {@code (}) inside a function body.
 *
 * @param name the called name
 * @param token index of the name token
 * @param argsOpen index of the {@code (}
 * @param argsClose index of the matching {@code )}
 * @param line line of the name
 * @param column column of the name
 * @param function the enclosing function's name
 * @param criticalSection inside {@code Py_BEGIN_CRITICAL_SECTION} … {@code Py_END_CRITICAL_SECTION}
 *     (or a C++ critical-section guard)
 * @param lockHeld a mutex acquired earlier in the function is still held
 * @param condition the preprocessor branches the call sits in
 */
public record CCall(
    String name,
    int token,
    int argsOpen,
    int argsClose,
    int line,
    int column,
    Optional<String> function,
    boolean criticalSection,
    boolean lockHeld,
    Condition condition) {}
