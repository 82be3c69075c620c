package io.verbatim.notify.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.verbatim.notify.config.NotifyConfig;
import io.verbatim.notify.messaging.DeliveryDeadLetters;
import io.verbatim.notify.persistence.DeliveryQueue;
import io.verbatim.notify.persistence.DeliveryQueue.Due;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Sends the due deliveries: every {@code poll-interval} it leases the heads of up to as many subscription queues as
 * it has idle workers ({@link DeliveryQueue#leaseDue}) and hands each to a worker of its own. One subscription has
 * at most one delivery in flight and its next one waits until that is settled, so its order is kept; a slow or dead
 * endpoint holds one worker for at most one try's deadline, and between tries it holds none: the others go on.
 * Outcomes are written before the lease is given back, so a crash (kill -9) leaves the delivery pending and it is
 * sent again after a restart: at least once, receivers deduplicate by {@code eventId}.
 */
@ApplicationScoped
public class DeliveryDispatcher {

    private static final Logger LOG = Logger.getLogger(DeliveryDispatcher.class);

    private final NotifyConfig config;
    private final DeliveryQueue queue;
    private final DeliveryDeadLetters deadLetters;
    private final MeterRegistry metrics;
    private final WebhookTargets targets;
    private final RetrySchedule schedule;
    private final Duration lease;
    private final Set<String> busy = ConcurrentHashMap.newKeySet();
    private final Clock clock = Clock.systemUTC();
    private WebhookSender sender;
    private ExecutorService workers;
    private ScheduledExecutorService poller;

    public DeliveryDispatcher(NotifyConfig config, DeliveryQueue queue, DeliveryDeadLetters deadLetters,
            MeterRegistry metrics, WebhookTargets targets) {
        this.config = config;
        this.targets = targets;
        this.queue = queue;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        NotifyConfig.Delivery delivery = config.delivery();
        this.schedule = new RetrySchedule(delivery.initialBackoff(), delivery.maxBackoff());
        // a try never outlasts connect + response time-out; the lease covers it with a wide margin
        this.lease = delivery.connectTimeout().plus(delivery.responseTimeout()).multipliedBy(2)
                .plus(Duration.ofSeconds(30));
    }

    void start(@Observes StartupEvent event) {
        NotifyConfig.Delivery delivery = config.delivery();
        sender = new WebhookSender(targets.policy(), delivery.connectTimeout(), delivery.responseTimeout(),
                delivery.workers(), delivery.userAgent());
        workers = Executors.newFixedThreadPool(delivery.workers(), task -> {
            Thread thread = new Thread(task, "webhook-worker");
            thread.setDaemon(true);
            return thread;
        });
        poller = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "webhook-dispatcher");
            thread.setDaemon(true);
            return thread;
        });
        queue.releaseLeasesOf(config.instanceId());
        poller.scheduleWithFixedDelay(this::dispatch, 0, delivery.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) throws IOException, InterruptedException {
        if (poller != null) {
            poller.shutdownNow();
            workers.shutdown();
            workers.awaitTermination(5, TimeUnit.SECONDS);
            sender.close();
        }
    }

    private void dispatch() {
        try {
            int idle = config.delivery().workers() - busy.size();
            if (idle <= 0) {
                return;
            }
            List<Due> due = queue.leaseDue(config.instanceId(), lease, idle, Set.copyOf(busy));
            for (Due delivery : due) {
                if (busy.add(delivery.subscriptionId())) {
                    workers.execute(() -> {
                        try {
                            deliver(delivery);
                        } finally {
                            busy.remove(delivery.subscriptionId());
                        }
                    });
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("webhook dispatch failed, trying again: %s", e.getMessage());
        }
    }

    private void deliver(Due due) {
        int attempt = due.attempts() + 1;
        byte[] body = WebhookBody.of(due.payload(), due.subscriptionId(), config.storePublicUrl());
        Instant now = clock.instant();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(WebhookSignature.HEADER, WebhookSignature.header(due.secret(), now.getEpochSecond(), body));
        headers.put("Verbatim-Event-Id", due.eventId());
        headers.put("Verbatim-Subscription-Id", due.subscriptionId());
        headers.put("Verbatim-Delivery-Attempt", Integer.toString(attempt));
        WebhookSender.Outcome outcome = sender.send(due.targetUrl(), body, headers, now);
        try {
            if (outcome instanceof WebhookSender.Delivered delivered) {
                queue.delivered(due, delivered.status());
                count("delivered");
            } else if (outcome instanceof WebhookSender.Retry retry && attempt < config.delivery().maxAttempts()) {
                Instant next = clock.instant().plus(schedule.after(attempt));
                if (retry.retryAfter().isPresent()) {
                    Instant latest = clock.instant().plus(config.delivery().maxRetryAfter());
                    Instant asked = retry.retryAfter().get();
                    next = asked.isAfter(latest) ? latest : asked.isBefore(clock.instant()) ? clock.instant() : asked;
                }
                queue.retryLater(due, retry.status(), retry.reason(), next);
                count("retried");
            } else {
                Integer status = outcome instanceof WebhookSender.Retry retry ? retry.status()
                        : ((WebhookSender.Refused) outcome).status();
                String reason = outcome instanceof WebhookSender.Retry retry
                        ? "gave up after " + attempt + " tries; the last: " + retry.reason()
                        : ((WebhookSender.Refused) outcome).reason();
                deadLetters.publish(due.subscriptionId(), due.eventId(), attempt, reason, body);
                queue.dead(due, status, reason);
                count("dead-lettered");
                LOG.warnf("delivery of %s to subscription %s dead-lettered: %s", due.eventId(), due.subscriptionId(),
                        reason);
            }
        } catch (Exception e) {
            // the lease runs out and the delivery, still pending, is tried again
            LOG.warnf("the outcome of delivery %d could not be recorded: %s", due.id(), e.getMessage());
        }
    }

    private void count(String outcome) {
        metrics.counter("verbatim.notify.delivery.attempts", "outcome", outcome).increment();
    }
}
