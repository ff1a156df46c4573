package dev.lifecycle.http.archive;

import dev.lifecycle.adapters.aws.json.DynamoDbJson;
import dev.lifecycle.domain.item.Item;
import dev.lifecycle.domain.item.ItemKey;
import dev.lifecycle.domain.retrieve.BrowseArchivesUseCase;
import dev.lifecycle.domain.table.TableName;
import dev.lifecycle.http.problem.ProblemException;

/** Items and keys as DynamoDB JSON ({@code {"orderId": {"S": "o-1"}}}) in requests and answers. */
public final class ItemJson {

    private ItemJson() {
    }

    public static String write(Item item) {
        return DynamoDbJson.writeAsString(item);
    }

    public static String write(ItemKey key) {
        return DynamoDbJson.writeAsString(new Item(key.asAttributes()));
    }

    /** The key in {@code field} (DynamoDB JSON text), or 400 naming the field and what is wrong with it. */
    public static ItemKey key(BrowseArchivesUseCase browse, TableName table, String field, String json) {
        if (json == null || json.isBlank()) {
            throw ProblemException.invalidField(field, "is required: the item's key attributes in DynamoDB JSON, "
                    + "for example {\"orderId\": {\"S\": \"o-1\"}}");
        }
        Item attributes;
        try {
            attributes = DynamoDbJson.parseItem(json);
        } catch (RuntimeException e) {
            throw ProblemException.invalidField(field, "is not DynamoDB JSON: " + e.getMessage());
        }
        try {
            return browse.keyOf(table, attributes);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(field, e.getMessage());
        }
    }
}
