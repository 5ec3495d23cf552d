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

  /**
   * Every database's history holds checksums computed so: a faster normalisation must give the
   * same values, byte for byte, or every applied revision would read as edited.
   */
  @Test
  void theChecksumsOfASourceWithEveryKindOfToken_stayTheOnesRecordedBefore() {
    String tricky = "package p;\r\n"
        + "/* block\r\n"
        + " comment */\r\n"
        + "import a.B; // line\r\n"
        + "\r\n"
        + "public  final class X implements   B {\r\n"
        + "  int x = - -1, y = a - -b, z = a++ + ++b, w = a+ +b;\r\n"
        + "  boolean q = a >= b && c <= d || e != f; // keep\r\n"
        + "  Runnable r = () -> X :: run;\r\n"
        + "  String s = \"a  // not /* a */ comment\", t = \"\\\"q\\\"\", u = \"\\\\\";\r\n"
        + "  char c = '\\'', d = '\"', e = '/';\r\n"
        + "  String block = \"\"\"\r\n"
        + "      two  spaces\r\n"
        + "        indented \\\"\"\" still\r\n"
        + "      \"\"\";\r\n"
        + "  int div = a / b / c, mul = a * /* mid */ b, neg = a-/**/-b;\r\n"
        + "  \u00e9t\u00e9 \u4e2d = 1;\r\n"
        + "}\r\n";

    assertThat(SourceChecksum.normalize(tricky)).isEqualTo("package p;import a.B;public final"
        + " class X implements B{int x=- -1,y=a- -b,z=a++ + ++b,w=a+ +b;boolean"
        + " q=a>=b&&c<=d||e!=f;Runnable r=()->X::run;String s=\"a  // not /* a */ comment\","
        + "t=\"\\\"q\\\"\",u=\"\\\\\";char c='\\'',d='\"',e='/';String block=\"\"\"\ntwo  spaces\n"
        + "  indented \\\"\"\" still\n\"\"\";int div=a/b/c,mul=a*b,neg=a- -b;"
        + "\u00e9t\u00e9 \u4e2d=1;}");
    assertThat(SourceChecksum.of(tricky))
        .isEqualTo("b19354b42f744b08498d43d3f2158c71fb3955ce5e32c96ccf1e2cfcdd445df8");
    assertThat(new SourceChecksum().ofMigration(tricky, false))
        .isEqualTo("ac7380ec2035f9e698ec80df9309667edec2133d040a86b6e69775293e6a7eef");
  }

  @Test
  void oneCalculator_givesEachSourceTheChecksumAFreshOneGives_whateverCameBefore() {
    SourceChecksum reused = new SourceChecksum();

    String first = reused.ofMigration(ORIGINAL, true);
    String other = reused.ofMigration("class Other {}", false);
    String again = reused.ofMigration(ORIGINAL, true);

    assertThat(first).isEqualTo(SourceChecksum.of(ORIGINAL));
    assertThat(again).isEqualTo(first);
    assertThat(other).isEqualTo(new SourceChecksum().ofMigration("class Other {}", false));
    assertThat(other).isNotEqualTo(SourceChecksum.of("class Other {}"));
  }
}
