package dev.lifecycle.domain.hold;

import dev.lifecycle.domain.item.ItemKey;
import dev.lifecycle.domain.table.TableName;
import java.util.List;
import java.util.Optional;

/** Keeps the original TTLs of held live items. */
public interface HeldTtlsPort {

    /** Records the original; an existing record for the item is kept (the first original wins). */
    void record(HeldTtl held);

    Optional<HeldTtl> find(TableName table, ItemKey key);

    List<HeldTtl> all(TableName table);

    void forget(TableName table, ItemKey key);
}
