package dev.lifecycle.domain.testing;

import dev.lifecycle.domain.mapping.MappingSettings;
import dev.lifecycle.domain.mapping.StreamProcessor;
import java.util.List;
import java.util.Optional;

/** The processor and mapping settings tests connect tables to. */
public final class TestMappings {

    public static final String FUNCTION_ARN = "arn:aws:lambda:us-east-1:000000000000:function:lifecycle-processor:live";
    public static final String FAILURE_QUEUE_ARN = "arn:aws:sqs:us-east-1:000000000000:lifecycle-failures";

    /** What the deployment template sets: batch 1,000, window 5 s, 10 retries, 1 hour, bisect, REMOVE only. */
    public static final MappingSettings DEFAULTS = new MappingSettings(1000, 5, 1, 10, 3600, true, true,
            List.of(MappingSettings.REMOVE_ONLY), Optional.of(FAILURE_QUEUE_ARN));

    public static final StreamProcessor PROCESSOR = new StreamProcessor(FUNCTION_ARN, DEFAULTS);

    private TestMappings() {
    }
}
