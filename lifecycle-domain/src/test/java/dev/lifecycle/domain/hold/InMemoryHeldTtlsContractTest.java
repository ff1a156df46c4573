package dev.lifecycle.domain.hold;

import dev.lifecycle.domain.testing.HeldTtlsContract;
import dev.lifecycle.domain.testing.InMemoryHeldTtls;

class InMemoryHeldTtlsContractTest extends HeldTtlsContract {

    @Override
    protected HeldTtlsPort heldTtlsPort() {
        return new InMemoryHeldTtls();
    }
}
