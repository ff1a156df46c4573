package dev.lifecycle.adapters.aws.stream;

import dev.lifecycle.adapters.aws.failure.AwsFailures;
import dev.lifecycle.domain.failure.DependencyFailureException;
import dev.lifecycle.domain.stream.ReadStreamPort;
import dev.lifecycle.domain.stream.SequenceNumber;
import dev.lifecycle.domain.table.TableName;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Reads a range of a shard again with the DynamoDB Streams API: an iterator {@code AT_SEQUENCE_NUMBER}
 * the range's start, pages until the range's end. When the start has aged out of the stream it reads
 * from {@code TRIM_HORIZON} and marks the slice trimmed: DynamoDB answers {@code TrimmedDataAccessException};
 * DynamoDB Local answers a {@code ValidationException} "Invalid SequenceNumber for the shard", after
 * which the slice is trimmed when the shard's first record at or after the start lies after it (the
 * start is a record the batch held, and a record leaves a shard only by aging out). Nothing the shard
 * still holds in the range is skipped either way. An iterator that expires (15 minutes) is renewed after the last record read;
 * empty pages are followed, up to a limit, after which the read fails as retryable.
 */
public final class DynamoDbStreamReader implements ReadStreamPort {

    private static final String SERVICE = "DynamoDB Streams";
    private static final int PAGE_LIMIT = 1000;
    private static final int MAX_ITERATOR_RENEWALS = 5;

    private final DynamoDbStreamsClient streams;
    private final int maxEmptyPages;
    private final Duration emptyPagePause;

    public DynamoDbStreamReader(DynamoDbStreamsClient streams) {
        this(streams, 25, Duration.ofMillis(200));
    }

    /** {@code maxEmptyPages} consecutive empty pages, {@code emptyPagePause} apart, before the read gives up. */
    public DynamoDbStreamReader(DynamoDbStreamsClient streams, int maxEmptyPages, Duration emptyPagePause) {
        this.streams = streams;
        this.maxEmptyPages = maxEmptyPages;
        this.emptyPagePause = emptyPagePause;
    }

    @Override
    public StreamSlice read(String streamArn, String shardId, SequenceNumber from, SequenceNumber to) {
        TableName table = StreamArn.parse(streamArn).table();
        try {
            return new Range(streamArn, shardId, from, to, table).read();
        } catch (ResourceNotFoundException e) {
            throw new DependencyFailureException(SERVICE, false, "shard " + shardId + " of " + streamArn + " does not exist"
                    + " (a shard is deleted 24 hours after it closes; or the stream is not of this account and region): "
                    + e.awsErrorDetails().errorMessage(), e);
        } catch (SdkException e) {
            throw AwsFailures.translate(SERVICE, e);
        }
    }

    /** One read of one range. */
    private final class Range {
        private final String streamArn;
        private final String shardId;
        private final SequenceNumber from;
        private final SequenceNumber to;
        private final TableName table;
        private final List<ReadRecord> records = new ArrayList<>();
        private boolean trimmed;
        private SequenceNumber lastRead;
        private SequenceNumber firstAtOrAfterStart;

        Range(String streamArn, String shardId, SequenceNumber from, SequenceNumber to, TableName table) {
            this.streamArn = streamArn;
            this.shardId = shardId;
            this.from = from;
            this.to = to;
            this.table = table;
        }

