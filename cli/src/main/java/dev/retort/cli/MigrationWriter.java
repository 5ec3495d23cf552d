package dev.retort.cli;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.lang.model.SourceVersion;

/**
 * Writes a new migration source from a template (the built-in one, or the project's own, the
 * seed's {@code script.py.mako}) by replacing {@code ${name}} placeholders: no template engine.
 */
final class MigrationWriter {

  /** What the new revision declares. */
  record NewRevision(String message, List<String> revises, List<String> branchLabels,
      List<String> dependsOn, String upgradeBody, String downgradeBody, String command) {}

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(seq|date|Message)\\}");
  private static final DateTimeFormatter CREATED =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

  private final Path folder;
  private final String packageName;
  private final String classNameTemplate;
  private final Path templateFile;

  MigrationWriter(Path folder, String packageName, String classNameTemplate, Path templateFile) {
    this.folder = folder;
    this.packageName = packageName;
    this.classNameTemplate = classNameTemplate;
    this.templateFile = templateFile;
  }

  /** The writer for the configured migrations folder, naming scheme and template. */
  static MigrationWriter of(Config config) {
    return new MigrationWriter(config.requireMigrationsSource(), config.migrationsPackage(),
        config.classNameTemplate(), config.templateFile());
  }

  /** Alembic's default id: the last twelve hex digits of a random UUID. */
  static String newId() {
    String uuid = UUID.randomUUID().toString().replace("-", "");
    return uuid.substring(uuid.length() - 12);
  }

  /** Writes the file and returns its path. */
  Path write(NewRevision revision, LocalDateTime now) throws IOException {
    if (!isOneLine(revision.message())) {
      throw new IllegalArgumentException(CliMessages.invalidMessage());
    }
    String className = className(revision.message(), now);
    Path file = folder.resolve(className + ".java");
    if (Files.exists(file)) {
      throw new IllegalArgumentException(CliMessages.fileExists(file));
    }
    Map<String, String> values = new LinkedHashMap<>();
    values.put("package", packageName);
    values.put("className", className);
    values.put("id", newId());
    values.put("revises", javaArray(revision.revises()));
    values.put("message", javaString(revision.message()));
    values.put("messageComment", revision.message().replace("*/", "*&#47;"));
    values.put("createDate", CREATED.format(now));
    values.put("command", revision.command());
    values.put("extraMembers", extraMembers(revision));
    values.put("upgradeBody", revision.upgradeBody());
    values.put("downgradeBody", revision.downgradeBody());
    String source = template();
    for (Map.Entry<String, String> value : values.entrySet()) {
      source = source.replace("${" + value.getKey() + "}", value.getValue());
    }
    Files.writeString(file, source);
    return file;
  }

  /**
   * Whether a message is what the processor accepts ([Retort/InvalidMessage]): not blank, one
   * line, no control character or bidirectional mark, at most the history column's 512
   * characters. A message the build would refuse is refused before a file is written.
   */
  static boolean isOneLine(String message) {
    if (message.isBlank() || message.codePointCount(0, message.length()) > MAX_MESSAGE_LENGTH) {
      return false;
    }
    return message.chars().noneMatch(c -> Character.isISOControl(c) || c == 0x2028
        || c == 0x2029 || c == 0x061C || c == 0x200E || c == 0x200F
        || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069));
  }

  /** The history table's message column, which the processor bounds messages by. */
  static final int MAX_MESSAGE_LENGTH = 512;

  /** The class name from the template: {seq}, {date}, {Message}. */
  String className(String message, LocalDateTime now) throws IOException {
    StringBuilder pascal = new StringBuilder();
    for (String word : message.split("[^A-Za-z0-9]+")) {
      if (!word.isEmpty()) {
        pascal.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
      }
    }
    String name = classNameTemplate
        .replace("{date}", STAMP.format(now))
        .replace("{Message}", pascal.toString());
    // Only a template with {seq} numbers its files; the others may hold any digits at all.
    if (name.contains("{seq}")) {
      name = name.replace("{seq}", String.format(Locale.ROOT, "%04d", nextSequence()));
    }
    if (!SourceVersion.isIdentifier(name) || SourceVersion.isKeyword(name)) {
      throw new IllegalArgumentException(CliMessages.notAClassName(classNameTemplate, name));
    }
    return name;
  }

  /** One more than the highest {seq} among the folder's files that the template named. */
  private BigInteger nextSequence() throws IOException {
    Pattern named = namedByTemplate(classNameTemplate);
    BigInteger highest = BigInteger.ZERO;
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.toList()) {
        String fileName = file.getFileName().toString();
        if (!fileName.endsWith(".java")) {
          continue;
        }
        Matcher matcher = named.matcher(fileName.substring(0, fileName.length() - 5));
        if (matcher.matches()) {
          highest = highest.max(new BigInteger(matcher.group("seq")));
        }
      }
    }
    return highest.add(BigInteger.ONE);
  }

  /**
   * The class names a template makes, with its first {seq} as the group "seq": so a file named
   * by another scheme, or a date in the name, is never read as a sequence number.
   */
  static Pattern namedByTemplate(String template) {
    StringBuilder regex = new StringBuilder();
    Matcher placeholder = PLACEHOLDER.matcher(template);
    int literalStart = 0;
    boolean sequenceSeen = false;
    while (placeholder.find()) {
      regex.append(Pattern.quote(template.substring(literalStart, placeholder.start())));
      switch (placeholder.group(1)) {
        case "seq" -> {
          regex.append(sequenceSeen ? "\\d+" : "(?<seq>\\d+)");
          sequenceSeen = true;
        }
        case "date" -> regex.append("\\d{14}");
        // Reluctant, so that in {Message}{seq} the digits are the sequence's, not the message's.
        // A message that itself ends in digits there stays ambiguous: they count as sequence.
        default -> regex.append(".*?");
      }
      literalStart = placeholder.end();
    }
    regex.append(Pattern.quote(template.substring(literalStart)));
    return Pattern.compile(regex.toString());
  }

  private String template() throws IOException {
    if (templateFile != null) {
      return Files.readString(templateFile);
    }
    try (InputStream in = MigrationWriter.class.getResourceAsStream("migration.java.template")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String extraMembers(NewRevision revision) {
    List<String> members = new ArrayList<>();
    if (!revision.branchLabels().isEmpty()) {
      members.add("branchLabels = " + javaArray(revision.branchLabels()));
    }
    if (!revision.dependsOn().isEmpty()) {
      members.add("dependsOn = " + javaArray(revision.dependsOn()));
    }
    return members.stream().map(member -> ",\n    " + member).reduce("", String::concat);
  }

  private static String javaArray(List<String> values) {
    if (values.size() == 1) {
      return "\"" + javaString(values.get(0)) + "\"";
    }
    return "{" + String.join(", ", values.stream().map(v -> "\"" + javaString(v) + "\"").toList())
        + "}";
  }

  private static String javaString(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
