package dev.ftscout.cext;

import java.util.List;

/**
 * A function definition (or a function-like macro with a body, such as {@code PYBIND11_MODULE(name,
 * m) { ... }}).
 *
 * @param name the unqualified name ({@code method} for {@code Class::method})
 * @param nameToken index of the name token
 * @param paramsOpen index of the {@code (} after the name
 * @param paramsClose index of its {@code )}
 * @param bodyOpen index of the body's opening brace
 * @param bodyClose index of the body's closing brace ({@link CTokens#size()} when unclosed)
 * @param line line of the name
 * @param isStatic declared {@code static} (internal linkage)
 * @param params the parameter names
 */
public record CFunction(
    String name,
    int nameToken,
    int paramsOpen,
    int paramsClose,
    int bodyOpen,
    int bodyClose,
    int line,
    boolean isStatic,
    List<String> params) {
  public CFunction {
    params = List.copyOf(params);
  }

  /** True when token {@code i} is inside the body. */
  public boolean contains(int i) {
    return i > bodyOpen && i < bodyClose;
  }
}
