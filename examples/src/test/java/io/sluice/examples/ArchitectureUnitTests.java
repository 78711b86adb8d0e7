package io.sluice.examples;

import io.sluice.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** The examples are written as an application would be: against Sluice's API only. */
final class ArchitectureUnitTests {

    @Test
    void shouldUseNoInternalPackageOfSluice() {
        ArchitectureRules.usesNoInternalPackage("io.sluice.examples")
                .check(ArchitectureRules.mainClasses("io.sluice.examples"));
    }
}
