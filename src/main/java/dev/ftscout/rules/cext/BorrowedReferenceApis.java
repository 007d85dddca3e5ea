package dev.ftscout.rules.cext;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The C-API functions and macros that return borrowed references which another thread can
 * invalidate on free-threaded builds, and their strong-reference replacements, as listed in
 * CPython's free-threading extension HOWTO ("Borrowed References").
 */
public final class BorrowedReferenceApis {
  private BorrowedReferenceApis() {}

  /**
   * One borrowed-reference API.
   *
   * @param api the function or macro
   * @param replacement the API that returns a strong reference instead
   * @param family dict, list, weakref, import or cell
   * @param containerArgument whether the first argument is a container that may be private to the
   *     calling function (a fresh dict or list, or a keyword-argument dict), in which case the
   *     borrowed reference is safe
   */
  public record Api(String api, String replacement, String family, boolean containerArgument) {}

  private static final List<Api> ALL =
      List.of(
          new Api("PyDict_GetItem", "PyDict_GetItemRef", "dict", true),
          new Api("PyDict_GetItemWithError", "PyDict_GetItemRef", "dict", true),
          new Api("PyDict_GetItemString", "PyDict_GetItemStringRef", "dict", true),
          new Api("PyDict_SetDefault", "PyDict_SetDefaultRef", "dict", true),
          new Api("PyList_GetItem", "PyList_GetItemRef", "list", true),
          new Api("PyList_GET_ITEM", "PyList_GetItemRef", "list", true),
          new Api("PyWeakref_GetObject", "PyWeakref_GetRef", "weakref", false),
          new Api("PyWeakref_GET_OBJECT", "PyWeakref_GetRef", "weakref", false),
          new Api("PyImport_AddModule", "PyImport_AddModuleRef", "import", false),
          new Api("PyCell_GET", "PyCell_Get", "cell", false));

  private static final Map<String, Api> BY_NAME =
      ALL.stream().collect(Collectors.toUnmodifiableMap(Api::api, Function.identity()));

  /** Every borrowed-reference API the rule knows, in the HOWTO's order. */
  public static List<Api> all() {
    return ALL;
  }

  /** The entry for a name, if it is one. */
  public static Optional<Api> find(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }
}
