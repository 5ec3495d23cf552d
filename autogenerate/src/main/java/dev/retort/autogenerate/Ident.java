package dev.retort.autogenerate;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jooq.Name;
import org.jooq.SQLDialect;

/**
 * An identifier as a person writes it: a plain name, compared without regard to case, or a quoted
 * one, compared exactly. A name the database stored in its own case for unquoted names ({@code
 * USERS} on H2, {@code users} on PostgreSQL) is the plain name {@code users}: so a table created
 * as {@code users}, read back from any database or written in a schema file, is the same table.
 *
 * @param name the plain name in lower case, or the quoted name as written
 */
record Ident(String name, boolean quoted) implements Comparable<Ident> {

  private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");

  /** The identifier a jOOQ name's last part stands for in a dialect. */
  static Ident of(Name name, SQLDialect dialect) {
    String text = name.last();
    if (text == null) {
      return null;
    }
    if (name.quoted() == Name.Quoted.UNQUOTED) {
      return plain(text);
    }
    if (PLAIN.matcher(text).matches() && text.equals(Dialects.foldUnquoted(dialect, text))) {
      return plain(text);
    }
    return new Ident(text, true);
  }

  static Ident plain(String text) {
    return new Ident(text.toLowerCase(Locale.ROOT), false);
  }

  /** As the messages show it: {@code users}, or {@code "Users"}. */
  @Override
  public String toString() {
    return quoted ? '"' + name + '"' : name;
  }

  @Override
  public int compareTo(Ident other) {
    int byName = name.compareTo(other.name);
    return byName != 0 ? byName : Boolean.compare(quoted, other.quoted);
  }
}