        StreamSlice read() {
            String iterator = start();
            int emptyPages = 0;
            int renewals = 0;
            while (iterator != null) {
                GetRecordsResponse page;
                try {
                    String current = iterator;
                    page = streams.getRecords(b -> b.shardIterator(current).limit(PAGE_LIMIT));
                } catch (ExpiredIteratorException e) {
                    if (++renewals > MAX_ITERATOR_RENEWALS) {
                        throw new DependencyFailureException(SERVICE, true, "the shard iterator of " + shardId
                                + " expired " + renewals + " times while reading the range", e);
                    }
                    iterator = lastRead == null ? start() : iterator(ShardIteratorType.AFTER_SEQUENCE_NUMBER, lastRead);
                    continue;
                } catch (TrimmedDataAccessException e) {
                    if (lastRead != null) {
                        throw new DependencyFailureException(SERVICE, true, "records of " + shardId
                                + " aged out while the range was read: replay again to see what is lost", e);
                    }
                    trimmed = true;
                    iterator = iterator(ShardIteratorType.TRIM_HORIZON, null);
                    continue;
                }
                if (take(page.records())) {
                    return slice();
                }
                iterator = page.nextShardIterator();
                if (!page.records().isEmpty()) {
                    emptyPages = 0;
                } else if (iterator != null) {
                    if (++emptyPages > maxEmptyPages) {
                        throw new DependencyFailureException(SERVICE, true, "shard " + shardId + " answered " + maxEmptyPages
                                + " empty pages in a row before the range's end " + to + (lastRead == null ? "" : " (last read " + lastRead + ")"),
                                null);
                    }
                    pause();
                }
            }
            // The shard is closed and has no record after the last one read.
            return slice();
        }

        private String start() {
            if (trimmed) {
                return iterator(ShardIteratorType.TRIM_HORIZON, null);
            }
            try {
                return iterator(ShardIteratorType.AT_SEQUENCE_NUMBER, from);
            } catch (TrimmedDataAccessException e) {
                trimmed = true;
                return iterator(ShardIteratorType.TRIM_HORIZON, null);
            } catch (DynamoDbException e) {
                if (!startNotInShard(e)) {
                    throw e;
                }
                // Whether it aged out is decided by the first record the shard still holds (see slice()).
                return iterator(ShardIteratorType.TRIM_HORIZON, null);
            }
        }

        /** Adds the page's records of the range; true once the range's end is reached. */
        private boolean take(List<Record> page) {
            for (Record record : page) {
                SequenceNumber n = sequenceNumber(record);
                if (n.compareTo(from) < 0) {
                    continue;
                }
                if (firstAtOrAfterStart == null) {
                    firstAtOrAfterStart = n;
                }
                if (n.compareTo(to) > 0) {
                    return true;
                }
                if (lastRead != null && n.compareTo(lastRead) <= 0) {
                    continue;
                }
                records.add(decode(record, n));
                lastRead = n;
                if (n.equals(to)) {
                    return true;
                }
            }
            return false;
        }

        private StreamSlice slice() {
            // The start is a record the batch held: if the shard's first record in range lies after it, it has aged out.
            boolean startGone = firstAtOrAfterStart != null && firstAtOrAfterStart.compareTo(from) > 0;
            return new StreamSlice(records, trimmed || startGone);
        }

        private ReadRecord decode(Record record, SequenceNumber n) {
            try {
                return new ReadRecord.Decoded(StreamsApiRecordMapper.toChangeRecord(record, table));
            } catch (IllegalArgumentException e) {
                return new ReadRecord.Undecodable(n, e.getMessage());
            }
        }

        private SequenceNumber sequenceNumber(Record record) {
            String text = record.dynamodb() == null ? null : record.dynamodb().sequenceNumber();
            try {
                return SequenceNumber.of(text);
            } catch (IllegalArgumentException e) {
                throw new DependencyFailureException(SERVICE, false, "shard " + shardId + " returned a record with sequence number '"
                        + text + "': " + e.getMessage(), e);
            }
        }

        /** DynamoDB Local answers this where AWS documents TrimmedDataAccessException. */
        private boolean startNotInShard(DynamoDbException e) {
            return e.statusCode() == 400 && e.awsErrorDetails() != null && "ValidationException".equals(e.awsErrorDetails().errorCode())
                    && String.valueOf(e.awsErrorDetails().errorMessage()).contains("Invalid SequenceNumber");
        }

        private String iterator(ShardIteratorType type, SequenceNumber at) {
            return streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shardId).shardIteratorType(type)
                    .sequenceNumber(at == null ? null : at.value())).shardIterator();
        }

        private void pause() {
            try {
                Thread.sleep(emptyPagePause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DependencyFailureException(SERVICE, true, "interrupted while reading shard " + shardId, e);
            }
        }
    }
}
