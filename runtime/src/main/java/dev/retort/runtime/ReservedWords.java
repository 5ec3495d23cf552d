package dev.retort.runtime;

import dev.retort.runtime.messages.Messages;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The SQL keywords no unquoted name may be: those of SQL:2016 and of every database Retort
 * supports, listed in {@code reserved-words.txt} beside this class.
 */
final class ReservedWords {

  private static final Set<String> WORDS = load();

  private ReservedWords() {}

  /** Whether a name, in any case, is a reserved word. */
  static boolean contains(String name) {
    return WORDS.contains(name.toUpperCase(Locale.ROOT));
  }

  private static Set<String> load() {
    Set<String> words = new HashSet<>();
    try (InputStream in = ReservedWords.class.getResourceAsStream("reserved-words.txt")) {
      if (in == null) {
        throw new IllegalStateException(Messages.missingResource("reserved-words.txt"));
      }
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (!line.startsWith("#")) {
          for (String word : line.strip().split("\\s+")) {
            if (!word.isEmpty()) {
              words.add(word);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(words);
  }
}
