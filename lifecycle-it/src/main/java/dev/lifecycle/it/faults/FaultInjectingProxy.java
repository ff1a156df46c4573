package dev.lifecycle.it.faults;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * An HTTP proxy on a loopback port that forwards to an emulator and, for the requests a rule
 * selects, answers with a fault instead: an S3-style 503 SlowDown, a 500 InternalError, a
 * connection that stalls and is then dropped (a timeout as the client sees it), or a request that
 * is forwarded and done but whose answer is lost (the client sees a dropped connection and cannot
 * tell that its write landed). Faults are drawn from a seeded random source, so a run can be repeated.
 */
public final class FaultInjectingProxy implements AutoCloseable {

    /** A kind of fault. */
    public enum Fault {
        SLOW_DOWN_503, INTERNAL_ERROR_500, STALL_AND_DROP, RESPONSE_LOST
    }

    /** What a rule sees of a request: method, raw path and headers (DynamoDB names its operation in {@code X-Amz-Target}). */
    public record Request(String method, String rawPath, Headers headers) {
        public String methodAndPath() {
            return method + " " + rawPath;
        }
    }

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "host", "expect", "upgrade",
            "keep-alive", "transfer-encoding", "te", "trailer", "proxy-authorization", "proxy-authenticate");

    private final URI target;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "fault-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Random random;
    private volatile double faultRate;
    private volatile List<Fault> faults = List.of(Fault.SLOW_DOWN_503);
    private volatile Predicate<Request> selects = request -> false;
    private volatile Duration stall = Duration.ofSeconds(3);
    private final AtomicLong forwarded = new AtomicLong();
    private final Map<Fault, AtomicInteger> injected = new EnumMap<>(Fault.class);

    private FaultInjectingProxy(URI target, long seed) throws IOException {
        this.target = target;
        this.random = new Random(seed);
        for (Fault fault : Fault.values()) {
            injected.put(fault, new AtomicInteger());
        }
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public static FaultInjectingProxy start(URI target, long seed) {
        try {
            return new FaultInjectingProxy(target, seed);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the fault-injecting proxy", e);
        }
    }

    public URI endpoint() {
        return URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort());
    }

    /**
     * From now on, fail this fraction of the requests that {@code selects} matches (it sees
     * {@code "PUT /bucket/key"}), with faults drawn from {@code kinds}.
     */
    public synchronized void failRandomly(double rate, Predicate<String> selects, Fault... kinds) {
        failRandomlyWhere(rate, request -> selects.test(request.methodAndPath()), kinds);
    }

    /** From now on, fail this fraction of the requests that {@code selects} matches, with faults drawn from {@code kinds}. */
    public synchronized void failRandomlyWhere(double rate, Predicate<Request> selects, Fault... kinds) {
        this.faultRate = rate;
        this.selects = selects;
        this.faults = List.of(kinds);
    }

    /** DynamoDB calls of the given operations ({@code GetItem}, {@code Query}, ...), by their {@code X-Amz-Target}. */
    public static Predicate<Request> dynamoDbOperations(String... operations) {
        Set<String> targets = Arrays.stream(operations).map(operation -> "DynamoDB_20120810." + operation)
                .collect(Collectors.toUnmodifiableSet());
        return request -> {
            String target = request.headers().getFirst("X-Amz-Target");
            return target != null && targets.contains(target);
        };
    }

    /** Only object PUTs (not bucket-level calls): what an archive write is. */
    public static Predicate<String> objectPuts() {
        return methodAndPath -> methodAndPath.startsWith("PUT ") && methodAndPath.indexOf('/', 5) > 0;
    }

    public void stallFor(Duration duration) {
        this.stall = duration;
    }

    public synchronized void heal() {
        this.faultRate = 0;
    }

    public long forwardedCount() {
        return forwarded.get();
    }

    public int injectedCount(Fault fault) {
        return injected.get(fault).get();
    }

    public int injectedCount() {
        return injected.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    private void handle(HttpExchange exchange) throws IOException {
        Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestHeaders());
        Fault fault = draw(request);
        if (fault != null) {
            injected.get(fault).incrementAndGet();
            inject(exchange, fault);
            return;
        }
        try (exchange) {
            forward(exchange);
        }
    }

    private synchronized Fault draw(Request request) {
        if (faultRate <= 0 || !selects.test(request) || random.nextDouble() >= faultRate) {
            return null;
        }
        return faults.get(random.nextInt(faults.size()));
    }

    private void inject(HttpExchange exchange, Fault fault) throws IOException {
        if (fault == Fault.RESPONSE_LOST) {
            forwardAndDropTheAnswer(exchange);
            return;
        }
        exchange.getRequestBody().readAllBytes();
        switch (fault) {
            case SLOW_DOWN_503 -> answer(exchange, 503, "SlowDown", "Please reduce your request rate.");
            case INTERNAL_ERROR_500 -> answer(exchange, 500, "InternalError", "We encountered an internal error. Please try again.");
            case STALL_AND_DROP -> {
                try {
                    Thread.sleep(stall.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.close();
            }
            case RESPONSE_LOST -> throw new IllegalStateException("handled above");
        }
    }

    /** The request reaches the emulator and takes effect; its answer is dropped, as a timeout after the write would. */
    private void forwardAndDropTheAnswer(HttpExchange exchange) throws IOException {
        try {
            client.send(upstreamRequest(exchange, exchange.getRequestBody().readAllBytes()), HttpResponse.BodyHandlers.discarding());
            forwarded.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The emulator did not answer either: the client sees the same dropped connection.
        }
        exchange.close();
    }

    private static void answer(HttpExchange exchange, int status, String code, String message) throws IOException {
        byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code><Message>" + message
                + "</Message><RequestId>fault-proxy</RequestId></Error>").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/xml");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private HttpRequest upstreamRequest(HttpExchange exchange, byte[] body) {
        URI uri = target.resolve(exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .method(exchange.getRequestMethod(), body.length == 0 && !hasBody(exchange.getRequestMethod())
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
            }
        });
        return request.build();
    }

    private void forward(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        HttpResponse<byte[]> response;
        try {
            response = client.send(upstreamRequest(exchange, body), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.close();
            return;
        } catch (IOException e) {
            answer(exchange, 502, "BadGateway", "proxy could not reach " + target + ": " + e.getMessage());
            return;
        }
        forwarded.incrementAndGet();
        response.headers().map().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                values.forEach(value -> exchange.getResponseHeaders().add(name, value));
            }
        });
        byte[] responseBody = response.body();
        boolean noBody = exchange.getRequestMethod().equals("HEAD") || response.statusCode() == 204 || response.statusCode() == 304;
        if (noBody) {
            String length = response.headers().firstValue("content-length").orElse(null);
            if (length != null && exchange.getRequestMethod().equals("HEAD")) {
                exchange.getResponseHeaders().set("Content-Length", length);
            }
            exchange.sendResponseHeaders(response.statusCode(), -1);
            return;
        }
        exchange.sendResponseHeaders(response.statusCode(), responseBody.length == 0 ? -1 : responseBody.length);
        if (responseBody.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(responseBody);
            }
        }
    }

    private static boolean hasBody(String method) {
        return method.equals("PUT") || method.equals("POST");
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
