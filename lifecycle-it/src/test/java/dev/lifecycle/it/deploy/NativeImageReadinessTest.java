package dev.lifecycle.it.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.lifecycle.lambda.ProcessorConfig;
import dev.lifecycle.lambda.ProcessorWiring;
import dev.lifecycle.lambda.StreamBatchHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What can be proven here about the native stream processor without native-image (no GraalVM or Docker on this
 * machine). A native image only finds by reflection what is registered for it; the processor therefore
 * (de)serializes nothing by reflection: it reads the Lambda event and writes the archive JSON and its response with
 * jackson-core's token stream. This test walks every class of ours reachable from the handler and its wiring (an
 * over-approximation, like native-image's own analysis) and fails on anything that would need a registration the
 * build does not make: data binding, reflection, dynamic class loading or proxies, resource loading, Java
 * serialization, or a static initializer that would start threads or seed randomness at image build time.
 * The AWS SDK clients and Quarkus's own classes are registered by their extensions.
 */
class NativeImageReadinessTest {

    private static final List<String> FORBIDDEN_PACKAGES = List.of(
            "com.fasterxml.jackson.databind", "java.lang.reflect", "java.beans", "java.lang.invoke.MethodHandles");

    private static final Set<String> FORBIDDEN_CLASSES = Set.of("java.io.ObjectInputStream",
            "java.io.ObjectOutputStream", "java.util.ServiceLoader", "java.lang.reflect.Proxy");

    /** Methods that find or call code, or read resources, by name at run time. */
    private static final Set<String> REFLECTIVE_CALLS = Set.of(
            "java.lang.Class.forName", "java.lang.Class.newInstance", "java.lang.Class.getMethod",
            "java.lang.Class.getMethods", "java.lang.Class.getDeclaredMethod", "java.lang.Class.getDeclaredMethods",
            "java.lang.Class.getField", "java.lang.Class.getFields", "java.lang.Class.getDeclaredField",
            "java.lang.Class.getDeclaredFields", "java.lang.Class.getConstructor", "java.lang.Class.getConstructors",
            "java.lang.Class.getDeclaredConstructor", "java.lang.Class.getDeclaredConstructors",
            "java.lang.Class.getRecordComponents", "java.lang.Class.getResource", "java.lang.Class.getResourceAsStream",
            "java.lang.ClassLoader.loadClass", "java.lang.ClassLoader.getResource",
            "java.lang.ClassLoader.getResources", "java.lang.ClassLoader.getResourceAsStream",
            "java.lang.ClassLoader.getSystemResource", "java.lang.ClassLoader.getSystemResourceAsStream",
            // jackson-core hands these to an ObjectCodec, i.e. to reflective data binding.
            "com.fasterxml.jackson.core.JsonParser.readValueAs", "com.fasterxml.jackson.core.JsonParser.readValuesAs",
            "com.fasterxml.jackson.core.JsonParser.readValueAsTree", "com.fasterxml.jackson.core.JsonGenerator.writeObject",
            "com.fasterxml.jackson.core.JsonGenerator.writePOJO", "com.fasterxml.jackson.core.JsonGenerator.writeTree");

    /** What must not run while the image is built (Quarkus initializes classes at build time where it can). */
    private static final Set<String> NOT_IN_STATIC_INITIALIZERS = Set.of("java.lang.Thread.start",
            "java.util.concurrent.Executors.newFixedThreadPool", "java.util.concurrent.Executors.newCachedThreadPool",
            "java.util.concurrent.Executors.newSingleThreadExecutor",
            "java.util.concurrent.Executors.newScheduledThreadPool", "java.security.SecureRandom.<init>",
            "java.util.Random.<init>", "java.time.Instant.now", "java.lang.System.currentTimeMillis");

    private static Set<JavaClass> reachable;

    @BeforeAll
    static void walkFromTheHandler() {
        JavaClasses ours = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("dev.lifecycle.lambda", "dev.lifecycle.adapters", "dev.lifecycle.domain");
        reachable = reachableFrom(ours, List.of(StreamBatchHandler.class, ProcessorWiring.class, ProcessorConfig.class));
    }

