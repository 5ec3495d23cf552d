package dev.retort.runtime.messages;

import static com.google.common.truth.Truth.assertThat;

import dev.retort.runtime.RevisionInfo;
import dev.retort.runtime.RevisionTable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The catalogue's rules: one way to name a revision, and messages that fit one line. */
class MessagesTest {

  private static RevisionInfo revision(String className) {
    return registryRow(className);
  }

  private static RevisionInfo registryRow(String className) {
    RevisionTable table = RevisionTable.builder(1)
        .add("a1", className, "", "", true, null, RevisionTable.NONE, RevisionTable.NONE,
            RevisionTable.NONE)
        .build(new String[] {"a1"}, new String[] {"a1"});
    return new TableRegistry(table).revisions().get(0);
  }

  @Test
  void aRevisionIsNamedByIdAndSimpleName_aNestedClassAsItsSourceWritesIt() {
    assertThat(Messages.describe(revision("com.example.M0001_CreateUsers")))
        .isEqualTo("a1 (M0001_CreateUsers)");
    assertThat(Messages.describe(revision("com.example.Migrations$AddPhone")))
        .isEqualTo("a1 (Migrations.AddPhone)");
    assertThat(Messages.describe(revision("TopLevel"))).isEqualTo("a1 (TopLevel)");
  }

  @Test
  void headsAreWrittenInAlembicsNotation() {
    assertThat(Messages.heads(List.of())).isEqualTo("<base>");
    assertThat(Messages.heads(List.of("a1"))).isEqualTo("a1");
    assertThat(Messages.heads(List.of("a1", "b1"))).isEqualTo("(a1, b1)");
  }

  /** Every message the catalogue makes from plain arguments is one line with no loose ends. */
  @Test
  void everyMessage_isOneLine_withoutLeadingOrTrailingSpace() throws Exception {
    List<String> broken = new ArrayList<>();
    for (Method method : Messages.class.getDeclaredMethods()) {
      if (!Modifier.isPublic(method.getModifiers()) || method.getName().equals("proofLine")) {
        continue;
      }
      Object[] arguments = new Object[method.getParameterCount()];
      Type[] types = method.getGenericParameterTypes();
      for (int i = 0; i < types.length; i++) {
        arguments[i] = sample(types[i]);
      }
      String message = (String) method.invoke(null, arguments);
      if (message.contains("\n") || !message.equals(message.strip()) || message.isEmpty()) {
        broken.add(method.getName() + ": '" + message + "'");
      }
    }

    assertThat(broken).isEmpty();
  }

  private static Object sample(Type type) {
    if (type instanceof ParameterizedType list) {
      return list.getActualTypeArguments()[0] == RevisionInfo.class
          ? List.of(revision("com.example.M0001_CreateUsers"))
          : List.of("a1", "b1");
    }
    if (type == String.class) {
      return "x1";
    }
    if (type == int.class || type == long.class) {
      return type == int.class ? (Object) 2 : (Object) 2L;
    }
    if (type == boolean.class) {
      return true;
    }
    if (type == Duration.class) {
      return Duration.ofSeconds(30);
    }
    if (type == RevisionInfo.class) {
      return revision("com.example.M0001_CreateUsers");
    }
    if (type == Throwable.class) {
      return new IllegalStateException("broken");
    }
    throw new AssertionError("No sample for " + type);
  }
}
