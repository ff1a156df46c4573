package dev.lifecycle.it.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;


import org.junit.jupiter.api.BeforeAll;
import dev.lifecycle.domain.testing.WallClockCalls;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import dev.lifecycle.domain.fixture.AnnotatedForJackson;
import dev.lifecycle.domain.fixture.ReadsTheSystemClock;

/** Keeps the module layers honest over the production classes of every module under dev.lifecycle. */
class DependencyRulesTest {

    private static final String DOMAIN = "dev.lifecycle.domain..";
    private static final String ADAPTERS = "dev.lifecycle.adapters..";
    private static final String LAMBDA = "dev.lifecycle.lambda..";
    private static final String HTTP = "dev.lifecycle.http..";

    static final ArchRule DOMAIN_DEPENDS_ON_JDK_ONLY = classes().that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", DOMAIN);

    // The adapters module has no classes yet; the rule must not fail on that alone.
    static final ArchRule ADAPTERS_DO_NOT_DEPEND_ON_DEPLOYABLES = noClasses().that().resideInAPackage(ADAPTERS)
            .should().dependOnClassesThat().resideInAnyPackage(LAMBDA, HTTP)
            .allowEmptyShould(true);

    static final ArchRule LAMBDA_DOES_NOT_DEPEND_ON_HTTP = noClasses().that().resideInAPackage(LAMBDA)
            .should().dependOnClassesThat().resideInAPackage(HTTP);

    static final ArchRule HTTP_DOES_NOT_DEPEND_ON_LAMBDA = noClasses().that().resideInAPackage(HTTP)
            .should().dependOnClassesThat().resideInAPackage(LAMBDA);

    static final ArchRule DOMAIN_DOES_NOT_READ_THE_CLOCK = noClasses().that().resideInAPackage(DOMAIN)
            .should().callMethodWhere(WallClockCalls.readTheSystemClock());

    private static JavaClasses production;

    @BeforeAll
    static void importAllModules() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // DO_NOT_INCLUDE_TESTS knows test-classes folders, not test-jars such as the domain's fixtures.
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("dev.lifecycle");
    }

    @Test
    void import_seesTheClassesOfEveryModuleButNoTestClasses() {
        assertThat(production.contain("dev.lifecycle.domain.item.Item")).isTrue();
        assertThat(production.contain("dev.lifecycle.lambda.StreamBatchHandler")).isTrue();
        assertThat(production.contain("dev.lifecycle.http.info.InfoResource")).isTrue();
        assertThat(production.contain(ReadsTheSystemClock.class)).isFalse();
    }

    @Test
    void domain_dependsOnTheJdkAndItselfOnly() {
        DOMAIN_DEPENDS_ON_JDK_ONLY.check(production);
    }

    @Test
    void adapters_neverDependOnTheDeployables() {
        ADAPTERS_DO_NOT_DEPEND_ON_DEPLOYABLES.check(production);
    }

    @Test
    void lambda_neverDependsOnHttp() {
        LAMBDA_DOES_NOT_DEPEND_ON_HTTP.check(production);
    }

    @Test
    void http_neverDependsOnLambda() {
        HTTP_DOES_NOT_DEPEND_ON_LAMBDA.check(production);
    }

    @Test
    void domain_neverReadsTheSystemClock() {
        DOMAIN_DOES_NOT_READ_THE_CLOCK.check(production);
    }

    @Test
    void jdkOnlyRule_rejectsAFrameworkAnnotationInTheDomain() {
        JavaClasses fixture = new ClassFileImporter().importClasses(AnnotatedForJackson.class);

        assertThat(DOMAIN_DEPENDS_ON_JDK_ONLY.evaluate(fixture).getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains("com.fasterxml.jackson.annotation.JsonProperty"));
    }

    @Test
    void clockRule_rejectsADomainClassThatCallsInstantNow() {
        JavaClasses fixture = new ClassFileImporter().importClasses(ReadsTheSystemClock.class);

        assertThat(DOMAIN_DOES_NOT_READ_THE_CLOCK.evaluate(fixture).getFailureReport().getDetails())
                .singleElement().asString().contains("java.time.Instant.now()");
    }
}
