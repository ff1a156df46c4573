package dev.lifecycle.domain.cost;

/** Storage billed in one class: GB-months (a GB being 2^30 bytes, as S3 bills it) and their price. */
public record StorageCharge(double gbMonths, double cost) {

    public static final StorageCharge NONE = new StorageCharge(0, 0);

    public StorageCharge plus(StorageCharge other) {
        return new StorageCharge(gbMonths + other.gbMonths, cost + other.cost);
    }
}
