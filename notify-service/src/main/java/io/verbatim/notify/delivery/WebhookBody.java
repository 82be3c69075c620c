package io.verbatim.notify.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.verbatim.events.EventJson;
import java.nio.charset.StandardCharsets;

/**
 * The JSON a webhook receives: the {@code statement.new} event as read from {@code statements.new}, every field as
 * it is, plus {@code subscriptionId} and {@code permalink} (the statement's stable URL in store-service's API).
 */
public final class WebhookBody {

    private WebhookBody() {
    }

    public static byte[] of(String statementJson, String subscriptionId, String storePublicUrl) {
        try {
            ObjectNode body = (ObjectNode) EventJson.mapper().readTree(statementJson);
            body.put("subscriptionId", subscriptionId);
            String base = storePublicUrl.endsWith("/") ? storePublicUrl.substring(0, storePublicUrl.length() - 1)
                    : storePublicUrl;
            body.put("permalink", base + "/api/statements/" + body.path("statementId").asText());
            return EventJson.mapper().writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalStateException("a stored statement is not a JSON object", e);
        }
    }
}
