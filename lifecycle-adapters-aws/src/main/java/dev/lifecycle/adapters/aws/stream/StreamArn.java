package dev.lifecycle.adapters.aws.stream;

import dev.lifecycle.domain.table.TableName;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A DynamoDB stream ARN ({@code arn:aws:dynamodb:<region>:<account>:table/<table>/stream/<label>}), where a record names its table. */
public record StreamArn(String partition, String region, String account, TableName table, String label) {

    private static final Pattern SHAPE = Pattern.compile(
            "arn:(aws[a-z-]*):dynamodb:([a-z0-9-]+):([0-9]{12}):table/([^/]+)/stream/(.+)");

    public StreamArn {
        if (partition == null || region == null || account == null || table == null || label == null) {
            throw new IllegalArgumentException("every part of a stream ARN is required");
        }
    }

    /** Parses an ARN, naming what is wrong with it. */
    public static StreamArn parse(String arn) {
        if (arn == null) {
            throw new IllegalArgumentException("stream ARN is missing");
        }
        Matcher parts = SHAPE.matcher(arn);
        if (!parts.matches()) {
            throw new IllegalArgumentException("'" + arn + "' is not a DynamoDB stream ARN "
                    + "(arn:aws:dynamodb:<region>:<account>:table/<table>/stream/<label>)");
        }
        return new StreamArn(parts.group(1), parts.group(2), parts.group(3), TableName.of(parts.group(4)), parts.group(5));
    }

    @Override
    public String toString() {
        return "arn:" + partition + ":dynamodb:" + region + ":" + account + ":table/" + table + "/stream/" + label;
    }
}
