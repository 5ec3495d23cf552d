package dev.retort.autogenerate;

import com.palantir.javapoet.CodeBlock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The difference between the schema the migrations build and the schema wanted: the changes
 * detected, in an order that applies, the Java of a revision that makes them and undoes them,
 * and the notes where a person must decide. A value: computed once, by pure code.
 *
 * <pre>{@code
 * Autogenerate autogenerate = Autogenerate.of(SQLDialect.POSTGRES);
 * SchemaDiff diff = autogenerate.compare(migrations, autogenerate.schemaFile(Path.of("schema.sql")));
 * if (!diff.isEmpty()) {
 *   diff.detected().forEach(System.out::println);   // Detected added column 'users.phone'
 * }
 * }</pre>
 */
public final class SchemaDiff {

  private final List<String> detected;
  private final List<String> warnings;
  private final RevisionBodies bodies;

  private SchemaDiff(List<String> detected, List<String> warnings, RevisionBodies bodies) {
    this.detected = List.copyOf(detected);
    this.warnings = List.copyOf(warnings);
    this.bodies = bodies;
  }

  /** The diff for unordered changes, written by the writer for a dialect. */
  static SchemaDiff of(List<Op> changes, JavaWriter writer) {
    List<Op> upgrade = Ordering.order(changes);
    Set<Op> restoringLostData = new HashSet<>();
    List<Op> inverses = new ArrayList<>();
    for (Op op : changes) {
      inverses.add(op.inverse());
      if (Review.losesData(op)) {
        restoringLostData.add(op.inverse());
      }
    }
    List<Op> downgrade = Ordering.order(inverses);
    List<String> detected = upgrade.stream()
        // A foreign key split off a new table is part of that table's creation.
        .filter(op -> !(op instanceof Op.AddForeignKey add && createsTable(upgrade, add.table())))
        .map(Detection::of).toList();
    Set<String> warnings = new LinkedHashSet<>();
    List<CodeBlock> upCode = new ArrayList<>();
    List<List<String>> upNotes = new ArrayList<>();
    for (Op op : upgrade) {
      JavaWriter.Written written = writer.write(op);
      List<String> notes = new ArrayList<>(Review.notes(op, upgrade, false));
      notes.addAll(written.notes());
      warnings.addAll(notes);
      upCode.add(written.code());
      upNotes.add(notes);
    }
    List<CodeBlock> downCode = new ArrayList<>();
    List<List<String>> downNotes = new ArrayList<>();
    for (Op op : downgrade) {
      JavaWriter.Written written = writer.write(op);
      List<String> notes = new ArrayList<>(written.notes());
      if (restoringLostData.contains(op)) {
        notes.add(Messages.dataNotRestored());
      }
      downCode.add(written.code());
      downNotes.add(notes);
    }
    return new SchemaDiff(detected, new ArrayList<>(warnings), BodyWriter.render(
        BodyWriter.body(upCode, upNotes), BodyWriter.body(downCode, downNotes)));
  }

  private static boolean createsTable(List<Op> ops, Ident table) {
    return ops.stream().anyMatch(op -> op instanceof Op.CreateTable create
        && create.table().equals(table));
  }

  /** Whether the two schemas agree. */
  public boolean isEmpty() {
    return detected.isEmpty();
  }

  /**
   * One line per change, in the order the upgrade makes them, as Alembic prints them: {@code
   * Detected added column 'users.phone'}.
   */
  public List<String> detected() {
    return detected;
  }

  /**
   * The upgrade's review notes, each once: data a change deletes, a drop and add that is
   * probably a rename, a narrowing type, a constraint existing rows may break, a change written
   * as SQL. The generated file carries each above its statement as {@code // review:}.
   */
  public List<String> warnings() {
    return warnings;
  }

  /** The revision's {@code upgrade} and {@code downgrade} bodies as Java source. */
  public RevisionBodies bodies() {
    return bodies;
  }

  /** The detected changes, one per line; {@link Messages#NO_CHANGES} when there are none. */
  @Override
  public String toString() {
    return detected.isEmpty() ? Messages.NO_CHANGES : String.join("\n", detected);
  }
}
