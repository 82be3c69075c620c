package io.verbatim.notify.api;

import io.verbatim.events.http.Problem;
import io.verbatim.notify.config.NotifyConfig;
import io.verbatim.notify.delivery.WebhookSignature;
import io.verbatim.notify.delivery.WebhookTargets;
import io.verbatim.notify.match.SubscriptionRegistry;
import io.verbatim.notify.match.TextQuery;
import io.verbatim.notify.persistence.DeliveryRecord;
import io.verbatim.notify.persistence.Subscription;
import io.verbatim.notify.persistence.SubscriptionStore;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Subscriptions: a filter and a webhook. Created with {@code POST} (the answer holds the signing secret, the only
 * time it is shown), listed, read, deleted; each has a delivery log. Behind the API key.
 */
@Path("/api/subscriptions")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class SubscriptionResource {

    static final Set<String> KINDS = Set.of("transcript", "address");
    private static final int MAX_FIELD = 200;
    private static final int MAX_QUERY = 500;

    private final SubscriptionStore store;
    private final SubscriptionRegistry registry;
    private final WebhookTargets targets;
    private final NotifyConfig config;

    public SubscriptionResource(SubscriptionStore store, SubscriptionRegistry registry, WebhookTargets targets,
            NotifyConfig config) {
        this.store = store;
        this.registry = registry;
        this.targets = targets;
        this.config = config;
    }

    /** A delivery of the log, as listed. */
    public record DeliveryView(String eventId, String status, int attempts, Integer lastStatus, String lastError,
            Instant createdAt, Instant nextAttemptAt, Instant finishedAt) {

        static DeliveryView of(DeliveryRecord record) {
            return new DeliveryView(record.eventId(), record.status(), record.attempts(), record.lastStatus(),
                    record.lastError(), record.createdAt(), record.nextAttemptAt(), record.finishedAt());
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subscribe a webhook to the statements a filter matches; the answer shows the secret once")
    public Response create(SubscriptionRequest request) {
        if (request == null) {
            throw Problem.exception(Response.Status.BAD_REQUEST, "the body is empty: send a subscription");
        }
        targets.refusal(request.url()).ifPresent(reason -> {
            throw Problem.exception(Response.Status.BAD_REQUEST, reason);
        });
        String query = text(request.query(), "query", MAX_QUERY);
        if (query != null) {
            TextQuery parsed = TextQuery.parse(query);
            if (parsed.onlyExcludes()) {
                throw Problem.exception(Response.Status.BAD_REQUEST, "query needs at least one word that is not "
                        + "excluded: a query that only excludes words (-word) would match nearly every statement");
            }
            if (parsed.isEmpty()) {
                throw Problem.exception(Response.Status.BAD_REQUEST,
                        "query has only stop words (\"the\", \"of\", …): it would match nothing");
            }
        }
        String kind = text(request.kind(), "kind", MAX_FIELD);
        if (kind != null && !KINDS.contains(kind.toLowerCase(Locale.ROOT))) {
            throw Problem.exception(Response.Status.BAD_REQUEST, "kind is one of " + KINDS + ", not " + kind);
        }
        if (store.countActive() >= config.maxSubscriptions()) {
            throw Problem.exception(Response.Status.CONFLICT, "there are already " + config.maxSubscriptions()
                    + " subscriptions (verbatim.notify.max-subscriptions); delete one first");
        }
        Subscription subscription = new Subscription("sub_" + UUID.randomUUID().toString().replace("-", ""),
                request.url().strip(), text(request.speakerId(), "speakerId", MAX_FIELD),
                text(request.speakerName(), "speakerName", MAX_FIELD), query,
                kind == null ? null : kind.toLowerCase(Locale.ROOT), text(request.source(), "source", MAX_FIELD),
                text(request.description(), "description", MAX_FIELD), Instant.now().truncatedTo(ChronoUnit.MICROS),
                false, null, null);
        String secret = WebhookSignature.newSecret();
        store.insert(subscription, secret);
        registry.reload();
        return Response.created(URI.create("/api/subscriptions/" + subscription.id()))
                .entity(SubscriptionView.of(subscription, secret)).build();
    }

    @GET
    @Operation(summary = "Every subscription (without secrets), oldest first")
    public List<SubscriptionView> list(@QueryParam("limit") Integer limit) {
        int pageSize = limit == null ? 1000 : Math.max(1, Math.min(limit, 10_000));
        return store.list(pageSize).stream().map(s -> SubscriptionView.of(s, null)).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One subscription, with its status (active or failing)")
    public SubscriptionView get(@PathParam("id") String id) {
        return SubscriptionView.of(existing(id), null);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Deletes a subscription; its pending deliveries are cancelled")
    public Response delete(@PathParam("id") String id) {
        if (!store.delete(id)) {
            throw notFound(id);
        }
        registry.reload();
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "The delivery log: status, attempts, last HTTP status and error, newest first")
    public List<DeliveryView> deliveries(@PathParam("id") String id, @QueryParam("limit") Integer limit) {
        existing(id);
        int pageSize = limit == null ? 100 : Math.max(1, Math.min(limit, 1000));
        return store.deliveries(id, pageSize).stream().map(DeliveryView::of).toList();
    }

    private Subscription existing(String id) {
        return store.find(id).orElseThrow(() -> notFound(id));
    }

    private static RuntimeException notFound(String id) {
        return Problem.exception(Response.Status.NOT_FOUND, "no subscription " + id);
    }

    private static String text(String value, String name, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > max) {
            throw Problem.exception(Response.Status.BAD_REQUEST, name + " is longer than " + max + " characters");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw Problem.exception(Response.Status.BAD_REQUEST, name + " contains a control character");
        }
        return value.strip();
    }
}
