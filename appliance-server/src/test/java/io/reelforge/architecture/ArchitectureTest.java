package io.reelforge.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.freeze.FreezingArchRule;

/**
 * The architecture's arrows (STYLE.md, "Architecture notes"), checked on the server's production classes:
 * the domain depends on nothing of ours but itself; nothing but the adapters depends on the adapters; the
 * application depends on the domain and the ports it owns, not on infrastructure.
 *
 * <p>The first two hold today and are plain rules. The third does not hold yet: the engines, the output storage, the
 * job queue, the settings (a small port per use case), the URL-signing key and the configured directories are behind
 * ports, and the caller, the directory principal and the LDAP token belong to the application; what is left is the
 * OIDC token, which only the OIDC client may make.
 * It is frozen ({@link FreezingArchRule}): the dependencies that existed when the rule came in are listed in
 * {@code src/test/resources/archunit_store}, a new one fails the build, and one that is fixed drops out of the
 * store by itself, so the list only shrinks as ports replace the direct uses. Those dependencies are also what
 * makes application and infrastructure a cycle (infrastructure implementing the application's ports, such as
 * {@code DeviceProbe} or {@code OpsMetrics}, is the right direction): a cycle rule is added once they are gone,
 * not frozen, since a frozen cycle's description changes with every dependency added anywhere in it.
 */
class ArchitectureTest {

    private static JavaClasses server;

    @BeforeAll
    static void importClasses() {
        server = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.reelforge");
    }

    @Test
    void theDomainDependsOnNothingOfOursButItself() {
        ArchRule rule = classes().that().resideInAPackage("io.reelforge.domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "io.reelforge.domain..", "java..", "jakarta.persistence..", "jakarta.ejb..")
                .because("entities, value objects and repository interfaces carry the rules; everything else adapts to them");
        rule.check(server);
    }

    @Test
    void onlyTheAdaptersKnowTheAdapters() {
        ArchRule rule = noClasses().that().resideInAnyPackage("io.reelforge.domain..", "io.reelforge.application..",
                        "io.reelforge.infrastructure..")
                .should().dependOnClassesThat().resideInAPackage("io.reelforge.interfaces..")
                .because("REST resources and web filters call the application, never the other way round");
        rule.check(server);
    }

    @Test
    void theApplicationDoesNotReachIntoInfrastructure() {
        ArchRule rule = noClasses().that().resideInAPackage("io.reelforge.application..")
                .should().dependOnClassesThat().resideInAPackage("io.reelforge.infrastructure..")
                .because("use cases depend on the domain and on ports they own, implemented in infrastructure");
        FreezingArchRule.freeze(rule).check(server);
    }
}
