package io.reelforge.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The architecture's arrows (STYLE.md, "Architecture notes"), checked on the server's production classes:
 * the domain depends on nothing of ours but itself; nothing but the adapters depends on the adapters; the
 * application depends on the domain and the ports it owns, not on infrastructure (the engines, the output storage,
 * the job queue, the settings, the URL-signing key, the configured directories and the OpenID provider are behind
 * ports it owns; infrastructure implements them); and no packages form a cycle: not the top-level ones (the layers
 * and the engines' packages), nor those inside a layer. One cycle is left, so {@code domain.model}'s packages are
 * not checked: an account names the resolutions it allows ({@code generation.Resolution}), a generation its account.
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
        rule.check(server);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"io.reelforge.(*)..", "io.reelforge.application.(*)..", "io.reelforge.infrastructure.(*)..",
            "io.reelforge.interfaces.(*)..", "io.reelforge.domain.(*).."})
    void packagesFormNoCycle(String slices) {
        ArchRule rule = slices().matching(slices).should().beFreeOfCycles()
                .because("a cycle between layers, or between the packages of one, undoes the arrows");
        rule.check(server);
    }
}
