package io.sluice.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The layering rules of reactive-core, checked on its sources. */
final class ArchitectureUnitTests {

    private static final Path SOURCES = Path.of("src/main/java/io/sluice/core");

    private static List<String> violations(String packageDirectory, String... forbidden) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES.resolve(packageDirectory))) {
            for (Path file :
                    files.filter(path -> path.toString().endsWith(".java")).toList()) {
                for (String line : Files.readAllLines(file)) {
                    for (String prefix : forbidden) {
                        if (line.startsWith("import " + prefix) || line.startsWith("import static " + prefix)) {
                            found.add(file + ": " + line);
                        }
                    }
                }
            }
        }
        return found;
    }

    @Test
    void shouldNeverImportTheSessionLayer() throws IOException {
        assertThat(violations(".", "io.sluice.session")).isEmpty();
    }

    @Test
    void shouldKeepTheAstFreeOfRenderingDialectsAndExecution() throws IOException {
        List<String> found =
                violations("sql", "io.sluice.core.dialect", "io.sluice.core.Engine", "io.r2dbc", "reactor.");
        found.removeIf(line -> line.contains("/render/"));
        assertThat(found).isEmpty();
    }

    @Test
    void shouldKeepDialectsFreeOfTheEngineAndTheRenderer() throws IOException {
        assertThat(violations("dialect", "io.sluice.core.sql.render", "io.sluice.core.Engine", "reactor."))
                .isEmpty();
    }

    @Test
    void shouldNeverBlockInLibraryCode() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file :
                    files.filter(path -> path.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file);
                for (String call :
                        new String[] {".block(", ".blockFirst(", ".blockLast(", "Thread.sleep(", ".toFuture().get("}) {
                    if (text.contains(call)) {
                        found.add(file + " calls " + call);
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }
}
