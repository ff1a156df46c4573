package dev.lifecycle.domain.ledger;

import dev.lifecycle.domain.testing.InMemoryLedger;
import dev.lifecycle.domain.testing.LedgerContract;

class InMemoryLedgerContractTest extends LedgerContract {

    @Override
    protected LedgerPort ledgerPort() {
        return new InMemoryLedger();
    }
}
