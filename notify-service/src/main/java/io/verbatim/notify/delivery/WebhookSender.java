package io.verbatim.notify.delivery;

import io.verbatim.httpguard.GuardedDnsResolver;
import io.verbatim.httpguard.GuardedDnsResolver.AddressRefusedException;
import io.verbatim.httpguard.IpAddressPolicy;
import io.verbatim.httpguard.RetryAfterHeader;
import io.verbatim.httpguard.TargetUrls;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * Sends one webhook request: a POST of the body, signed, to a URL checked by the same rules as ingest-service's
 * fetcher (http-guard: {@link TargetUrls} before the request, {@link GuardedDnsResolver} on every address connected
 * to, so a name that re-resolves to a private address gets no connection). No redirects are followed, no cookies
 * kept, no automatic retries (the caller schedules them). One try never takes longer than the response timeout plus
 * the connect timeout: past that its connection is closed under it.
 */
public final class WebhookSender implements AutoCloseable {

    /** What one try came to. */
    public sealed interface Outcome {
    }

    /** 2xx. */
    public record Delivered(int status) implements Outcome {
    }

    /** Worth another try (5xx, 408, 429, a time-out, a connection that failed); {@code retryAfter} when asked. */
    public record Retry(Integer status, String reason, Optional<Instant> retryAfter) implements Outcome {
    }

    /** Another try would get the same answer (a refused address, 3xx, 4xx other than 408 and 429). */
    public record Refused(Integer status, String reason) implements Outcome {
    }

    private final IpAddressPolicy policy;
    private final CloseableHttpClient client;
    private final Duration deadline;
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "webhook-deadline");
        thread.setDaemon(true);
        return thread;
    });

    public WebhookSender(IpAddressPolicy policy, Duration connectTimeout, Duration responseTimeout, int connections,
            String userAgent) {
        this.policy = policy;
        this.deadline = connectTimeout.plus(responseTimeout);
        Timeout connect = Timeout.ofMilliseconds(connectTimeout.toMillis());
        Timeout response = Timeout.ofMilliseconds(responseTimeout.toMillis());
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new GuardedDnsResolver(policy))
                        .setMaxConnTotal(connections)
                        .setMaxConnPerRoute(connections)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(connect).setSocketTimeout(response).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(connect)
                        .setResponseTimeout(response)
                        .setRedirectsEnabled(false)
                        .build())
                .setUserAgent(userAgent)
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .build();
    }

    /** POSTs {@code body} with {@code headers} to {@code url}; never throws for a try that goes wrong. */
    public Outcome send(String url, byte[] body, Map<String, String> headers, Instant now) {
        URI target;
        try {
            target = URI.create(url);
        } catch (IllegalArgumentException e) {
            return new Refused(null, "refused: " + url + " is not a URL");
        }
        Optional<String> refusal = TargetUrls.refusal(target, policy);
        if (refusal.isPresent()) {
            return new Refused(null, refusal.get());
        }
        HttpPost post = new HttpPost(target);
        headers.forEach(post::setHeader);
        post.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> timer = deadlines.schedule(() -> {
            expired.set(true);
            post.cancel();
        }, deadline.toMillis(), TimeUnit.MILLISECONDS);
        try (ClassicHttpResponse response = client.executeOpen(null, post, null)) {
            int status = response.getCode();
            if (status >= 200 && status < 300) {
                return new Delivered(status);
            }
            String reason = "HTTP " + status + " from " + target.getHost();
            if (status == 429 || status == 408 || status >= 500) {
                Header retryAfter = response.getFirstHeader("Retry-After");
                return new Retry(status, reason, retryAfter == null ? Optional.empty()
                        : RetryAfterHeader.parse(retryAfter.getValue(), now));
            }
            return new Refused(status, reason + (status >= 300 && status < 400 ? " (redirects are not followed)"
                    : " (not retried: the receiver refuses this request)"));
        } catch (AddressRefusedException e) {
            return new Refused(null, e.getMessage());
        } catch (IOException e) {
            if (expired.get()) {
                return new Retry(null, "no answer from " + target.getHost() + " within " + deadline.toMillis()
                        + " ms", Optional.empty());
            }
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new Retry(null, e.getClass().getSimpleName() + ": " + message, Optional.empty());
        } finally {
            timer.cancel(false);
        }
    }

    @Override
    public void close() throws IOException {
        deadlines.shutdownNow();
        client.close();
    }
}
