package dev.ftscout.report;

import dev.ftscout.model.Severity;

/** ANSI styling for terminal output; a no-op when colour is off. */
record Style(boolean color) {
  String bold(String s) {
    return wrap("1", s);
  }

  String dim(String s) {
    return wrap("2", s);
  }

  String green(String s) {
    return wrap("32", s);
  }

  String red(String s) {
    return wrap("31", s);
  }

  String yellow(String s) {
    return wrap("33", s);
  }

  String cyan(String s) {
    return wrap("36", s);
  }

  String severity(Severity severity, String s) {
    return switch (severity) {
      case ERROR -> wrap("1;31", s);
      case WARNING -> wrap("1;33", s);
      case INFO -> wrap("1;36", s);
    };
  }

  private String wrap(String code, String s) {
    return color ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
  }
}
