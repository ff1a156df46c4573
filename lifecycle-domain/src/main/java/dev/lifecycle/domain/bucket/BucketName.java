package dev.lifecycle.domain.bucket;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** An S3 general-purpose bucket name, checked against S3's naming rules. */
public record BucketName(String value) {

    private static final Pattern CHARACTERS = Pattern.compile("[a-z0-9.-]+");
    private static final Pattern IP_ADDRESS = Pattern.compile("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    private static final List<String> RESERVED_PREFIXES = List.of("xn--", "sthree-", "amzn-s3-demo-");
    private static final List<String> RESERVED_SUFFIXES = List.of("-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3");

    public BucketName {
        List<String> problems = problems(value);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("bucket name '" + value + "' is invalid: " + String.join("; ", problems));
        }
    }

    public static BucketName of(String value) {
        return new BucketName(value);
    }

    /** Every rule the name breaks, in words; empty when the name is valid. */
    public static List<String> problems(String value) {
        List<String> problems = new ArrayList<>();
        if (value == null) {
            problems.add("it must not be null");
            return problems;
        }
        if (value.length() < 3 || value.length() > 63) {
            problems.add("it must be 3 to 63 characters long (it has " + value.length() + ")");
        }
        if (!CHARACTERS.matcher(value).matches()) {
            problems.add("it may contain only lowercase letters, digits, '.' and '-'");
        }
        if (!value.isEmpty() && !Character.isLetterOrDigit(value.charAt(0))) {
            problems.add("it must begin with a letter or digit");
        }
        if (!value.isEmpty() && !Character.isLetterOrDigit(value.charAt(value.length() - 1))) {
            problems.add("it must end with a letter or digit");
        }
        if (value.contains("..")) {
            problems.add("it must not contain two adjacent periods");
        }
        if (IP_ADDRESS.matcher(value).matches()) {
            problems.add("it must not be formatted as an IP address");
        }
        RESERVED_PREFIXES.stream().filter(value::startsWith)
                .forEach(prefix -> problems.add("it must not start with the reserved prefix '" + prefix + "'"));
        RESERVED_SUFFIXES.stream().filter(value::endsWith)
                .forEach(suffix -> problems.add("it must not end with the reserved suffix '" + suffix + "'"));
        return problems;
    }

    @Override
    public String toString() {
        return value;
    }
}
