package io.verbatim.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.httpguard.IpAddressPolicy;
import io.verbatim.notify.WebhookReceiver;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** One try against a real receiver: what each answer comes to. */
class WebhookSenderTest {

    private static final byte[] BODY = "{\"eventId\":\"e\"}".getBytes(StandardCharsets.UTF_8);
    private WebhookReceiver receiver;
    private WebhookSender sender;

    @BeforeEach
    void start() throws Exception {
        receiver = new WebhookReceiver();
        sender = new WebhookSender(new IpAddressPolicy(Set.of("localhost"), "verbatim.notify.allowed-hosts"),
                Duration.ofMillis(500), Duration.ofMillis(500), 4, "test");
    }

    @AfterEach
    void stop() throws Exception {
        sender.close();
        receiver.close();
    }

    @Test
    void aTwoHundredIsDeliveredWithTheBodyAndHeadersAsSent() {
        String url = receiver.endpoint("/ok", n -> 204);

        WebhookSender.Outcome outcome = sender.send(url, BODY, Map.of("Verbatim-Event-Id", "e"), Instant.now());

        assertThat(outcome).isEqualTo(new WebhookSender.Delivered(204));
        assertThat(receiver.requestsTo("/ok")).singleElement().satisfies(r -> {
            assertThat(r.body()).isEqualTo(BODY);
            assertThat(r.header("Verbatim-Event-Id")).isEqualTo("e");
            assertThat(r.header("Content-Type")).startsWith("application/json");
        });
    }

    @Test
    void tooManyRequestsIsRetriedWhenItsRetryAfterSays() {
        String url = receiver.endpoint("/busy", n -> 429);
        Instant now = Instant.parse("2026-12-03T10:00:00Z");

        WebhookSender.Outcome outcome = sender.send(url, BODY, Map.of(), now);

        assertThat(outcome).isInstanceOfSatisfying(WebhookSender.Retry.class, retry -> {
            assertThat(retry.status()).isEqualTo(429);
            assertThat(retry.retryAfter()).contains(now.plusSeconds(1));
        });
    }

    @Test
    void serverErrorsAreRetriedAndClientErrorsAndRedirectsAreNot() {
        assertThat(sender.send(receiver.endpoint("/down", n -> 503), BODY, Map.of(), Instant.now()))
                .isInstanceOf(WebhookSender.Retry.class);
        assertThat(sender.send(receiver.endpoint("/gone", n -> 410), BODY, Map.of(), Instant.now()))
                .isInstanceOf(WebhookSender.Refused.class);
        assertThat(sender.send(receiver.endpoint("/moved", n -> 302), BODY, Map.of(), Instant.now()))
                .isInstanceOfSatisfying(WebhookSender.Refused.class,
                        refused -> assertThat(refused.reason()).contains("redirects are not followed"));
    }

    @Test
    @Timeout(20)
    void aReceiverThatNeverAnswersIsATimeOutWorthRetrying() {
        String url = receiver.endpoint("/silent", n -> WebhookReceiver.NEVER);

        WebhookSender.Outcome outcome = sender.send(url, BODY, Map.of(), Instant.now());

        assertThat(outcome).isInstanceOf(WebhookSender.Retry.class);
    }

    @Test
    void aPrivateAddressThatIsNotAllowlistedGetsNoRequest() {
        String literal = "http://127.0.0.1:" + receiver.port() + "/ok";
        receiver.endpoint("/ok", n -> 200);

        WebhookSender.Outcome outcome = sender.send(literal, BODY, Map.of(), Instant.now());

        assertThat(outcome).isInstanceOfSatisfying(WebhookSender.Refused.class,
                refused -> assertThat(refused.reason()).contains("loopback"));
        assertThat(receiver.requestsTo("/ok")).isEmpty();
    }
}
