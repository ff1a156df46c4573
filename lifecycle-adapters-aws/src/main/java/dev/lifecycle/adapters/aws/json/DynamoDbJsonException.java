package dev.lifecycle.adapters.aws.json;

/** DynamoDB JSON that cannot become a domain value; the message starts with the JSON path of the culprit. */
public class DynamoDbJsonException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String path;
    private final String problem;

    public DynamoDbJsonException(String path, String problem) {
        this(path, problem, null);
    }

    public DynamoDbJsonException(String path, String problem, Throwable cause) {
        super(path + ": " + problem, cause);
        this.path = path;
        this.problem = problem;
    }

    /** Where in the document, e.g. {@code OldImage.address.M.zip}; {@value JsonPaths#ROOT} for the document itself. */
    public String path() {
        return path;
    }

    /** What is wrong there, without the path. */
    public String problem() {
        return problem;
    }
}
