package io.sluice.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.sluice.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** The layering rules of reactive-core, checked on its compiled classes with ArchUnit. */
final class ArchitectureUnitTests {

    private static final JavaClasses CORE = ArchitectureRules.mainClasses("io.sluice.core");

    @Test
    void shouldNeverDependOnTheSessionLayer() {
        noClasses()
                .that()
                .resideInAPackage("io.sluice.core..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.sluice.session..")
                .check(CORE);
    }

    @Test
    void shouldKeepTheAstFreeOfRenderingDialectsAndExecution() {
        noClasses()
                .that()
                .resideInAPackage("io.sluice.core.sql")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.sluice.core.dialect..", "io.sluice.core.sql.render..", "io.r2dbc..", "reactor..")
                .orShould()
                .dependOnClassesThat()
                .belongToAnyOf(Engine.class, SqlConnection.class)
                .check(CORE);
    }

    @Test
    void shouldKeepDialectsFreeOfTheEngineAndTheRenderer() {
        noClasses()
                .that()
                .resideInAPackage("io.sluice.core.dialect..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.sluice.core.sql.render..", "reactor..")
                .orShould()
                .dependOnClassesThat()
                .belongToAnyOf(Engine.class, SqlConnection.class)
                .check(CORE);
    }

    @Test
    void shouldHaveNoPackageCycles() {
        ArchitectureRules.noPackageCycles("io.sluice.core").check(CORE);
    }

    @Test
    void shouldNeverBlockInLibraryCode() {
        ArchitectureRules.neverBlocks("io.sluice.core").check(CORE);
    }

    @Test
    void shouldKeepInternalPackagesFreeOfThePublicOnes() {
        noClasses()
                .that()
                .resideInAPackage("io.sluice.core.internal..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.sluice.core", "io.sluice.core.sql..", "io.sluice.core.dialect..", "io.sluice.core.schema..")
                .check(CORE);
    }
}
