package dev.lifecycle.it.lambda;

/** What came back from one invocation of a function, as Lambda sees it. */
public sealed interface InvocationResult {

    /** The function returned a response (which may still report batch item failures). */
    record Response(byte[] body) implements InvocationResult {
    }

    /** The function threw, or its runtime reported an error: the whole batch failed. */
    record FunctionError(String errorType, String body) implements InvocationResult {
    }

    /** No answer within the timeout (the function hung or its process died): the whole batch failed. */
    record Timeout(String detail) implements InvocationResult {
    }
}
