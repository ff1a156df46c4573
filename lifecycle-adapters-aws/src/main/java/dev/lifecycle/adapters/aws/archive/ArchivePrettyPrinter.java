package dev.lifecycle.adapters.aws.archive;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import java.io.IOException;

// Stateful (it counts nesting): one instance per generator.
/** The white space of archive objects: a line per top-level field, nested values inline with ", " and ": ". */
final class ArchivePrettyPrinter implements PrettyPrinter {

    private int nesting;

    @Override
    public void writeRootValueSeparator(JsonGenerator json) {
        // one root value per object
    }

    @Override
    public void writeStartObject(JsonGenerator json) throws IOException {
        json.writeRaw('{');
        nesting++;
    }

    @Override
    public void beforeObjectEntries(JsonGenerator json) throws IOException {
        if (nesting == 1) {
            json.writeRaw("\n  ");
        }
    }

    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator json) throws IOException {
        json.writeRaw(": ");
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator json) throws IOException {
        json.writeRaw(nesting == 1 ? ",\n  " : ", ");
    }

    @Override
    public void writeEndObject(JsonGenerator json, int entries) throws IOException {
        nesting--;
        if (nesting == 0 && entries > 0) {
            json.writeRaw('\n');
        }
        json.writeRaw('}');
    }

    @Override
    public void writeStartArray(JsonGenerator json) throws IOException {
        json.writeRaw('[');
        nesting++;
    }

    @Override
    public void beforeArrayValues(JsonGenerator json) {
        // values follow the bracket directly
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator json) throws IOException {
        json.writeRaw(", ");
    }

    @Override
    public void writeEndArray(JsonGenerator json, int values) throws IOException {
        nesting--;
        json.writeRaw(']');
    }
}
