package dev.retort.processor.checksum;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The checksum of a migration's source: SHA-256 of its tokens, so that any change to the code
 * changes it and a change to comments, blank lines, indentation or line endings does not. It is
 * computed from the text, not from javac's trees, so every JDK computes the same value for the
 * same source, and a checkout with CRLF line endings the same value as one with LF.
 */
public final class SourceChecksum {

  private static final String TEXT_BLOCK = "\"\"\"";

  /** One digest for every checksum this instance computes; looked up once, not per source. */
  private final MessageDigest sha256;

  /** A checksum calculator with a digest of its own; one thread at a time may use it. */
  public SourceChecksum() {
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime provides SHA-256", e);
    }
  }

  /** The lower-case hex SHA-256 of {@link #normalize(CharSequence) normalize(source)}. */
  public static String of(CharSequence source) {
    return new SourceChecksum().sha256(normalize(source));
  }

  /**
   * The checksum of a migration: what it runs, and how. That is its source file without its own
   * {@code @Revision} (see {@link #of}), and {@code transactional = false} when it says so, since
   * running an applied migration outside a transaction is running it differently.
   *
   * <p>The rest of {@code @Revision} is left out on purpose. {@code message} and
   * {@code branchLabels} only describe or name the revision: editing them is not editing the
   * migration. {@code id}, {@code revises} and {@code dependsOn} place it in the graph, which the
   * processor checks on every build and the database records by id. A transactional migration
   * gets the checksum of its source alone, so writing {@code transactional = true} out changes
   * nothing, and checksums recorded before {@code transactional} counted still match.
   *
   * @param sourceWithoutRevision the migration's source file with its {@code @Revision} removed
   */
  public String ofMigration(CharSequence sourceWithoutRevision, boolean transactional) {
    String tokens = normalize(sourceWithoutRevision);
    // A normalized source has no line break outside a text block, and a text block ends with
    // its delimiter, so no source normalizes to something that ends like this.
    return sha256(transactional ? tokens : tokens + "\n@Revision(transactional = false)");
  }

  private String sha256(String text) {
    return HexFormat.of().formatHex(sha256.digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * The source without comments, with whitespace kept only where it separates two tokens that
   * would otherwise read as one ({@code int x}, {@code a - -b}; not {@code a + b} or
   * {@code x = -1}), as one space. String and character literals are kept exactly. A text block
   * is kept as the string it denotes before its escapes are read: its line endings as {@code \n}
   * and its incidental indentation and trailing spaces removed, as javac does (JLS 3.10.6), so
   * re-indenting a text block leaves its checksum alone and changing its content does not.
   */
  public static String normalize(CharSequence text) {
    // javac reads CR, LF and CRLF alike (JLS 3.4); only a text block keeps line endings, as LF.
    String source = text.toString().replace("\r\n", "\n").replace('\r', '\n');
    StringBuilder out = new StringBuilder(source.length());
    boolean pendingSpace = false;
    int i = 0;
    int length = source.length();
    while (i < length) {
      char c = source.charAt(i);
      if (c == '/' && i + 1 < length && source.charAt(i + 1) == '/') {
        i = endOfLine(source, i);
        pendingSpace = true;
      } else if (c == '/' && i + 1 < length && source.charAt(i + 1) == '*') {
        i = endOfBlockComment(source, i);
        pendingSpace = true;
      } else if (Character.isWhitespace(c)) {
        i++;
        pendingSpace = true;
      } else {
        if (pendingSpace && wouldJoin(out, c)) {
          out.append(' ');
        }
        pendingSpace = false;
        int end = c == '"' || c == '\'' ? endOfLiteral(source, i) : endOfPlainRun(source, i);
        if (startsWith(source, i, TEXT_BLOCK)) {
          appendTextBlock(out, source.substring(i, end));
        } else {
          out.append(source, i, end);
        }
        i = end;
      }
    }
    return out.toString();
  }

  /**
   * A text block as its content, stripped of incidental whitespace the way javac strips it
   * before it reads escapes: the whitespace after the opening delimiter and the indentation that
   * every line, and the closing delimiter's line, shares.
   */
  private static void appendTextBlock(StringBuilder out, String textBlock) {
    int contentStart = TEXT_BLOCK.length();
    while (contentStart < textBlock.length() && textBlock.charAt(contentStart) != '\n'
        && Character.isWhitespace(textBlock.charAt(contentStart))) {
      contentStart++;
    }
    boolean closed = textBlock.length() >= 2 * TEXT_BLOCK.length() && textBlock.endsWith(TEXT_BLOCK);
    if (contentStart >= textBlock.length() || textBlock.charAt(contentStart) != '\n' || !closed) {
      // Not a well-formed text block; javac rejects it, and the checksum keeps it as written.
      out.append(textBlock);
      return;
    }
    String content = textBlock.substring(contentStart + 1, textBlock.length() - TEXT_BLOCK.length());
    out.append(TEXT_BLOCK).append('\n').append(content.stripIndent()).append(TEXT_BLOCK);
  }

  /**
   * The end of the characters from {@code from} on that are copied as they are: up to the next
   * whitespace, slash or quote, each of which the loop above decides on by itself. Copying them
   * as one run, not one by one, is what a cold build's interpreter pays for per character.
   */
  private static int endOfPlainRun(String source, int from) {
    int i = from + 1;
    while (i < source.length()) {
      char c = source.charAt(i);
      if (c == '/' || c == '"' || c == '\'' || Character.isWhitespace(c)) {
        return i;
      }
      i++;
    }
    return i;
  }

  private static int endOfLine(CharSequence source, int from) {
    int i = from;
    while (i < source.length() && source.charAt(i) != '\n' && source.charAt(i) != '\r') {
      i++;
    }
    return i;
  }

  private static int endOfBlockComment(CharSequence source, int from) {
    for (int i = from + 2; i + 1 < source.length(); i++) {
      if (source.charAt(i) == '*' && source.charAt(i + 1) == '/') {
        return i + 2;
      }
    }
    return source.length();
  }

  /** The index after a string, text block or character literal that starts at {@code from}. */
  private static int endOfLiteral(CharSequence source, int from) {
    char quote = source.charAt(from);
    boolean textBlock = startsWith(source, from, TEXT_BLOCK);
    String closing = textBlock ? TEXT_BLOCK : String.valueOf(quote);
    int i = from + closing.length();
    while (i < source.length()) {
      char c = source.charAt(i);
      if (c == '\\') {
        i += 2;
      } else if (startsWith(source, i, closing)) {
        return i + closing.length();
      } else if (!textBlock && (c == '\n' || c == '\r')) {
        return i;
      } else {
        i++;
      }
    }
    return source.length();
  }

  private static boolean startsWith(CharSequence source, int at, String prefix) {
    if (at + prefix.length() > source.length()) {
      return false;
    }
    for (int k = 0; k < prefix.length(); k++) {
      if (source.charAt(at + k) != prefix.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether dropping the whitespace before {@code next} would join two tokens into one: two words
   * ({@code int x}), or two operators that form a longer one ({@code a - -b} is not
   * {@code a--b}); {@code x = -1} and {@code x=-1} stay the same.
   */
  private static boolean wouldJoin(StringBuilder out, char next) {
    if (out.length() == 0) {
      return false;
    }
    char last = out.charAt(out.length() - 1);
    boolean lastIsWord = isWordChar(last);
    boolean nextIsWord = isWordChar(next);
    return lastIsWord && nextIsWord || !lastIsWord && !nextIsWord && joinsOperators(last, next);
  }

  /**
   * Whether javac reads these two operator characters as one token, or as a comment's start or
   * end: {@code ++ -- && || == != <= >= << >> += -= *= /= %= &= |= ^= -> :: .. // /* *}{@code /}.
   * Decided without building a string, since it is asked at every space between two operators.
   */
  private static boolean joinsOperators(char last, char next) {
    if (next == '=') {
      return "+-*/%&|^=!<>".indexOf(last) >= 0;
    }
    if (last == next) {
      return "+-&|=<>:./".indexOf(last) >= 0;
    }
    return last == '-' && next == '>' || last == '/' && next == '*' || last == '*' && next == '/';
  }

  private static boolean isWordChar(char c) {
    return Character.isJavaIdentifierPart(c);
  }
}
