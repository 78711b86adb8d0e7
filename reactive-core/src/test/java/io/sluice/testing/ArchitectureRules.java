package io.sluice.testing;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The architecture rules every Sluice module is held to, as ArchUnit rules over compiled classes (so that fully qualified
 * names in code count as much as imports). Each module's {@code ArchitectureUnitTests} checks them on its own main classes.
 */
public final class ArchitectureRules {

    /** Sluice's internal packages: {@code io.sluice.core.internal}, {@code io.sluice.session.internal} and any below. */
    public static final String INTERNAL = "io.sluice..internal..";

    private ArchitectureRules() {}

    /**
     * Returns the main (not test) classes of the packages under a root, as compiled in this module or its dependencies.
     *
     * @param root a package, such as {@code io.sluice.session}
     * @return the classes
     */
    public static JavaClasses mainClasses(String root) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(root);
    }

    /**
     * Returns the rule that no package under a root depends, directly or through others, on a package that depends back on
     * it: each package is a slice of its own.
     *
     * @param root a package
     * @return the rule
     */
    public static ArchRule noPackageCycles(String root) {
        return slices().matching(root + ".(**)").should().beFreeOfCycles();
    }

    /**
     * Returns the rule that library code never waits: no {@code block*()}, {@code toFuture()} or {@code toIterable()}/{@code
     * toStream()} on Reactor's publishers, and no {@code Thread.sleep}.
     *
     * @param root a package
     * @return the rule
     */
    public static ArchRule neverBlocks(String root) {
        return noClasses()
                .that()
                .resideInAPackage(root + "..")
                .should()
                .callMethodWhere(
                        target(nameMatching("block|blockFirst|blockLast|blockOptional|toFuture|toIterable|toStream"))
                                .and(target(owner(resideInAPackage("reactor.core.publisher")))))
                .orShould()
                .callMethod(Thread.class, "sleep", long.class)
                .because("nothing in Sluice's library code may block a thread");
    }

    /**
     * Returns the rule that code outside Sluice's modules (the examples, the benchmarks) uses none of their internal packages.
     *
     * @param root the package of the outside code
     * @return the rule
     */
    public static ArchRule usesNoInternalPackage(String root) {
        return noClasses()
                .that()
                .resideInAPackage(root + "..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(INTERNAL)
                .because("internal packages are not API: they change without notice");
    }
}
