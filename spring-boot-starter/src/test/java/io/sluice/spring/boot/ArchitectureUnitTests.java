package io.sluice.spring.boot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.sluice.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** The layering of the starter: its internal package below the API, no cycles, nothing waiting but schema creation. */
final class ArchitectureUnitTests {

    private static final JavaClasses STARTER = ArchitectureRules.mainClasses("io.sluice.spring.boot");

    @Test
    void shouldHaveNoPackageCycles() {
        ArchitectureRules.noPackageCycles("io.sluice.spring.boot").check(STARTER);
    }

    @Test
    void shouldKeepTheInternalPackageFreeOfTheApi() {
        noClasses()
                .that()
                .resideInAPackage("io.sluice.spring.boot.internal..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.sluice.spring.boot")
                .check(STARTER);
    }

    @Test
    void shouldNeverBlockButToCreateTheSchemaAtStartup() {
        ArchitectureRules.neverBlocks("io.sluice.spring.boot")
                .check(STARTER.that(com.tngtech.archunit.base.DescribedPredicate.not(
                        com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName("SchemaCreation"))));
    }
}
