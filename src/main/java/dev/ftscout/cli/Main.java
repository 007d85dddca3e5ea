package dev.ftscout.cli;

/** Entry point of the {@code ftscout} command line. */
public final class Main {
  private Main() {}

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    System.out.println("ftscout");
  }
}
