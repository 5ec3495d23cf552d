package dev.retort.processor;

import com.google.auto.service.AutoService;
import dev.retort.annotations.RegistryName;
import dev.retort.annotations.Revision;
import dev.retort.processor.graph.GraphValidator;
import dev.retort.processor.graph.Problem;
import dev.retort.processor.graph.RevisionGraph;
import dev.retort.processor.graph.RevisionNode;
import dev.retort.processor.messages.Messages;
import dev.retort.processor.writing.ClassName;
import dev.retort.processor.writing.MarkerWriter;
import dev.retort.processor.writing.RegistryWriter;
import dev.retort.processor.writing.SourceFile;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * The driver: collects the {@code @Revision} classes of the first round that has any, checks the
 * whole graph (this compilation's revisions and those that earlier compilations recorded on the
 * classpath) and writes the registry and its marker, once. A revision that another processor
 * generates in a later round is reported, since the registry is already written.
 *
 * <p>While an annotation value does not compile (a misspelt constant, which javac reports), the
 * check waits: a constant that another processor generates resolves in a later round, and a typo
 * never does, so the build fails on javac's error alone.
 *
 * <p>It never claims the annotations and never lets an exception reach javac.
 */
@AutoService(Processor.class)
public final class RevisionProcessor extends AbstractProcessor {

  static final String SERVICE_FILE = "META-INF/services/dev.retort.runtime.RevisionRegistry";

  private Elements elements;
  private Messager messager;
  private Filer filer;
  private RevisionReader reader;

