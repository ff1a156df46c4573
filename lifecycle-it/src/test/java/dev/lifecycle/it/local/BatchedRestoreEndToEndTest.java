package dev.lifecycle.it.local;

/**
 * Every restore test again, on a policy with {@code "archiveLayout": "BATCHED"}: the deployed
 * processor writes batch objects and their indexes, and browse, entry reads and restores (by key,
 * by object, by time range) find each entry through the indexes.
 */
class BatchedRestoreEndToEndTest extends RestoreEndToEndTest {

    @Override
    String archiveLayout() {
        return "BATCHED";
    }
}
