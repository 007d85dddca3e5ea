package dev.ftscout.cli;

/** Entry point of the {@code ftscout} command line. */
public final class Main {
  private Main() {}

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    int code = new Cli(Terminal.system(), Components.standard()).execute(args);
    System.out.flush();
    System.exit(code);
  }
}
