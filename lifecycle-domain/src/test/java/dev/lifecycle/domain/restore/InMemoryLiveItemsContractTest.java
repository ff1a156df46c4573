package dev.lifecycle.domain.restore;

import dev.lifecycle.domain.table.TableName;
import dev.lifecycle.domain.testing.InMemoryLiveItems;
import dev.lifecycle.domain.testing.LiveItemsContract;

class InMemoryLiveItemsContractTest extends LiveItemsContract {

    @Override
    protected LiveItemPort liveItemPort() {
        return new InMemoryLiveItems();
    }

    @Override
    protected TableName emptyTable() {
        return TableName.of("orders");
    }
}
