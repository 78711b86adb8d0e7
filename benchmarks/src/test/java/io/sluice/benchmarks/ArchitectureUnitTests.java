package io.sluice.benchmarks;

import io.sluice.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** The benchmarks measure what an application gets: they use Sluice's API only. */
final class ArchitectureUnitTests {

    @Test
    void shouldUseNoInternalPackageOfSluice() {
        ArchitectureRules.usesNoInternalPackage("io.sluice.benchmarks")
                .check(ArchitectureRules.mainClasses("io.sluice.benchmarks"));
    }
}
