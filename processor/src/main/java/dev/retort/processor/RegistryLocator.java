package dev.retort.processor;

import dev.retort.annotations.RegistryName;
import dev.retort.processor.messages.Messages;
import dev.retort.processor.writing.ClassName;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.PackageElement;

/**
 * Decides the registry's name: the processor option, else the package annotated
 * {@code @RegistryName}, else the name an earlier build of these classes recorded (so an
 * incremental build keeps it), else {@code Revisions} in the deepest package that holds every
 * local revision.
 */
final class RegistryLocator {

  static final String DEFAULT_NAME = "Revisions";

  private RegistryLocator() {}

  /**
   * The registry's name, or the reason there is none (a {@link Messages} text).
   *
   * @param errorAt the {@code @RegistryName} packages the error is about; empty when it is about
   *     the revisions or the option
   */
  record Result(Optional<ClassName> name, Optional<String> error, List<PackageElement> errorAt) {
    static Result of(ClassName name) {
      return new Result(Optional.of(name), Optional.empty(), List.of());
    }

    static Result failure(String error) {
      return new Result(Optional.empty(), Optional.of(error), List.of());
    }

    static Result failure(String error, List<PackageElement> at) {
      return new Result(Optional.empty(), Optional.of(error), List.copyOf(at));
    }
  }

  /**
   * @param previousRegistry the registry a marker recorded for one of the local revisions, or
   *     {@code null}
   */
  static Result locate(
      String option,
      List<PackageElement> namedPackages,
      String previousRegistry,
      List<String> revisionPackages) {
    if (option != null) {
      int lastDot = option.lastIndexOf('.');
      String simpleName = option.substring(lastDot + 1);
      String packageName = lastDot < 0 ? "" : option.substring(0, lastDot);
      boolean valid = SourceVersion.isIdentifier(simpleName) && !SourceVersion.isKeyword(simpleName)
          && (packageName.isEmpty() || SourceVersion.isName(packageName));
      return valid
          ? Result.of(ClassName.of(packageName, simpleName))
          : Result.failure(Messages.invalidRegistryOption(option));
    }
    if (namedPackages.size() > 1) {
      return Result.failure(Messages.severalRegistryNames(namedPackages.stream()
          .map(p -> p.getQualifiedName().toString()).sorted().toList()), namedPackages);
    }
    if (namedPackages.size() == 1) {
      PackageElement annotated = namedPackages.get(0);
      String simpleName = annotated.getAnnotation(RegistryName.class).value();
      return SourceVersion.isIdentifier(simpleName) && !SourceVersion.isKeyword(simpleName)
          ? Result.of(ClassName.of(annotated.getQualifiedName().toString(), simpleName))
          : Result.failure(Messages.invalidRegistryName(simpleName), namedPackages);
    }
    if (previousRegistry != null) {
      int lastDot = previousRegistry.lastIndexOf('.');
      return Result.of(ClassName.of(lastDot < 0 ? "" : previousRegistry.substring(0, lastDot),
          previousRegistry.substring(lastDot + 1)));
    }
    return commonPackage(revisionPackages)
        .map(packageName -> Result.of(ClassName.of(packageName, DEFAULT_NAME)))
        .orElseGet(() -> Result.failure(
            Messages.noCommonPackage(List.copyOf(new TreeSet<>(revisionPackages)))));
  }

  /** The deepest package that contains all of them; empty if they only share the root. */
  static Optional<String> commonPackage(List<String> packages) {
    List<String> common = null;
    for (String packageName : packages) {
      List<String> parts = packageName.isEmpty() ? List.of() : Arrays.asList(packageName.split("\\."));
      if (common == null) {
        common = new ArrayList<>(parts);
      } else {
        int shared = 0;
        while (shared < common.size() && shared < parts.size()
            && common.get(shared).equals(parts.get(shared))) {
          shared++;
        }
        common = new ArrayList<>(common.subList(0, shared));
      }
    }
    if (common == null) {
      return Optional.empty();
    }
    if (common.isEmpty() && packages.stream().anyMatch(p -> !p.isEmpty())) {
      return Optional.empty();
    }
    return Optional.of(String.join(".", common));
  }
}
