package dev.retort.processor.checksum;

import static com.google.common.truth.Truth.assertThat;

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

  @Test
  void theChecksumIsLowerCaseHexSha256() {
    assertThat(SourceChecksum.of("x")).matches("[0-9a-f]{64}");
  }
}
