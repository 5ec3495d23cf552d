package dev.retort.autogenerate;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Meta;
import org.jooq.Queries;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.conf.ParseNameCase;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.ParserException;

/**
 * The schema a project wants, declared in one file of DDL statements separated by semicolons and
 * read with jOOQ's parser in the project's dialect, then interpreted without a database.
 */
final class SchemaFile {

  private SchemaFile() {}

  /**
   * The schema the file declares.
   *
   * @throws SchemaFileException if the file cannot be read, a statement cannot be parsed, or a
   *     statement does not apply to the ones before it; the message names the file and line
   */
  static Meta load(Path file, SQLDialect dialect) {
    String script;
    try {
      script = Files.readString(file);
    } catch (NoSuchFileException missing) {
      throw new SchemaFileException(Messages.unreadableFile(file.toString(), "no such file"),
          missing);
    } catch (MalformedInputException notText) {
      throw new SchemaFileException(Messages.unreadableFile(file.toString(), "it is not UTF-8"
          + " text"), notText);
    } catch (IOException unreadable) {
      throw new SchemaFileException(Messages.unreadableFile(file.toString(),
          String.valueOf(unreadable.getMessage())), unreadable);
    }
    DSLContext db = DSL.using(dialect, new Settings()
        .withParseNameCase(ParseNameCase.LOWER_IF_UNQUOTED)
        .withParseDialect(dialect));
    Queries queries;
    try {
      queries = db.parser().parse(Dialects.asParsed(dialect, script));
    } catch (ParserException unparsable) {
      int line = unparsable.line();
      throw new SchemaFileException(Messages.unparsable(file.toString(), line,
          lineText(script, line), reason(unparsable)), unparsable);
    }
    Query[] statements = queries.queries();
    try {
      return db.meta(statements);
    } catch (RuntimeException inapplicable) {
      // Find the statement that does not apply, to name its line.
      List<Integer> lines = statementLines(script);
      Meta meta = db.meta(new Query[0]);
      for (int i = 0; i < statements.length; i++) {
        try {
          meta = meta.apply(statements[i]);
        } catch (RuntimeException failed) {
          int line = i < lines.size() && lines.size() == statements.length ? lines.get(i) : 1;
          throw new SchemaFileException(Messages.notApplicable(file.toString(), line,
              oneLine(statements[i].toString()), oneLine(String.valueOf(failed.getMessage()))),
              failed);
        }
      }
      throw new SchemaFileException(Messages.notApplicable(file.toString(), 1, file.toString(),
          oneLine(String.valueOf(inapplicable.getMessage()))), inapplicable);
    }
  }

  /** The parser's reason, without the SQL it quotes and the position it appends. */
  private static String reason(ParserException exception) {
    String message = String.valueOf(exception.getMessage());
    int position = message.indexOf(": [");
    return oneLine(position > 0 ? message.substring(0, position) : message);
  }

  private static String lineText(String script, int line) {
    String[] lines = script.split("\\R", -1);
    return line >= 1 && line <= lines.length ? lines[line - 1].strip() : "";
  }

  /**
   * The line each statement starts on: the first line after the previous semicolon that holds
   * more than blanks and comments. Semicolons in string literals, quoted names and comments do
   * not count.
   */
  static List<Integer> statementLines(String script) {
    List<Integer> lines = new ArrayList<>();
    int line = 1;
    boolean pending = true;
    char quote = 0;
    for (int i = 0; i < script.length(); i++) {
      char c = script.charAt(i);
      if (c == '\n') {
        line++;
      }
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
        continue;
      }
      if (c == '-' && i + 1 < script.length() && script.charAt(i + 1) == '-') {
        int end = script.indexOf('\n', i);
        i = (end < 0 ? script.length() : end) - 1;
        continue;
      }
      if (c == '/' && i + 1 < script.length() && script.charAt(i + 1) == '*') {
        int end = script.indexOf("*/", i + 2);
        int stop = end < 0 ? script.length() : end + 2;
        line += (int) script.substring(i, stop).chars().filter(ch -> ch == '\n').count();
        i = stop - 1;
        continue;
      }
      if (c == ';') {
        pending = true;
        continue;
      }
      if (Character.isWhitespace(c)) {
        continue;
      }
      if (pending) {
        lines.add(line);
        pending = false;
      }
      if (c == '\'' || c == '"' || c == '`') {
        quote = c;
      }
    }
    return lines;
  }

  private static String oneLine(String text) {
    String flat = text.strip().replaceAll("\\s*\\R\\s*", " ");
    return flat.length() > 120 ? flat.substring(0, 117) + "..." : flat;
  }
}
