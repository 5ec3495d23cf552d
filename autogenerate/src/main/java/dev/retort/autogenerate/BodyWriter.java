package dev.retort.autogenerate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts the written statements into method bodies, each after its {@code // review:} comments,
 * and lets JavaPoet work out the imports: the bodies are rendered inside a class and read back
 * out of it.
 */
final class BodyWriter {

  private static final int WIDTH = 96;
  private static final String HOLDER_PACKAGE = "dev.retort.autogenerate.bodies";
  private static final ClassName DSL_CONTEXT = ClassName.get("org.jooq", "DSLContext");

  private BodyWriter() {}

  /** A body: each statement after its review notes. */
  static CodeBlock body(List<CodeBlock> statements, List<List<String>> notes) {
    CodeBlock.Builder body = CodeBlock.builder();
    for (int i = 0; i < statements.size(); i++) {
      for (String note : notes.get(i)) {
        for (String line : wrap("review: " + note)) {
          body.add("// $L\n", line);
        }
      }
      body.add(statements.get(i));
    }
    return body.build();
  }

  static RevisionBodies render(CodeBlock upgrade, CodeBlock downgrade) {
    TypeSpec holder = TypeSpec.classBuilder("Bodies")
        .addMethod(method("upgrade", upgrade))
        .addMethod(method("downgrade", downgrade))
        .build();
    String source = JavaFile.builder(HOLDER_PACKAGE, holder)
        .skipJavaLangImports(true).indent("  ").build().toString();
    List<String> imports = new ArrayList<>();
    List<String> lines = source.lines().toList();
    for (String line : lines) {
      if (line.startsWith("import ")) {
        String name = line.substring("import ".length(), line.length() - 1);
        if (!name.equals(DSL_CONTEXT.canonicalName())) {
          imports.add(name);
        }
      }
    }
    return new RevisionBodies(between(lines, "void upgrade("), between(lines, "void downgrade("),
        imports.stream().sorted().toList());
  }

  private static MethodSpec method(String name, CodeBlock body) {
    return MethodSpec.methodBuilder(name).addParameter(DSL_CONTEXT, "db").addCode(body).build();
  }

  /** The lines of a method's body, as rendered at the indentation of a class's method. */
  private static String between(List<String> lines, String signature) {
    int start = 0;
    while (!lines.get(start).contains(signature)) {
      start++;
    }
    StringBuilder body = new StringBuilder();
    for (int i = start + 1; !lines.get(i).equals("  }"); i++) {
      body.append(lines.get(i)).append('\n');
    }
    return body.toString().stripTrailing();
  }

  /** A note in lines of at most {@link #WIDTH} characters, continuation lines indented. */
  static List<String> wrap(String note) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : note.split(" ")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > WIDTH) {
        lines.add(line.toString());
        line = new StringBuilder("  ");
      }
      if (line.length() > 0 && !line.toString().equals("  ")) {
        line.append(' ');
      }
      line.append(word);
    }
    lines.add(line.toString());
    return lines;
  }
}
