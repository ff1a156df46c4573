package dev.lifecycle.domain.apply;

import dev.lifecycle.domain.testing.InMemoryPolicyStatus;
import dev.lifecycle.domain.testing.PolicyStatusContract;

class InMemoryPolicyStatusContractTest extends PolicyStatusContract {

    @Override
    protected PolicyStatusPort statusPort() {
        return new InMemoryPolicyStatus();
    }
}
