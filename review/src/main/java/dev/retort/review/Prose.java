package dev.retort.review;

/** Prose for a terminal: wrapped at 100 columns, later lines indented further. */
final class Prose {

  static final int WIDTH = 100;

  private Prose() {}

  static void wrap(StringBuilder out, String first, String rest, String text) {
    StringBuilder line = new StringBuilder(first);
    int start = line.length();
    for (String word : text.split(" ")) {
      if (line.length() > start && line.length() + 1 + word.length() > WIDTH) {
        out.append(line).append('\n');
        line = new StringBuilder(rest);
        start = line.length();
      }
      if (line.length() > start) {
        line.append(' ');
      }
      line.append(word);
    }
    out.append(line).append('\n');
  }
}
