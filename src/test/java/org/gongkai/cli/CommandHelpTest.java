package org.gongkai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.gongkai.App;
import org.junit.jupiter.api.Test;

/** Every command answers -h and --help with its usage, and {@code help COMMAND} says the same. */
class CommandHelpTest {

  private StringWriter out;
  private StringWriter err;

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    return App.execute(new PrintWriter(out), new PrintWriter(err), args);
  }

  static final List<String> COMMANDS =
      List.of(
          "inspect",
          "index",
          "solr-configset",
          "search",
          "batch",
          "serve",
          "demo",
          "synth",
          "bench");

  @Test
  void everyCommandAnswersHelpWithItsUsage() {
    for (String command : COMMANDS) {
      for (String flag : List.of("--help", "-h")) {
        assertEquals(0, run(command, flag), command + " " + flag + ": " + err);
        assertTrue(
            out.toString().startsWith("Usage: gongkai " + command + " "),
            command + " " + flag + ": " + out);
        assertEquals("", err.toString(), command + " " + flag);
      }
      String usage = (run(command, "--help") == 0 ? out.toString() : "");
      assertEquals(0, run("help", command), "help " + command + ": " + err);
      assertEquals(usage, out.toString(), "help " + command);
    }
  }

  @Test
  void noCommandIsAUsageErrorThatShowsTheCommands() {
    assertEquals(2, run());
    assertEquals("", out.toString());
    assertTrue(err.toString().startsWith("gongkai: name a command"), err.toString());
    for (String command : COMMANDS)
      assertTrue(err.toString().contains("\n  " + command + " "), command + " in " + err);
  }

  @Test
  void helpNamesEveryCommandAndRefusesAnUnknownOne() {
    assertEquals(0, run("help"));
    for (String command : COMMANDS)
      assertTrue(out.toString().contains("\n  " + command + " "), command + " in " + out);
    assertTrue(out.toString().contains("\n  help "), out.toString());
    assertEquals(2, run("help", "indx"));
    assertTrue(err.toString().contains("indx"), err.toString());
  }
}
