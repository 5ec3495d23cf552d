package dev.retort.processor.writing;

/**
 * String literals for generated code, the registry's and the marker's records among them: one
 * literal on one line, whatever the string holds.
 */
final class StringLiterals {

  private StringLiterals() {}

  /**
   * {@code value} as one Java string literal, escaped as JavaPoet's {@code $S} escapes: {@code \b
   * \t \n \f \r \" \\} and any other control character as a unicode escape. Unlike {@code $S},
   * a line break does not end the literal, and U+2028 and U+2029 are written as unicode escapes:
   * JavaPoet's printer breaks the line at them, inside the literal, which javac then rejects.
   */
  static String quoted(String value) {
    if (!needsEscapes(value)) {
      return '"' + value + '"';
    }
    StringBuilder out = new StringBuilder(value.length() + 16).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\b' -> out.append("\\b");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\f' -> out.append("\\f");
        case '\r' -> out.append("\\r");
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (Character.isISOControl(c) || isLineSeparator(c)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  private static boolean needsEscapes(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\' || Character.isISOControl(c) || isLineSeparator(c)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isLineSeparator(char c) {
    return c == '\u2028' || c == '\u2029';
  }
}
