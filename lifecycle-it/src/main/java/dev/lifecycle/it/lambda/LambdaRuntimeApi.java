package dev.lifecycle.it.lambda;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small implementation of the AWS Lambda Runtime API (the four endpoints a runtime polls), on a
 * free loopback port. A function process started with {@code AWS_LAMBDA_RUNTIME_API} pointing
 * here receives the invocations given to {@link #invoke}, one at a time, as Lambda delivers them.
 */
public final class LambdaRuntimeApi implements FunctionInvoker, AutoCloseable {

    private static final String PREFIX = "/2018-06-01/runtime/";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(daemon("lambda-runtime-api"));
    private final BlockingDeque<Invocation> pending = new LinkedBlockingDeque<>();
    private final Map<String, Invocation> inFlight = new ConcurrentHashMap<>();
    private final String functionArn;
    private final Duration timeout;
    private final CompletableFuture<String> initError = new CompletableFuture<>();
    private final AtomicInteger invocations = new AtomicInteger();
    private final AtomicInteger polls = new AtomicInteger();
    private volatile boolean polled;

    private LambdaRuntimeApi(String functionArn, Duration timeout) throws IOException {
        this.functionArn = functionArn;
        this.timeout = timeout;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext(PREFIX, this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** Starts the API; each invocation must be answered within {@code timeout}, like a function's timeout. */
    public static LambdaRuntimeApi start(String functionArn, Duration timeout) {
        try {
            return new LambdaRuntimeApi(functionArn, timeout);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the Lambda Runtime API on loopback", e);
        }
    }

    /** The value for {@code AWS_LAMBDA_RUNTIME_API}: host and port. */
    public String address() {
        return server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    }

    @Override
    public InvocationResult invoke(byte[] event) {
        Invocation invocation = new Invocation(UUID.randomUUID().toString(), event,
                System.currentTimeMillis() + timeout.toMillis());
        invocations.incrementAndGet();
        pending.add(invocation);
        try {
            return invocation.result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.remove(invocation);
            inFlight.remove(invocation.requestId);
            return new InvocationResult.Timeout("no response within " + timeout + " for request " + invocation.requestId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new InvocationResult.Timeout("interrupted while waiting for request " + invocation.requestId);
        } catch (ExecutionException e) {
            return new InvocationResult.Timeout(String.valueOf(e.getCause()));
        }
    }

    /** The error body the runtime reported at initialisation, if it did. */
    public CompletableFuture<String> initError() {
        return initError;
    }

    /** True once a runtime has asked for its next invocation at least once: the function is up. */
    public boolean runtimeConnected() {
        return polled;
    }

    public int invocationCount() {
        return invocations.get();
    }

    /** How many times a runtime asked for its next invocation: a restarted function is up once this grows. */
    public int pollCount() {
        return polls.get();
    }

    /** How many invocations a runtime has taken and not yet answered. */
    public int inFlightCount() {
        return inFlight.size();
    }

    /**
     * Fails every invocation a runtime has taken and not answered, as Lambda reports a runtime that
     * exited mid-invocation ({@code Runtime.ExitError}) at once rather than at the timeout.
     *
     * @return how many invocations were failed
     */
    public int failInFlight(String reason) {
        int failed = 0;
        for (String requestId : List.copyOf(inFlight.keySet())) {
            Invocation invocation = inFlight.remove(requestId);
            if (invocation != null && invocation.result.complete(new InvocationResult.FunctionError("Runtime.ExitError",
                    "{\"errorType\":\"Runtime.ExitError\",\"errorMessage\":\"RequestId: " + requestId + " Error: " + reason + "\"}"))) {
                failed++;
            }
        }
        return failed;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
            String method = exchange.getRequestMethod();
            if (method.equals("GET") && path.equals("invocation/next")) {
                next(exchange);
            } else if (method.equals("POST") && path.startsWith("invocation/") && path.endsWith("/response")) {
                complete(exchange, path, true);
            } else if (method.equals("POST") && path.startsWith("invocation/") && path.endsWith("/error")) {
                complete(exchange, path, false);
            } else if (method.equals("POST") && path.equals("init/error")) {
                initError.complete(read(exchange.getRequestBody()));
                send(exchange, 202, "{\"status\":\"OK\"}");
            } else {
                send(exchange, 404, "{\"errorMessage\":\"unknown runtime API path " + path + "\"}");
            }
        }
    }

    private void next(HttpExchange exchange) throws IOException {
        polled = true;
        polls.incrementAndGet();
        Invocation invocation;
        try {
            invocation = pending.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            send(exchange, 500, "{\"errorMessage\":\"runtime API stopping\"}");
            return;
        }
        inFlight.put(invocation.requestId, invocation);
        exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", invocation.requestId);
        exchange.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms", Long.toString(invocation.deadlineMillis));
        exchange.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn", functionArn);
        exchange.getResponseHeaders().add("Lambda-Runtime-Trace-Id", "Root=1-" + invocation.requestId.substring(0, 8) + ";Sampled=0");
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        try {
            exchange.sendResponseHeaders(200, invocation.event.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(invocation.event);
            }
        } catch (IOException e) {
            // The runtime that polled is gone (killed while it waited): the next one gets the invocation.
            if (inFlight.remove(invocation.requestId) != null) {
                pending.addFirst(invocation);
            }
            throw e;
        }
    }

    private void complete(HttpExchange exchange, String path, boolean success) throws IOException {
        String requestId = path.substring("invocation/".length(), path.lastIndexOf('/'));
        Invocation invocation = inFlight.remove(requestId);
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (invocation == null) {
            send(exchange, 400, "{\"errorMessage\":\"unknown or expired request id " + requestId + "\"}");
            return;
        }
        if (success) {
            invocation.result.complete(new InvocationResult.Response(body));
        } else {
            String errorType = exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type");
            invocation.result.complete(new InvocationResult.FunctionError(errorType, new String(body, StandardCharsets.UTF_8)));
        }
        send(exchange, 202, "{\"status\":\"OK\"}");
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static final class Invocation {
        final String requestId;
        final byte[] event;
        final long deadlineMillis;
        final CompletableFuture<InvocationResult> result = new CompletableFuture<>();

        Invocation(String requestId, byte[] event, long deadlineMillis) {
            this.requestId = requestId;
            this.event = event;
            this.deadlineMillis = deadlineMillis;
        }
    }
}
