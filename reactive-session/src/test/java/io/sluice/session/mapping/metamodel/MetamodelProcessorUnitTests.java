package io.sluice.session.mapping.metamodel;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.session.mapping.Attribute;
import io.sluice.session.mapping.EntityModel;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compiles entity sources with javac and the processor, and checks the generated metamodel. */
final class MetamodelProcessorUnitTests {

    private static final String BOOK = """
            package shop;

            import io.sluice.session.mapping.*;

            @Entity(table = "books")
            public class Book extends Item {
                @Id @Generated private @org.jspecify.annotations.Nullable Long id;
                @MappedColumn(length = 100) private @org.jspecify.annotations.Nullable String title;
                private int pages;
                private byte[] cover;
                private java.time.LocalDate published;
                @Transient private String cache;
                private transient String scratch;
                private static String constant;
                protected Book() {}
            }
            """;

    private static final String ITEM = """
            package shop;

            public abstract class Item {
                private java.math.BigDecimal price;
            }
            """;

    private record Result(boolean success, String diagnostics) {}

    private static Result compile(Path root, String... sources) throws Exception {
        Path src = Files.createDirectories(root.resolve("src/shop"));
        Path out = Files.createDirectories(root.resolve("out"));
        for (String source : sources) {
            String name = source.substring(source.indexOf("class ") + 6).split("[ {]")[0];
            Files.writeString(src.resolve(name + ".java"), source);
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, null)) {
            List<Path> paths;
            try (var stream = Files.list(src)) {
                paths = stream.toList();
            }
            JavaCompiler.CompilationTask task = compiler.getTask(
                    new StringWriter(),
                    files,
                    diagnostics,
                    List.of(
                            "-d",
                            out.toString(),
                            "-s",
                            out.toString(),
                            "-classpath",
                            System.getProperty("java.class.path")),
                    null,
                    files.getJavaFileObjectsFromPaths(paths));
            task.setProcessors(List.of(new MetamodelProcessor()));
            boolean success = task.call();
            StringBuilder text = new StringBuilder();
            diagnostics
                    .getDiagnostics()
                    .forEach(d -> text.append(d.getKind())
                            .append(": ")
                            .append(d.getMessage(null))
                            .append('\n'));
            return new Result(success, text.toString());
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldGenerateATypedAttributePerMappedFieldIncludingInheritedOnes(@TempDir Path root) throws Exception {
        Result result = compile(root, BOOK, ITEM);
        assertThat(result.success()).as(result.diagnostics()).isTrue();

        String generated = Files.readString(root.resolve("out/shop/Book_.java"));
        assertThat(generated)
                .contains("public final class Book_")
                .contains("public static final Attribute<shop.Book, java.math.BigDecimal> price")
                .contains("public static final Attribute<shop.Book, java.lang.Long> id")
                .contains("public static final Attribute<shop.Book, java.lang.String> title")
                .contains("public static final Attribute<shop.Book, java.lang.Integer> pages")
                .contains("public static final Attribute<shop.Book, byte[]> cover")
                .contains("public static final Attribute<shop.Book, java.time.LocalDate> published")
                .doesNotContain(" cache", " scratch", " constant");

        try (URLClassLoader loader = new URLClassLoader(
                new URL[] {root.resolve("out").toUri().toURL()}, getClass().getClassLoader())) {
            Class<?> book = loader.loadClass("shop.Book");
            Class<?> metamodel = loader.loadClass("shop.Book_");
            Attribute<?, ?> title =
                    (Attribute<?, ?>) metamodel.getField("title").get(null);
            assertThat(title).isSameAs(EntityModel.of(book).attribute("title"));
            assertThat(title.name()).isEqualTo("title");
            assertThat(title.source().sourceName()).isEqualTo("books");
            assertThat(((Attribute<?, String>) title).eq("Dune")).isNotNull();
        }
    }

    @Test
    void shouldWarnAboutFinalFieldsThatMappingWillRefuse(@TempDir Path root) throws Exception {
        Result result = compile(root, """
                package shop;

                @io.sluice.session.mapping.Entity(table = "pens")
                public class Pen {
                    @io.sluice.session.mapping.Id private Long id;
                    private final String color = "blue";
                }
                """);
        assertThat(result.success()).as(result.diagnostics()).isTrue();
        assertThat(result.diagnostics()).contains("WARNING: Pen.color is final, but Sluice must write it");
        assertThat(Files.readString(root.resolve("out/shop/Pen_.java")))
                .contains(" id")
                .doesNotContain(" color");
    }
}
