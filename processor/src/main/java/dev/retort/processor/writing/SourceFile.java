package dev.retort.processor.writing;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Objects;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.tools.JavaFileObject;

/**
 * A generated source file: the class it declares, its text, and the elements it is derived from
 * (for incremental builds).
 *
 * @param className the canonical name of its top-level class
 * @param text the source, in ASCII: characters beyond it become unicode escapes here, so that
 *     javac reads the file back as it was written whatever the build's {@code -encoding}, in
 *     which the Filer writes it
 */
public record SourceFile(String className, String text, List<Element> originatingElements) {

  /**
   * @param originatingElements may hold {@code null}s, which are left out: an element the
   *     processor could not find (a name found in two modules) only makes builds less incremental
   */
  public SourceFile {
    text = StringLiterals.asciiSource(text);
    originatingElements = originatingElements.stream().filter(Objects::nonNull).toList();
  }

  /** Writes the file through the processor's filer; a file left half-written is deleted. */
  public void writeTo(Filer filer) throws IOException {
    JavaFileObject file =
        filer.createSourceFile(className, originatingElements.toArray(new Element[0]));
    try (Writer out = file.openWriter()) {
      out.write(text);
    } catch (IOException | RuntimeException e) {
      try {
        file.delete();
      } catch (RuntimeException deleteFailed) {
        e.addSuppressed(deleteFailed);
      }
      throw e;
    }
  }
}
