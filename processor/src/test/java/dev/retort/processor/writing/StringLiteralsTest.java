package dev.retort.processor.writing;

import static com.google.common.truth.Truth.assertThat;

import com.palantir.javapoet.CodeBlock;
import java.util.List;
import org.junit.jupiter.api.Test;

class StringLiteralsTest {

  @Test
  void everyString_isWrittenExactlyAsJavaPoetsDollarSWritesIt() {
    List<String> values = List.of("", "plain 12:ab", "it's", "say \"hi\"", "back\\slash",
        "two\nlines", "tab\there", "nul\0", "del\u007f", "café ✓ 日本", "$S $L $$", "{@code x}",
        "\u2028", "end\n");

    for (String value : values) {
      assertThat(StringLiterals.of(value).toString())
          .isEqualTo(CodeBlock.of("$S", value).toString());
    }
  }
}
