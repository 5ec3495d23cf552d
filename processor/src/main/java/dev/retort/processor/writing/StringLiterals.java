package dev.retort.processor.writing;

import com.palantir.javapoet.CodeBlock;

/**
 * String literals for long generated strings, the registry's and the marker's records. JavaPoet's
 * {@code $S} builds a {@code String} for every character it escapes; a string with nothing to
 * escape is quoted here in one step, to the same text, and any other goes to {@code $S}.
 */
final class StringLiterals {

  private StringLiterals() {}

  /** {@code value} as a Java string literal, exactly as JavaPoet's {@code $S} writes it. */
  static CodeBlock of(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\' || Character.isISOControl(c)) {
        return CodeBlock.of("$S", value);
      }
    }
    return CodeBlock.of("$L", '"' + value + '"');
  }
}
