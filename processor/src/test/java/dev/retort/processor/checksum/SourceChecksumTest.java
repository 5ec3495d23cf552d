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
        .isEqualTo("s=\"\"\"\n  two  spaces\n  \"\"\";");
    assertThat(SourceChecksum.normalize("c = '\\'' ; d = '\"';")).isEqualTo("c='\\'';d='\"';");
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
