package dev.lifecycle.domain.cost;

import java.util.Arrays;
import java.util.Optional;

/** The CPU of the stream processor's function; Lambda bills a GB-second of each at its own price. */
public enum Architecture {
    ARM64("arm64"),
    X86_64("x86_64");

    private final String lambdaName;

    Architecture(String lambdaName) {
        this.lambdaName = lambdaName;
    }

    /** The name Lambda and the deployment template use: {@code arm64} or {@code x86_64}. */
    public String lambdaName() {
        return lambdaName;
    }

    public static Optional<Architecture> ofLambdaName(String name) {
        return Arrays.stream(values()).filter(a -> a.lambdaName.equals(name)).findFirst();
    }
}
