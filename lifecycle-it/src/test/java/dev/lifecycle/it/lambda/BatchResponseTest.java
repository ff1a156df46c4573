package dev.lifecycle.it.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BatchResponseTest {

    @Test
    void identifiersAreRead_inOrder_ignoringOtherFields() throws IOException {
        assertThat(EventSourceMapping.batchItemFailures(bytes(
                "{\"other\":{\"x\":[1]},\"batchItemFailures\":[{\"itemIdentifier\":\"20\"},{\"itemIdentifier\":\"10\",\"y\":1}]}")))
                .containsExactly("20", "10");
    }

    @Test
    void nullEmptyOrMissingList_meansCompleteSuccess_asInLambda() throws IOException {
        assertThat(EventSourceMapping.batchItemFailures(bytes(""))).isEmpty();
        assertThat(EventSourceMapping.batchItemFailures(bytes("null"))).isEmpty();
        assertThat(EventSourceMapping.batchItemFailures(bytes("{}"))).isEmpty();
        assertThat(EventSourceMapping.batchItemFailures(bytes("{\"batchItemFailures\":null}"))).isEmpty();
        assertThat(EventSourceMapping.batchItemFailures(bytes("{\"batchItemFailures\":[]}"))).isEmpty();
    }

    @Test
    void aFailureWithoutIdentifier_becomesAnEmptyIdentifier_whichFailsTheBatchWhole() throws IOException {
        assertThat(EventSourceMapping.batchItemFailures(bytes("{\"batchItemFailures\":[{}]}"))).containsExactly("");
        assertThat(EventSourceMapping.batchItemFailures(bytes("{\"batchItemFailures\":[{\"itemIdentifier\":null}]}")))
                .containsExactly("");
    }

    @Test
    void aResponseThatIsNoObject_isRefused() {
        assertThatThrownBy(() -> EventSourceMapping.batchItemFailures(bytes("[1,2]"))).isInstanceOf(IOException.class);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
