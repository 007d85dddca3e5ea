package dev.ftscout.python;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Parses the files listed (one path a line) in the file named on the command line, in a fresh JVM,
 * for {@link ParserBenchmark}'s start-to-finish comparison with a CPython process: prints {@code
 * files bytes errors seconds peakHeapBytes}.
 */
public final class ParseFolderMain {
  private ParseFolderMain() {}

  public static void main(String[] args) throws IOException {
    long started = System.nanoTime();
    List<Path> files;
    try (Stream<String> lines = Files.lines(Path.of(args[0]))) {
      files = lines.filter(l -> !l.isBlank()).map(Path::of).toList();
    }
    PythonParser parser = new PythonParser();
    long bytes = 0;
    int errors = 0;
    for (Path f : files) {
      byte[] source = Files.readAllBytes(f);
      bytes += source.length;
      if (!parser.parse(f.toString(), source, PythonVersion.LATEST).ok()) {
        errors++;
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.out.println(files.size() + " " + bytes + " " + errors + " " + seconds + " " + peak);
  }
}
