package dev.lifecycle.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.time.Clock;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
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
                .should().callMethodWhere(readsTheSystemClock())
                .check(domain);
    }

    /** {@code now()} without a Clock, {@code Clock.system*()}, {@code System.currentTimeMillis()}. */
    private static DescribedPredicate<JavaMethodCall> readsTheSystemClock() {
        return DescribedPredicate.describe("the target reads the system clock", call -> {
            String owner = call.getTargetOwner().getName();
            String name = call.getName();
            boolean nowWithoutClock = owner.startsWith("java.time.") && name.equals("now")
                    && call.getTarget().getRawParameterTypes().stream().noneMatch(type -> type.isEquivalentTo(Clock.class));
            boolean systemClock = owner.equals(Clock.class.getName()) && name.startsWith("system");
            boolean currentTimeMillis = owner.equals(System.class.getName()) && name.equals("currentTimeMillis");
            return nowWithoutClock || systemClock || currentTimeMillis;
        });
    }
}
