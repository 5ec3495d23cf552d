package dev.retort.review;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;

/** What comes from a migration cannot turn into markup in a pull request. */
class MarkdownReportTest {

  @Test
  void prose_escapesHtmlAndMarkdown_butKeepsSnakeCaseReadable() {
    assertThat(MarkdownReport.text("Drop <unset> notes</details><script>x</script>"))
        .isEqualTo("Drop &lt;unset&gt; notes&lt;/details&gt;&lt;script&gt;x&lt;/script&gt;");
    assertThat(MarkdownReport.text("*bold* [link](http://x) `code` | # _it_ user_id"))
        .isEqualTo("\\*bold\\* \\[link\\](http://x) \\`code\\` \\| \\# \\_it\\_ user_id");
    assertThat(MarkdownReport.text("two\nlines")).isEqualTo("two lines");
  }

  @Test
  void inlineCode_isDelimitedLongerThanAnyBackticksInside() {
    assertThat(MarkdownReport.code("M0007")).isEqualTo("`M0007`");
    assertThat(MarkdownReport.code("a`b")).isEqualTo("``a`b``");
    assertThat(MarkdownReport.code("`x`")).isEqualTo("`` `x` ``");
  }
}
