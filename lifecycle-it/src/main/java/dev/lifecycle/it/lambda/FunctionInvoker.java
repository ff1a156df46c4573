package dev.lifecycle.it.lambda;

/** Something the event source mapping can invoke with an event payload: a deployed function or a test double. */
@FunctionalInterface
public interface FunctionInvoker {

    InvocationResult invoke(byte[] event);
}
