package dev.lifecycle.domain.cost;

import dev.lifecycle.domain.policy.ArchiveLayout;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The cost of one archive layout: the size of its objects, how many it writes a month and how many
 * entries each holds, whether they are large enough for S3 to transition, each month's costs
 * (element 0 is month 1) and their sum, and, when archives expire, the first month from which
 * every month costs the same (storage has stopped growing) and that month's costs.
 */
public record LayoutEstimate(ArchiveLayout layout, double objectBytes, double objectsPerMonth, double entriesPerObject,
                             boolean transitioned, List<CostLines> months, CostLines total, OptionalInt steadyFromMonth,
                             Optional<CostLines> steadyMonth) {

    public LayoutEstimate {
        months = List.copyOf(months);
    }

    /** Month {@code month}, counted from 1. */
    public CostLines month(int month) {
        return months.get(month - 1);
    }
}
