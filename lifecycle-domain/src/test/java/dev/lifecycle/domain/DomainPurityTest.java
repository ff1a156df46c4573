package dev.lifecycle.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;


import org.junit.jupiter.api.BeforeAll;
import dev.lifecycle.domain.testing.WallClockCalls;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The domain compiles against the JDK alone and takes time as an input; lifecycle-it checks the same across modules. */
class DomainPurityTest {

    private static JavaClasses domain;

    @BeforeAll
    static void importDomain() {
        domain = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.lifecycle.domain");
    }

    @Test
    void domain_dependsOnTheJdkAndItselfOnly() {
        classes().that().resideInAPackage("dev.lifecycle.domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.lifecycle.domain..")
                .check(domain);
    }

    @Test
    void domain_neverReadsTheSystemClock() {
        noClasses().that().resideInAPackage("dev.lifecycle.domain..")
                .should().callMethodWhere(WallClockCalls.readTheSystemClock())
                .check(domain);
    }
}
