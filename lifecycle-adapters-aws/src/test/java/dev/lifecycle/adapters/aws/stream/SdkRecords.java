package dev.lifecycle.adapters.aws.stream;

import dev.lifecycle.adapters.aws.dynamodb.SdkAttributeValues;
import dev.lifecycle.domain.stream.ChangeRecord;
import software.amazon.awssdk.services.dynamodb.model.Identity;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

/** Streams API records as {@code GetRecords} would return them, built from domain records for tests. */
final class SdkRecords {

    private SdkRecords() {
    }

    static Record of(ChangeRecord change) {
        StreamRecord.Builder stream = StreamRecord.builder()
                .approximateCreationDateTime(change.approximateCreationTime())
                .keys(SdkAttributeValues.toSdkAttributes(change.keys()))
                .sequenceNumber(change.sequenceNumber().value())
                .sizeBytes(100L)
                .streamViewType(change.viewType().name());
        change.oldImage().ifPresent(image -> stream.oldImage(SdkAttributeValues.toSdkItem(image)));
        change.newImage().ifPresent(image -> stream.newImage(SdkAttributeValues.toSdkItem(image)));
        Record.Builder record = Record.builder()
                .eventID(change.eventId())
                .eventName(change.eventName().name())
                .eventVersion("1.1")
                .eventSource("aws:dynamodb")
                .awsRegion("eu-west-1")
                .dynamodb(stream.build());
        change.userIdentity().ifPresent(identity -> record.userIdentity(
                Identity.builder().type(identity.type()).principalId(identity.principalId()).build()));
        return record.build();
    }
}
