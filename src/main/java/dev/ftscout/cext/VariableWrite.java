package dev.ftscout.cext;

/**
 * An assignment, compound assignment or increment of a static-storage variable inside a function.
 *
 * @param path the file of the write
 * @param variable the variable written
 * @param function the function doing it
 * @param token index of the variable's token at the write
 * @param line line of the write
 * @param column column of the variable at the write
 * @param inInit the function only runs while the module initialises (a {@code PyInit_} function, a
 *     {@code Py_mod_exec} slot, a {@code PYBIND11_MODULE}/{@code NB_MODULE} body, or a static
 *     function called only from those)
 * @param lockHeld a mutex acquired earlier in the function is still held
 * @param criticalSection inside a critical section
 * @param condition the preprocessor branches the write sits in
 */
public record VariableWrite(
    String path,
    CVariable variable,
    String function,
    int token,
    int line,
    int column,
    boolean inInit,
    boolean lockHeld,
    boolean criticalSection,
    Condition condition) {}