    @Test
    void walk_reachesTheDecoderTheArchiveWriterTheLedgerAndTheDomain() {
        Set<String> names = names(reachable);
        assertThat(names).contains(
                "dev.lifecycle.adapters.aws.stream.LambdaStreamEventDecoder",
                "dev.lifecycle.adapters.aws.s3.S3ArchiveStore",
                "dev.lifecycle.adapters.aws.dynamodb.DynamoDbLedger",
                "dev.lifecycle.adapters.aws.dynamodb.DynamoDbPolicyRepository",
                "dev.lifecycle.domain.archive.ArchiveChangesService");
        assertThat(names).as("the admin API's adapters are not part of the function")
                .noneMatch(name -> name.contains("SqsFailureQueue") || name.contains("S3BucketConfiguration"));
        System.out.println("[native] classes of ours reachable from the stream processor: " + reachable.size());
    }

    @Test
    void reachableClasses_useNoDataBindingReflectionProxiesOrSerialization() {
        List<String> violations = new ArrayList<>();
        for (JavaClass javaClass : reachable) {
            for (Dependency dependency : javaClass.getDirectDependenciesFromSelf()) {
                String target = dependency.getTargetClass().getName();
                if (FORBIDDEN_CLASSES.contains(target) || FORBIDDEN_PACKAGES.stream().anyMatch(target::startsWith)) {
                    violations.add(dependency.getDescription());
                }
            }
            for (JavaAccess<?> access : javaClass.getAccessesFromSelf()) {
                if (REFLECTIVE_CALLS.contains(calledName(access))) {
                    violations.add(access.getDescription());
                }
            }
        }
        assertThat(violations).as("would need reflection (or resource) registrations in a native image").isEmpty();
    }

    @Test
    void reachableClasses_startNoThreadsAndReadNoClockOrRandomnessInStaticInitializers() {
        List<String> violations = new ArrayList<>();
        for (JavaClass javaClass : reachable) {
            javaClass.getStaticInitializer().ifPresent(initializer -> {
                for (JavaAccess<?> access : ((JavaCodeUnit) initializer).getAccessesFromSelf()) {
                    if (NOT_IN_STATIC_INITIALIZERS.contains(calledName(access))) {
                        violations.add(access.getDescription());
                    }
                }
            });
        }
        assertThat(violations).as("would be frozen into the image at build time").isEmpty();
    }

    @Test
    void nativeProfile_buildsForProvidedAl2023RuntimesOnEveryCpu() throws IOException {
        String pom = Files.readString(DeploymentTemplateTest.REPOSITORY.resolve("lifecycle-app-lambda/pom.xml"));
        String profile = pom.substring(pom.indexOf("<id>native</id>"), pom.indexOf("</profile>", pom.indexOf("<id>native</id>")));
        assertThat(profile).contains("<quarkus.native.enabled>true</quarkus.native.enabled>",
                "<quarkus.package.jar.enabled>false</quarkus.package.jar.enabled>",
                "<quarkus.native.march>compatibility</quarkus.native.march>");
        String properties = Files.readString(DeploymentTemplateTest.REPOSITORY.resolve(
                "lifecycle-app-lambda/src/main/resources/application.properties"));
        assertThat(properties).as("the URL-connection client: no Netty or Apache client to configure for native")
                .contains("quarkus.dynamodb.sync-client.type=url", "quarkus.s3.sync-client.type=url");
    }

    private static String calledName(JavaAccess<?> access) {
        return access.getTargetOwner().getName() + "." + access.getName();
    }

    private static Set<JavaClass> reachableFrom(JavaClasses ours, List<Class<?>> roots) {
        Set<JavaClass> seen = new java.util.LinkedHashSet<>();
        Deque<JavaClass> next = new ArrayDeque<>();
        for (Class<?> root : roots) {
            next.add(ours.get(root));
        }
        while (!next.isEmpty()) {
            JavaClass current = next.poll();
            if (!seen.add(current)) {
                continue;
            }
            for (Dependency dependency : current.getDirectDependenciesFromSelf()) {
                JavaClass target = dependency.getTargetClass();
                if (ours.contain(target.getName())) {
                    next.add(ours.get(target.getName()));
                }
            }
            // Nested and anonymous classes (lambdas' bodies live in the enclosing class itself).
            for (JavaClass candidate : ours) {
                if (candidate.getName().startsWith(current.getName() + "$")) {
                    next.add(candidate);
                }
            }
        }
        return seen;
    }

    private static Set<String> names(Set<JavaClass> classes) {
        Set<String> names = new TreeSet<>();
        classes.forEach(javaClass -> names.add(javaClass.getName()));
        return names;
    }
}
