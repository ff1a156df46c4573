package dev.lifecycle.it.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LambdaRuntimeApiTest {

    private static final String ARN = "arn:aws:lambda:us-east-1:000000000000:function:lifecycle";

    private final HttpClient http = HttpClient.newHttpClient();
    private LambdaRuntimeApi api;

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void aRuntimeReceivesTheEvent_withLambdasHeaders_andItsResponseIsReturned() throws Exception {
        api = LambdaRuntimeApi.start(ARN, Duration.ofSeconds(5));
        CompletableFuture<HttpResponse<String>> next = poll();

        CompletableFuture<InvocationResult> result = CompletableFuture.supplyAsync(
                () -> api.invoke("{\"Records\":[]}".getBytes(StandardCharsets.UTF_8)));
        HttpResponse<String> delivered = next.get();
        String requestId = delivered.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
        post("invocation/" + requestId + "/response", "{\"batchItemFailures\":[]}");

        assertThat(delivered.body()).isEqualTo("{\"Records\":[]}");
        assertThat(delivered.headers().firstValue("Lambda-Runtime-Invoked-Function-Arn")).contains(ARN);
        assertThat(delivered.headers().firstValue("Lambda-Runtime-Deadline-Ms")).isPresent();
        assertThat(result.get()).isInstanceOfSatisfying(InvocationResult.Response.class,
                response -> assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("{\"batchItemFailures\":[]}"));
        assertThat(api.runtimeConnected()).isTrue();
    }

    @Test
    void aReportedError_failsTheInvocationWhole() throws Exception {
        api = LambdaRuntimeApi.start(ARN, Duration.ofSeconds(5));
        CompletableFuture<HttpResponse<String>> next = poll();
        CompletableFuture<InvocationResult> result = CompletableFuture.supplyAsync(() -> api.invoke(new byte[0]));
        String requestId = next.get().headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();

        post("invocation/" + requestId + "/error", "{\"errorMessage\":\"boom\",\"errorType\":\"java.lang.IllegalStateException\"}");

        assertThat(result.get()).isInstanceOfSatisfying(InvocationResult.FunctionError.class,
                error -> assertThat(error.body()).contains("boom"));
    }

    @Test
    void noRuntimeAnswering_isATimeout() {
        api = LambdaRuntimeApi.start(ARN, Duration.ofMillis(200));

        assertThat(api.invoke(new byte[0])).isInstanceOf(InvocationResult.Timeout.class);
    }

    @Test
    void aLateResponseForAnExpiredRequest_isRefused() throws Exception {
        api = LambdaRuntimeApi.start(ARN, Duration.ofMillis(300));
        CompletableFuture<HttpResponse<String>> next = poll();
        InvocationResult result = api.invoke(new byte[0]);
        String requestId = next.get().headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();

        HttpResponse<String> late = post("invocation/" + requestId + "/response", "{}");

        assertThat(result).isInstanceOf(InvocationResult.Timeout.class);
        assertThat(late.statusCode()).isEqualTo(400);
    }

    @Test
    void anInitialisationError_isRecorded() throws Exception {
        api = LambdaRuntimeApi.start(ARN, Duration.ofSeconds(1));

        post("init/error", "{\"errorMessage\":\"no handler\"}");

        assertThat(api.initError().get()).contains("no handler");
    }

    private CompletableFuture<HttpResponse<String>> poll() {
        return http.sendAsync(HttpRequest.newBuilder(uri("invocation/next")).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://" + api.address() + "/2018-06-01/runtime/" + path);
    }
}
