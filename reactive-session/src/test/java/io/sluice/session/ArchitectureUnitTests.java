package io.sluice.session;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.sluice.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

/**
 * The layering rules of reactive-session, checked on its compiled classes with ArchUnit: the mapping at the bottom (it knows
 * classes, tables and relationships, never sessions), the internal identity map and flush plan above it, the session package
 * (API and its package-private implementation) on top.
 */
final class ArchitectureUnitTests {

    private static final JavaClasses SESSION = ArchitectureRules.mainClasses("io.sluice.session");

    @Test
    void shouldHaveNoPackageCycles() {
        ArchitectureRules.noPackageCycles("io.sluice.session").check(SESSION);
    }

    @Test
    void shouldKeepTheMappingFreeOfSessions() {
        noClasses()
                .that()
                .resideInAPackage("io.sluice.session.mapping..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.sluice.session", "io.sluice.session.internal..")
                .check(SESSION);
    }

    @Test
    void shouldKeepInternalPackagesFreeOfTheSessionApi() {
        noClasses()
                .that()
                .resideInAPackage("io.sluice.session.internal..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.sluice.session")
                .check(SESSION);
    }

    @Test
    void shouldNeverBlockInLibraryCode() {
        ArchitectureRules.neverBlocks("io.sluice.session").check(SESSION);
    }
}
