package dev.retort.processor.checksum;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.util.Set;
import org.junit.jupiter.api.Test;

class SourceChecksumTest {

  private static final String ORIGINAL = """
      class AddUsers implements Migration {
        public void upgrade(DSLContext db) {
          db.createTable("users").column("id", INTEGER).execute();
        }
      }
      """;

  @Test
  void commentsAndFormatting_doNotChangeTheChecksum() {
    String reformatted = """
        /** Creates users. */
        class AddUsers
            implements Migration {   // the first revision
          public void upgrade(DSLContext db)
          {
            /* one table */ db.createTable( "users" )
                .column("id", INTEGER)
                .execute();
          }
        }
        """;

    assertThat(SourceChecksum.of(reformatted)).isEqualTo(SourceChecksum.of(ORIGINAL));
  }

  @Test
  void anyCodeEdit_changesTheChecksum() {
    String edited = ORIGINAL.replace("\"id\"", "\"user_id\"");

    assertThat(SourceChecksum.of(edited)).isNotEqualTo(SourceChecksum.of(ORIGINAL));
  }

  @Test
  void whitespaceInsideALiteral_isCode() {
    assertThat(SourceChecksum.normalize("x = \"a  b\" ;")).isEqualTo("x=\"a  b\";");
    assertThat(SourceChecksum.normalize("x = \"a // not a comment\";"))
        .isEqualTo("x=\"a // not a comment\";");
    assertThat(SourceChecksum.normalize("s = \"\"\"\n  two  spaces\n  \"\"\";"))
        .isEqualTo("s=\"\"\"\ntwo  spaces\n\"\"\";");
    assertThat(SourceChecksum.normalize("c = '\\'' ; d = '\"';")).isEqualTo("c='\\'';d='\"';");
  }

  @Test
  void crOrCrlfLineEndings_giveTheSameChecksumAsLf() {
    String withTextBlock = ORIGINAL.replace("execute();", """
        execute();
              db.execute(\"""
                  insert into users (id)
                  values (1)
                  \""");""");

    assertThat(withTextBlock).contains("values (1)");
    assertThat(SourceChecksum.of(withTextBlock.replace("\n", "\r\n")))
        .isEqualTo(SourceChecksum.of(withTextBlock));
    assertThat(SourceChecksum.of(withTextBlock.replace("\n", "\r")))
        .isEqualTo(SourceChecksum.of(withTextBlock));
  }

  @Test
  void aTextBlock_isItsContent_withoutIncidentalIndentation() {
    String block = "s = \"\"\"\n    select *\n      from users\n    \"\"\";";
    String reindented = "s = \"\"\"   \n  select *  \n    from users\n  \"\"\";";
    String closedAtTheMargin = "s = \"\"\"\n    select *\n      from users\n\"\"\";";
    String otherContent = "s = \"\"\"\n    select *\n    from users\n    \"\"\";";

    assertThat(SourceChecksum.normalize(block))
        .isEqualTo("s=\"\"\"\nselect *\n  from users\n\"\"\";");
    assertThat(SourceChecksum.normalize(reindented)).isEqualTo(SourceChecksum.normalize(block));
    // Closed at the margin, the indentation belongs to the string, as javac reads it.
    assertThat(SourceChecksum.normalize(closedAtTheMargin))
        .isNotEqualTo(SourceChecksum.normalize(block));
    assertThat(SourceChecksum.normalize(otherContent))
        .isNotEqualTo(SourceChecksum.normalize(block));
  }

  @Test
  void aTextBlockWithEscapes_keepsThemAsWritten() {
    assertThat(SourceChecksum.normalize("s = \"\"\"\n  a \\\"\"\" b\\n\n  \"\"\"; int x;"))
        .isEqualTo("s=\"\"\"\na \\\"\"\" b\\n\n\"\"\";int x;");
  }

  @Test
  void whitespaceThatSeparatesTokens_isKeptAsOneSpace() {
    assertThat(SourceChecksum.normalize("public   static\n\tint x")).isEqualTo("public static int x");
    assertThat(SourceChecksum.normalize("a - -b")).isNotEqualTo(SourceChecksum.normalize("a--b"));
    assertThat(SourceChecksum.normalize("a + b")).isEqualTo(SourceChecksum.normalize("a+b"));
  }

  /**
   * Checksums recorded in databases must not change, so the space between two operator characters
   * stays exactly where it stood before: for every pair of them, where javac reads them as one
   * token or as a comment's start or end.
   */
  @Test
  void aSpaceBetweenTwoOperatorCharacters_isKept_exactlyWhereTheyWouldJoin() {
    Set<String> joining = Set.of("++", "--", "&&", "||", "==", "!=", "<=", ">=", "<<", ">>", "+=",
        "-=", "*=", "/=", "%=", "&=", "|=", "^=", "->", "::", "..", "//", "/*", "*/");
    for (char last = '!'; last <= '~'; last++) {
      for (char next = '!'; next <= '~'; next++) {
        if (Character.isJavaIdentifierPart(last) || Character.isJavaIdentifierPart(next)
            || "\"'".indexOf(last) >= 0 || "\"'".indexOf(next) >= 0) {
          continue;
        }
        String pair = "" + last + next;
        String expected = joining.contains(pair) ? last + " " + next : pair;
        assertWithMessage("'%s %s'", last, next)
            .that(SourceChecksum.normalize("x " + last + " " + next + " y"))
            .isEqualTo("x" + expected + "y");
      }
    }
  }

  @Test
  void theChecksumIsLowerCaseHexSha256() {
    assertThat(SourceChecksum.of("x")).matches("[0-9a-f]{64}");
  }
}
