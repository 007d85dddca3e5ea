package dev.ftscout.runtime.testrun;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How a user's test command is run under one interpreter: pytest and {@code python -m unittest} are
 * recognised and run with ftscout's plugin or runner; any other command runs as it is, with {@code
 * python}/{@code python3} on PATH pointing at the interpreter and the pytest plugin offered through
 * {@code PYTEST_PLUGINS}.
 *
 * @param runner which runner the command is
 * @param arguments the command's own arguments (after {@code pytest} or {@code -m unittest})
 * @param command the command as given
 */
record Invocation(Runner runner, List<String> arguments, List<String> command) {
  private static final Pattern PYTHON = Pattern.compile("python(3(\\.\\d+t?)?)?(\\.exe)?");

  /** The kinds of test command. */
  enum Runner {
    PYTEST,
    UNITTEST,
    COMMAND;

    String label() {
      return switch (this) {
        case PYTEST -> "pytest";
        case UNITTEST -> "unittest";
        case COMMAND -> "command";
      };
    }
  }

  Invocation {
    arguments = List.copyOf(arguments);
    command = List.copyOf(command);
  }

  static Invocation of(List<String> command) {
    String first = baseName(command.get(0));
    if (first.equals("pytest") || first.equals("py.test")) {
      return new Invocation(Runner.PYTEST, command.subList(1, command.size()), command);
    }
    if (PYTHON.matcher(first).matches() && command.size() >= 3 && command.get(1).equals("-m")) {
      String module = command.get(2);
      List<String> rest = command.subList(3, command.size());
      if (module.equals("pytest") || module.equals("py.test")) {
        return new Invocation(Runner.PYTEST, rest, command);
      }
      if (module.equals("unittest")) {
        return new Invocation(Runner.UNITTEST, rest, command);
      }
    }
    return new Invocation(Runner.COMMAND, List.of(), command);
  }

  /**
   * The argument vector under {@code python}, with the kit in {@code kit} and JUnit to {@code
   * junit}.
   */
  List<String> argv(Path python, Path kit, Path junit) {
    List<String> argv = new ArrayList<>();
    switch (runner) {
      case PYTEST -> {
        argv.addAll(List.of(python.toString(), "-m", "pytest", "-p", "ftscout_pytest"));
        argv.addAll(List.of("-p", "no:cacheprovider", "--junitxml=" + junit));
        argv.addAll(arguments);
      }
      case UNITTEST -> {
        argv.addAll(List.of(python.toString(), kit.resolve("ftscout_unittest.py").toString()));
        argv.addAll(arguments);
      }
      case COMMAND -> argv.addAll(command);
    }
    return argv;
  }

  private static String baseName(String path) {
    String p = path.replace('\\', '/');
    return p.substring(p.lastIndexOf('/') + 1);
  }
}
