package dev.lifecycle.adapters.aws.archive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.domain.archive.ArchivalDecision;
import dev.lifecycle.domain.archive.KeyToken;
import dev.lifecycle.domain.item.AttributeValue;
import dev.lifecycle.domain.item.ItemKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** docs/archive-format.md never contradicts the code: its examples are what the code produces. */
class ArchiveFormatDocumentationTest {

    private static String docs;

    @BeforeAll
    static void readDocs() throws IOException {
        // surefire runs in the module's directory
        docs = Files.readString(Path.of("..", "docs", "archive-format.md"), StandardCharsets.UTF_8);
    }

    @Test
    void exampleObject_isWhatTheCodeWrites() {
        String written = new String(ArchiveJson.write(ArchiveExamples.archive().entry()), StandardCharsets.UTF_8);

        assertThat(docs).contains("```json\n" + written + "```");
    }

    @Test
    void exampleKey_isWhereTheDomainPutsIt() {
        ArchivalDecision.Archive archive = ArchiveExamples.archive();

        assertThat(docs).contains("```\n" + archive.location() + "\n```");
    }

    @Test
    void exampleMetadata_isWhatTheCodeSets() {
        StringBuilder expected = new StringBuilder("Content-Type: " + ArchiveJson.CONTENT_TYPE + "\n");
        ArchiveJson.objectMetadata(ArchiveExamples.archive().entry())
                .forEach((name, value) -> expected.append("x-amz-meta-").append(name).append(": ").append(value).append('\n'));

        assertThat(docs).contains(expected);
    }

    @Test
    void exampleCanonicalContent_isWhatTheChecksumCovers() {
        var entry = ArchiveExamples.archive().entry();

        assertThat(docs).contains("printf '%s' '" + entry.canonicalContent() + "' | sha256sum\n# " + entry.contentSha256() + "  -");
    }

    @Test
    void exampleStreamRecord_isTheFirstRecordOfTheTestEvent() {
        String event = new String(ArchiveExamples.resource("/lambda-stream-event.json"), StandardCharsets.UTF_8);
        String firstRecord = event.substring(event.indexOf("    {\n"), event.indexOf("\n    },") + "\n    }".length());
        String unindented = firstRecord.lines().map(line -> line.substring(4)).reduce((a, b) -> a + "\n" + b).orElseThrow();

        assertThat(docs).contains("```json\n" + unindented + "\n```");
    }

    @Test
    void tokenExamples_areWhatKeyTokenEncodes() {
        assertThat(docs)
                .contains("| `pk` S `customer#42`, `sk` S `order#2026-11-01` | `"
                        + KeyToken.encode(ItemKey.of("pk", AttributeValue.s("customer#42"), "sk", AttributeValue.s("order#2026-11-01"))) + "` |")
                .contains("| `id` N `1.50E+3` | `" + KeyToken.encode(ItemKey.of("id", AttributeValue.n("1.50E+3"))) + "` |")
                .contains("| `id` N `-0.0250` | `" + KeyToken.encode(ItemKey.of("id", AttributeValue.n("-0.0250"))) + "` |")
                .contains("| `id` B `3q2+7w==` (bytes DE AD BE EF) | `"
                        + KeyToken.encode(ItemKey.of("id", AttributeValue.b((byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef))) + "` |")
                .contains("| `pk` S `Zoë / ~ 50% off`, `sk` N `7` | `"
                        + KeyToken.encode(ItemKey.of("pk", AttributeValue.s("Zoë / ~ 50% off"), "sk", AttributeValue.n("7"))) + "` |");
    }
}
