package dev.ftscout.cext;

import java.util.List;

/**
 * A struct (or class) definition, with the names it can be referred to by: its tag and any {@code
 * typedef} names.
 *
 * @param names tag and typedef names
 * @param bodyOpen index of the body's opening brace
 * @param bodyClose index of the body's closing brace
 * @param objectHeaded whether its first member is a Python object header ({@code PyObject_HEAD},
 *     {@code PyObject_VAR_HEAD}, or a {@code PyObject}/{@code PyVarObject} member), so it is a
 *     Python object layout
 */
public record CStruct(List<String> names, int bodyOpen, int bodyClose, boolean objectHeaded) {
  public CStruct {
    names = List.copyOf(names);
  }
}
