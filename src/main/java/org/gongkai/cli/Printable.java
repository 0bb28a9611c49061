package org.gongkai.cli;

/**
 * A file name or reason as one line of a report: control characters (a newline in a file name would
 * split the line, or forge another) written as escapes ({@code \n}, {@code \t}, {@code \u001b}),
 * and a backslash doubled so the escapes cannot be faked either.
 */
final class Printable {

  private Printable() {}

  /**
   * An I/O failure in words, on one line: Java's file errors often say only the path ({@code
   * NoSuchFileException: /x}), so the kind is said with it.
   */
  static String reason(java.io.IOException e) {
    String path = e instanceof java.nio.file.FileSystemException f ? f.getFile() : null;
    String why =
        e instanceof java.nio.file.NoSuchFileException
            ? "no such file or folder"
            : e instanceof java.nio.file.AccessDeniedException
                ? "permission denied"
                : e instanceof java.nio.file.FileSystemException f && f.getReason() != null
                    ? f.getReason()
                    : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return line(path == null ? why : path + ": " + why);
  }

  static String line(Object value) {
    String s = String.valueOf(value);
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String esc =
          switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            case '\\' -> "\\\\";
            default ->
                Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
                    ? String.format("\\u%04x", (int) c)
                    : null;
          };
      if (esc != null && sb == null) sb = new StringBuilder(s.substring(0, i));
      if (sb != null) {
        if (esc != null) sb.append(esc);
        else sb.append(c);
      }
    }
    return sb == null ? s : sb.toString();
  }
}
