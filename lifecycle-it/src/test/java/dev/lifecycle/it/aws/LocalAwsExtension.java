package dev.lifecycle.it.aws;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a {@link LocalAws} parameter: ONE instance for the whole test run, started on first
 * use and kept in the root context's store, which closes it (stopping the emulators) when the run
 * ends. Where the chosen target cannot run here (LocalStack without Docker), the tests are skipped
 * with the reason; any other start-up failure fails them with the emulator's log file named.
 *
 * <pre>
 * &#64;ExtendWith(LocalAwsExtension.class)
 * class ArchiveStoreTest {
 *     ArchiveStoreTest(LocalAws aws) { ... }
 * }
 * </pre>
 */
public final class LocalAwsExtension implements ExecutionCondition, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalAwsExtension.class);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Startup startup = shared(context);
        return startup.unavailable == null
                ? ConditionEvaluationResult.enabled("local AWS: " + startup.target)
                : ConditionEvaluationResult.disabled(startup.unavailable.getMessage());
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalAws.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return shared(context).aws();
    }

    private static Startup shared(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(Startup.class, key -> Startup.attempt(), Startup.class);
    }

    /** The outcome of the one start-up attempt: the running harness, the reason it cannot run here, or the failure. */
    static final class Startup implements AutoCloseable {
        private final AwsTarget target;
        private final LocalAws aws;
        private final LocalAwsUnavailableException unavailable;
        private final RuntimeException failure;

        private Startup(AwsTarget target, LocalAws aws, LocalAwsUnavailableException unavailable, RuntimeException failure) {
            this.target = target;
            this.aws = aws;
            this.unavailable = unavailable;
            this.failure = failure;
        }

        static Startup attempt() {
            AwsTarget target = AwsTarget.fromSystemProperties();
            try {
                LocalAws aws = LocalAws.start(target);
                System.out.println("[local-aws] shared by every test of this run: " + aws.describe());
                return new Startup(target, aws, null, null);
            } catch (LocalAwsUnavailableException e) {
                System.out.println("[local-aws] tests that need AWS are skipped: " + e.getMessage());
                return new Startup(target, null, e, null);
            } catch (RuntimeException e) {
                System.out.println("[local-aws] " + target.id() + " did not start: " + e.getMessage());
                return new Startup(target, null, null, e);
            }
        }

        LocalAws aws() {
            if (failure != null) {
                throw new IllegalStateException("local AWS (" + target.id() + ") did not start: " + failure.getMessage(), failure);
            }
            if (unavailable != null) {
                throw unavailable;
            }
            return aws;
        }

        /** Called by JUnit when the root context closes, at the end of the test run. */
        @Override
        public void close() {
            if (aws != null) {
                aws.close();
            }
        }
    }
}