  /** This compilation's revisions by binary name, kept as plain data across rounds. */
  private final TreeMap<String, RevisionNode> localRevisions = new TreeMap<>();
  /** Binary name to canonical name, to find each class again in a later round. */
  private final Map<String, String> canonicalNames = new LinkedHashMap<>();
  /**
   * The classes read in the current round, by binary name: the registry's originating elements
   * without looking each one up again by name. Cleared every round, since an element is only
   * sure to stand for its class in the round that gave it.
   */
  private final Map<String, TypeElement> readThisRound = new HashMap<>();
  private final Set<String> seen = new HashSet<>();
  /** Revisions with a value javac could not compute yet, by canonical name, read once it can. */
  private final Set<String> unresolved = new TreeSet<>();
  /** The source types of this compilation, which the registry must not collide with. */
  private final Set<String> rootTypes = new HashSet<>();
  private final List<String> registryNamePackages = new ArrayList<>();
  private boolean invalidClassSeen;
  private boolean graphChecked;
  private ClassName writtenRegistry;

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    elements = env.getElementUtils();
    messager = env.getMessager();
    filer = env.getFiler();
    reader = new RevisionReader(env);
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(Revision.class.getCanonicalName(), RegistryName.class.getCanonicalName());
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Set.of(Messages.PERMISSIVE_OPTION, Messages.REGISTRY_OPTION, Messages.COMMAND_OPTION);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    try {
      processRound(round);
    } catch (Throwable t) {
      StringWriter trace = new StringWriter();
      t.printStackTrace(new PrintWriter(trace));
      messager.printMessage(Diagnostic.Kind.ERROR, Messages.internalError(trace.toString()));
    }
    return false;
  }

  private void processRound(RoundEnvironment round) throws IOException {
    readThisRound.clear();
    for (TypeElement root : ElementFilter.typesIn(round.getRootElements())) {
      rootTypes.add(root.getQualifiedName().toString());
    }
    for (PackageElement annotated
        : ElementFilter.packagesIn(round.getElementsAnnotatedWith(RegistryName.class))) {
      registryNamePackages.add(annotated.getQualifiedName().toString());
    }
    List<TypeElement> newRevisions = new ArrayList<>();
    for (Element element : round.getElementsAnnotatedWith(Revision.class)) {
      if (element instanceof TypeElement type && seen.add(type.getQualifiedName().toString())) {
        newRevisions.add(type);
      }
    }
    collect(newRevisions);
    if (graphChecked || (localRevisions.isEmpty() && unresolved.isEmpty())) {
      return;
    }
    readResolvedRevisions();
    boolean waiting = !unresolved.isEmpty() || registryNamePackages.stream()
        .anyMatch(name -> Annotations.unresolvedValue(elements.getPackageElement(name)).isPresent());
    if (!waiting) {
      // Checked and written in the round that found the revisions: a later round would be the
      // last one when nothing else generates code, and javac warns about sources written there.
      checkGraphAndWriteRegistry();
    } else if (round.processingOver()) {
      noteUnresolvedValues();
    }
  }

  private void collect(List<TypeElement> newRevisions) {
    for (TypeElement type : newRevisions) {
      if (graphChecked) {
        // Without a registry the check failed with errors, after which javac runs no round
        // that could bring a late revision; were there one, the build has failed already.
        if (writtenRegistry != null) {
          messager.printMessage(Diagnostic.Kind.ERROR, Messages.lateRevision(
              type.getQualifiedName().toString(), writtenRegistry.toString()), type);
        }
        continue;
      }
      // An invalid class still takes part in the graph checks, so that its children do not
      // report its id as unknown; it only stops the registry from being written.
      invalidClassSeen |= !reader.isValidMigrationClass(type);
      if (Annotations.unresolvedValue(type).isPresent()) {
        unresolved.add(type.getQualifiedName().toString());
      } else {
        read(type);
      }
    }
  }

  private void read(TypeElement type) {
    RevisionNode revision = reader.read(type);
    localRevisions.put(revision.className(), revision);
    canonicalNames.put(revision.className(), type.getQualifiedName().toString());
    readThisRound.put(revision.className(), type);
  }

  /** Reads the revisions whose values compile now, found again in this round's elements. */
  private void readResolvedRevisions() {
    for (Iterator<String> names = unresolved.iterator(); names.hasNext(); ) {
      TypeElement type = elements.getTypeElement(names.next());
      if (type != null && Annotations.unresolvedValue(type).isEmpty()) {
        read(type);
        names.remove();
      }
    }
  }

  /** Says, at each value that never compiled, why there is no registry. */
  private void noteUnresolvedValues() {
    List<Element> annotated = new ArrayList<>();
    unresolved.forEach(name -> annotated.add(elements.getTypeElement(name)));
    registryNamePackages.forEach(name -> annotated.add(elements.getPackageElement(name)));
    for (Element element : annotated) {
      Optional<Annotations.Unresolved> value = element == null
          ? Optional.empty()
          : Annotations.unresolvedValue(element);
      value.ifPresent(unresolvedValue -> messager.printMessage(Diagnostic.Kind.NOTE,
          Messages.unresolvedValue(unresolvedValue.describe(), element.toString()),
          element, unresolvedValue.mirror(), unresolvedValue.value()));
    }
  }

  private void checkGraphAndWriteRegistry() throws IOException {
    graphChecked = true;
    // Reported on the first local revision by class name, so the place does not depend on the
    // order javac found the classes in.
    TypeElement anchor = elements.getTypeElement(canonicalNames.get(localRevisions.firstKey()));
    MarkerReader.Markers found = new MarkerReader(elements).read();
    if (!found.unreadable().isEmpty()) {
      // Without their revisions the graph is incomplete, and any error about it could be false.
      for (String marker : found.unreadable()) {
        reportAt(anchor, Messages.staleMarker(marker, locationOf(marker)));
      }
      return;
    }
    List<MarkerReader.Marker> markers = found.readable();
    RegistryLocator.Result location = RegistryLocator.locate(
        processingEnv.getOptions().get(Messages.REGISTRY_OPTION),
        registryNamePackages.stream().map(elements::getPackageElement).toList(),
        registryThatRecorded(localRevisions.keySet(), markers),
        localRevisions.values().stream().map(RevisionProcessor::packageOf).toList());
    String registryName = location.name().map(ClassName::binaryName).orElse("");
    // Another module's marker with this registry's name: its revisions are not this module's,
    // and this module cannot write a registry of that name.
    MarkerReader.Marker otherModule = markers.stream()
        .filter(marker -> marker.registry().equals(registryName) && !isOwn(marker))
        .findFirst().orElse(null);
    List<MarkerReader.Marker> ownMarkers = new ArrayList<>();
    Map<String, RevisionNode> all = new TreeMap<>();
    for (MarkerReader.Marker marker : markers) {
      if (marker != otherModule && marker.registry().equals(registryName)) {
        ownMarkers.add(marker);
      } else {
        marker.revisions().forEach(recorded -> all.putIfAbsent(recorded.className(), recorded));
      }
    }
    // This module's revisions take precedence over what other modules recorded.
    Map<String, RevisionNode> module = moduleRevisions(ownMarkers);
    all.putAll(module);
    RevisionGraph graph = RevisionGraph.of(all.values());

    boolean permissive = Boolean.parseBoolean(processingEnv.getOptions().get(
        Messages.PERMISSIVE_OPTION));
    Optional<String> command = command();
    if (command.isEmpty()) {
      return;
    }
    List<Problem> problems = new GraphValidator(permissive, command.get()).validate(graph);
    problems.forEach(new Reporter(messager, elements, canonicalNames,
        canonicalNames.get(localRevisions.firstKey()))::report);
    boolean located = reportRegistryLocation(location, otherModule, anchor)
        && reportUnnamedPackageRevisions(location.name().orElseThrow(), module.values(), anchor);
    if (!located || invalidClassSeen
        || problems.stream().anyMatch(p -> p.severity() == Problem.Severity.ERROR)) {
      return;
    }
    writeRegistry(location.name().orElseThrow(), graph, List.copyOf(module.values()));
  }

  /**
   * This module's revisions: this compilation's classes, then what its own markers recorded of
   * classes that were not recompiled (an incremental build) and still exist.
   */
  private Map<String, RevisionNode> moduleRevisions(List<MarkerReader.Marker> ownMarkers) {
    Map<String, RevisionNode> module = new TreeMap<>();
    for (MarkerReader.Marker marker : ownMarkers) {
      for (RevisionNode recorded : marker.revisions()) {
        if (stillExists(recorded.className())) {
          module.put(recorded.className(), recorded);
        }
      }
    }
    module.putAll(localRevisions);
    return module;
  }

  /**
   * Reports each of the module's revisions in the unnamed package when the registry is in a named
   * one, which cannot name such a class (JLS 7.5); whether there is none.
   */
  private boolean reportUnnamedPackageRevisions(
      ClassName registry, Collection<RevisionNode> revisions, TypeElement anchor) {
    if (registry.packageName().isEmpty()) {
      return true;
    }
    boolean none = true;
    for (RevisionNode revision : revisions) {
      if (revision.className().indexOf('.') < 0) {
        String canonicalName = canonicalNames.get(revision.className());
        TypeElement element = canonicalName == null ? null : elements.getTypeElement(canonicalName);
        reportAt(element != null ? element : anchor,
            Messages.revisionInUnnamedPackage(registry.canonicalName(), revision.describe()));
        none = false;
      }
    }
    return none;
  }

  /** Reports why the registry cannot have its name, if it cannot; whether it can. */
  private boolean reportRegistryLocation(
      RegistryLocator.Result location, MarkerReader.Marker otherModule, TypeElement anchor) {
    if (location.error().isPresent()) {
      if (location.errorAt().isEmpty()) {
        reportAt(anchor, location.error().get());
      }
      for (PackageElement annotated : location.errorAt()) {
        messager.printMessage(Diagnostic.Kind.ERROR, location.error().get(), annotated,
            Annotations.mirror(annotated, RegistryName.class).orElse(null));
      }
      return false;
    }
    String registryClass = location.name().orElseThrow().canonicalName();
    if (otherModule != null) {
      reportAt(anchor, Messages.registryOfAnotherModule(registryClass,
          otherModule.revisions().stream().map(RevisionNode::describe).toList()));
      return false;
    }
    if (rootTypes.contains(registryClass)) {
      reportAt(anchor, Messages.registryNameTaken(registryClass));
      return false;
    }
    return true;
  }

  /**
   * The command the fixes name: {@code -Aretort.command}, or {@code retort}. A value with a line
   * break or a control character is reported, and then there is none.
   */
  private Optional<String> command() {
    String value = processingEnv.getOptions().get(Messages.COMMAND_OPTION);
    if (value == null || value.isBlank()) {
      return Optional.of(Messages.DEFAULT_COMMAND);
    }
    if (value.chars().anyMatch(Character::isISOControl)) {
      messager.printMessage(Diagnostic.Kind.ERROR, Messages.invalidCommandOption(value));
      return Optional.empty();
    }
    return Optional.of(value.strip());
  }

  /**
   * Whether a marker was written by this module: it records a class compiled now, or it lies in
   * this compilation's output (an incremental build, which compiles only new classes into the
   * output of the last one). A marker of another module, in a jar or its output directory, has
   * neither.
   */
  private boolean isOwn(MarkerReader.Marker marker) {
    if (marker.revisions().stream().anyMatch(r -> localRevisions.containsKey(r.className()))) {
      return true;
    }
    int lastDot = marker.className().lastIndexOf('.');
    try {
      filer.getResource(StandardLocation.CLASS_OUTPUT, marker.className().substring(0, lastDot),
          marker.className().substring(lastDot + 1) + ".class").openInputStream().close();
      return true;
    } catch (IOException | IllegalArgumentException notInTheOutput) {
      return false;
    }
  }

  private void reportAt(TypeElement revision, String error) {
    messager.printMessage(Diagnostic.Kind.ERROR, error, revision,
        Annotations.mirror(revision, Revision.class).orElse(null));
  }

  /** Where a class on the classpath was found (its class file's URI), for a message. */
  private String locationOf(String className) {
    int lastDot = className.lastIndexOf('.');
    try {
      return filer.getResource(StandardLocation.CLASS_PATH, className.substring(0, lastDot),
          className.substring(lastDot + 1) + ".class").toUri().toString();
    } catch (IOException | IllegalArgumentException notFound) {
      return "on the classpath";
    }
  }

  /**
   * The registry a marker on the classpath recorded for one of these classes: in an incremental
   * build that recompiles a few migrations, the registry keeps the name the full build gave it.
   */
  private static String registryThatRecorded(
      Set<String> classNames, List<MarkerReader.Marker> markers) {
    for (MarkerReader.Marker marker : markers) {
      for (RevisionNode recorded : marker.revisions()) {
        if (classNames.contains(recorded.className())) {
          return marker.registry();
        }
      }
    }
    return null;
  }

  /**
   * Whether a class recorded by an earlier build is still there and still a revision, or was
   * deleted (or lost its {@code @Revision}) since.
   */
  private boolean stillExists(String binaryName) {
    TypeElement type = elements.getTypeElement(binaryName.replace('$', '.'));
    return type != null && type.getAnnotation(Revision.class) != null;
  }

  private void writeRegistry(
      ClassName registry, RevisionGraph graph, List<RevisionNode> moduleRevisions)
      throws IOException {
    List<Element> originating = new ArrayList<>();
    for (String className : localRevisions.keySet()) {
      TypeElement read = readThisRound.get(className);
      originating.add(
          read != null ? read : elements.getTypeElement(canonicalNames.get(className)));
    }
    registryNamePackages.forEach(name -> originating.add(elements.getPackageElement(name)));
    RegistryWriter writer = new RegistryWriter(
        registry,
        graph.topologicalOrder(),
        graph.heads(),
        graph.bases(),
        originating,
        elements.getTypeElement("javax.annotation.processing.Generated") != null,
        RevisionProcessor.class.getName());
    for (SourceFile file : writer.files()) {
      file.writeTo(filer);
    }
    MarkerWriter.file(registry, moduleRevisions, originating).writeTo(filer);
    FileObject services = filer.createResource(StandardLocation.CLASS_OUTPUT, "", SERVICE_FILE,
        originating.toArray(new Element[0]));
    // ServiceLoader reads UTF-8 (its javadoc), where openWriter would use the build's -encoding.
    try (OutputStream out = services.openOutputStream()) {
      out.write((registry.binaryName() + "\n").getBytes(StandardCharsets.UTF_8));
    }
    writtenRegistry = registry;
  }

  private static String packageOf(RevisionNode revision) {
    int lastDot = revision.className().lastIndexOf('.');
    return lastDot < 0 ? "" : revision.className().substring(0, lastDot);
  }
}
