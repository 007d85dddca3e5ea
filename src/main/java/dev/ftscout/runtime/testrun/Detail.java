package dev.ftscout.runtime.testrun;

import dev.ftscout.model.TestEvidence.Category;
import java.util.List;

/**
 * What one bad outcome looked like.
 *
 * @param category assertion, exception, timeout, crash or GIL warning
 * @param exceptionType the exception's type name, or empty
 * @param message one line
 * @param files project files in the traceback, test file first
 * @param line the test's first line
 * @param threadDump faulthandler's dump for hangs and crashes, else empty
 */
record Detail(
    Category category,
    String exceptionType,
    String message,
    List<String> files,
    int line,
    String threadDump) {
  Detail {
    files = List.copyOf(files);
  }
}
