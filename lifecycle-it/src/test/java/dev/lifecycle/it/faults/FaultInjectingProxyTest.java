package dev.lifecycle.it.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultInjectingProxyTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private HttpServer upstream;
    private FaultInjectingProxy proxy;

    @BeforeEach
    void start() throws IOException {
        upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        upstream.createContext("/", exchange -> {
            byte[] body = (exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
                    + " meta=" + exchange.getRequestHeaders().getFirst("x-amz-meta-cause")).getBytes(StandardCharsets.UTF_8);
            received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            exchange.getResponseHeaders().add("ETag", "\"abc\"");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        upstream.start();
        proxy = FaultInjectingProxy.start(URI.create("http://127.0.0.1:" + upstream.getAddress().getPort()), 42);
    }

    @AfterEach
    void stop() {
        proxy.close();
        upstream.stop(0);
    }

    @Test
    void withoutFaults_requestsAndHeadersPassThroughUnchanged() throws Exception {
        HttpResponse<String> response = put("/bucket/a%2Fb?x=1", "hello");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("PUT /bucket/a%2Fb?x=1 hello meta=TTL");
        assertThat(response.headers().firstValue("ETag")).contains("\"abc\"");
        assertThat(proxy.forwardedCount()).isEqualTo(1);
    }

    @Test
    void selectedRequests_failAtTheGivenRate_withS3Errors_andTheRestPass() throws Exception {
        proxy.failRandomly(0.5, FaultInjectingProxy.objectPuts(), FaultInjectingProxy.Fault.SLOW_DOWN_503,
                FaultInjectingProxy.Fault.INTERNAL_ERROR_500);

        int failed = 0;
        for (int i = 0; i < 100; i++) {
            HttpResponse<String> response = put("/bucket/key-" + i, "x");
            if (response.statusCode() >= 500) {
                failed++;
                assertThat(response.body()).containsAnyOf("<Code>SlowDown</Code>", "<Code>InternalError</Code>");
            }
        }
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(proxy.endpoint().resolve("/bucket/key-1")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(failed).isBetween(30, 70).isEqualTo(proxy.injectedCount());
        assertThat(get.statusCode()).isEqualTo(200);
    }

    @Test
    void aStall_looksLikeATimeoutToTheClient() {
        proxy.stallFor(Duration.ofSeconds(2));
        proxy.failRandomly(1.0, FaultInjectingProxy.objectPuts(), FaultInjectingProxy.Fault.STALL_AND_DROP);

        assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(proxy.endpoint().resolve("/bucket/k"))
                .timeout(Duration.ofMillis(300)).PUT(HttpRequest.BodyPublishers.ofString("x")).build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void aLostResponse_reachesTheUpstream_butTheClientSeesADroppedConnection() {
        proxy.failRandomly(1.0, FaultInjectingProxy.objectPuts(), FaultInjectingProxy.Fault.RESPONSE_LOST);

        assertThatThrownBy(() -> put("/bucket/written", "x")).isInstanceOf(IOException.class);

        assertThat(received).containsExactly("PUT /bucket/written");
        assertThat(proxy.injectedCount(FaultInjectingProxy.Fault.RESPONSE_LOST)).isEqualTo(1);
    }

    @Test
    void dynamoDbOperations_selectsByTheTargetHeader_only() throws Exception {
        proxy.failRandomlyWhere(1.0, FaultInjectingProxy.dynamoDbOperations("GetItem"), FaultInjectingProxy.Fault.INTERNAL_ERROR_500);

        assertThat(post("DynamoDB_20120810.GetItem").statusCode()).isEqualTo(500);
        assertThat(post("DynamoDB_20120810.UpdateItem").statusCode()).isEqualTo(200);
        assertThat(put("/bucket/k", "x").statusCode()).isEqualTo(200);
    }

    @Test
    void afterHealing_nothingFails() throws Exception {
        proxy.failRandomly(1.0, FaultInjectingProxy.objectPuts(), FaultInjectingProxy.Fault.SLOW_DOWN_503);
        assertThat(put("/bucket/k", "x").statusCode()).isEqualTo(503);

        proxy.heal();

        assertThat(put("/bucket/k", "x").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> post(String target) throws Exception {
        return http.send(HttpRequest.newBuilder(proxy.endpoint().resolve("/")).header("X-Amz-Target", target)
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> put(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(proxy.endpoint().resolve(path)).header("x-amz-meta-cause", "TTL")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
