package dev.retort.processor.writing;

/**
 * String literals for generated code, the registry's and the marker's records among them: one
 * literal on one line, in ASCII, whatever the string holds; and the unicode escapes that keep the
 * rest of a generated file in ASCII.
 */
final class StringLiterals {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private StringLiterals() {}

  /**
   * {@code value} as one Java string literal, escaped as JavaPoet's {@code $S} escapes: {@code \b
   * \t \n \f \r \" \\} and any other control character as a unicode escape. Unlike {@code $S},
   * a line break does not end the literal, and every character beyond ASCII is a unicode escape
   * too. The Filer writes generated sources in the compilation's {@code -encoding}, and javac
   * reads them back in it: a message in another script written as is came back as {@code ?} from
   * a build in ISO-8859-1 or windows-1252, and so did an unpaired surrogate from any build.
   * (JavaPoet's printer also broke the line at U+2028 and U+2029, inside the literal.)
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
          if (c < ' ' || c > '~') {
            unicodeEscape(out, c);
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /**
   * {@code source} with every character beyond ASCII as a unicode escape, which javac reads as the
   * character in any {@code -encoding} (JLS 3.3), in an identifier as anywhere else. Literals and
   * javadoc are escaped where they are written; what this leaves to escape is the names of
   * classes, packages and constants that a build declared with letters beyond ASCII. A backslash
   * that an odd run of them leaves right before such a character becomes a unicode escape itself,
   * since an escape right after it would not be read as one.
   */
  static String asciiSource(String source) {
    int first = 0;
    while (first < source.length() && source.charAt(first) < 0x80) {
      first++;
    }
    if (first == source.length()) {
      return source;
    }
    StringBuilder out = new StringBuilder(source.length() + 64);
    int backslashes = 0;
    for (int i = 0; i < source.length(); i++) {
      char c = source.charAt(i);
      if (c < 0x80) {
        out.append(c);
        backslashes = c == '\\' ? backslashes + 1 : 0;
      } else {
        if (backslashes % 2 == 1) {
          out.setLength(out.length() - 1);
          unicodeEscape(out, '\\');
        }
        unicodeEscape(out, c);
        backslashes = 0;
      }
    }
    return out.toString();
  }

  private static void unicodeEscape(StringBuilder out, char c) {
    out.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xF])
        .append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
  }

  private static boolean needsEscapes(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\' || c < ' ' || c > '~') {
        return true;
      }
    }
    return false;
  }
}
