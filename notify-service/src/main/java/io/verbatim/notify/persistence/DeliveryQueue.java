package io.verbatim.notify.persistence;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The durable delivery queues, one per subscription, in the {@code delivery} table. Enqueueing is idempotent: a
 * delivery is keyed by (subscription, eventId) and inserted with {@code on conflict do nothing}, so reading a
 * {@code statements.new} record again (after a crash, before its offset was committed) enqueues nothing twice.
 * Only the head of a queue (its oldest pending delivery) is ever sent, which keeps each subscription's order; a
 * lease on the subscription row makes sure one instance at a time sends to it.
 */
@ApplicationScoped
public class DeliveryQueue {

    private final AgroalDataSource dataSource;

    public DeliveryQueue(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A statement and the subscriptions it matched. */
    public record Matched(String eventId, String payload, Collection<String> subscriptionIds) {
    }

    /** A delivery due now: the head of its subscription's queue, with what is needed to send it. */
    public record Due(long id, String subscriptionId, String eventId, int attempts, String targetUrl, String secret,
            String payload) {
    }

    /** Enqueues a batch of matched statements in one transaction; returns how many deliveries were new. */
    public int enqueue(List<Matched> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement("insert into notified_statement "
                    + "(event_id, payload) values (?, ?) on conflict (event_id) do nothing");
                    PreparedStatement delivery = connection.prepareStatement("insert into delivery (subscription_id, "
                            + "event_id) select id, ? from subscription where id = ? and deleted_at is null "
                            + "on conflict (subscription_id, event_id) do nothing")) {
                for (Matched matched : batch) {
                    statement.setString(1, matched.eventId());
                    statement.setString(2, matched.payload());
                    statement.addBatch();
                    for (String subscriptionId : matched.subscriptionIds()) {
                        delivery.setString(1, matched.eventId());
                        delivery.setString(2, subscriptionId);
                        delivery.addBatch();
                    }
                }
                statement.executeBatch();
                int inserted = 0;
                for (int count : delivery.executeBatch()) {
                    inserted += Math.max(count, 0);
                }
                connection.commit();
                return inserted;
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StorageException("cannot enqueue deliveries", e);
        }
    }

    /** Gives back the leases this instance held before a restart: nothing is being sent by it now. */
    public void releaseLeasesOf(String owner) {
        update("update subscription set lease_owner = null, lease_until = null where lease_owner = ?", owner);
    }

    /**
     * Up to {@code limit} deliveries due now, each the head of its subscription's queue, each subscription leased to
     * {@code owner} for {@code lease} (subscriptions leased by anyone are skipped, as are {@code busy} ones).
     */
    public List<Due> leaseDue(String owner, Duration lease, int limit, Collection<String> busy) {
        String sql = "with heads as (select distinct on (subscription_id) id, subscription_id, event_id, attempts, "
                + "next_attempt_at from delivery where status = 'pending' order by subscription_id, id), "
                + "due as (select h.id from heads h join subscription s on s.id = h.subscription_id "
                + "where h.next_attempt_at <= now() and s.deleted_at is null "
                + "and (s.lease_until is null or s.lease_until < now()) and not (s.id = any (?)) "
                + "order by h.next_attempt_at limit ?), "
                + "leased as (update subscription s set lease_owner = ?, lease_until = now() + ? * interval '1 ms' "
                + "from delivery d where d.id in (select id from due) and s.id = d.subscription_id "
                + "and (s.lease_until is null or s.lease_until < now()) returning s.id, s.target_url, s.secret) "
                + "select d.id, d.subscription_id, d.event_id, d.attempts, l.target_url, l.secret, n.payload "
                + "from delivery d join leased l on l.id = d.subscription_id "
                + "join notified_statement n on n.event_id = d.event_id where d.id in (select id from due)";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            select.setArray(1, connection.createArrayOf("text", busy.toArray()));
            select.setInt(2, limit);
            select.setString(3, owner);
            select.setLong(4, lease.toMillis());
            List<Due> due = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    due.add(new Due(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getInt(4),
                            rows.getString(5), rows.getString(6), rows.getString(7)));
                }
            }
            return due;
        } catch (SQLException e) {
            throw new StorageException("cannot read due deliveries", e);
        }
    }

    /** The delivery succeeded: done, the subscription is no longer failing, its lease is given back. */
    public void delivered(Due due, int status) {
        transaction(connection -> {
            execute(connection, "update delivery set status = 'delivered', attempts = attempts + 1, last_status = ?, "
                    + "last_error = null, finished_at = now() where id = ?", status, due.id());
            execute(connection, "update subscription set failing = false, failing_since = null, lease_owner = null, "
                    + "lease_until = null where id = ?", due.subscriptionId());
        });
    }

    /** The try failed and another one is due at {@code next}; the lease is given back. */
    public void retryLater(Due due, Integer status, String error, Instant next) {
        transaction(connection -> {
            execute(connection, "update delivery set attempts = attempts + 1, last_status = ?, last_error = ?, "
                    + "next_attempt_at = ? where id = ?", status, error, Timestamp.from(next), due.id());
            execute(connection, "update subscription set lease_owner = null, lease_until = null where id = ?",
                    due.subscriptionId());
        });
    }

    /** Given up (already dead-lettered): the delivery is dead, the subscription failing; the lease is given back. */
    public void dead(Due due, Integer status, String error) {
        transaction(connection -> {
            execute(connection, "update delivery set status = 'dead', attempts = attempts + 1, last_status = ?, "
                    + "last_error = ?, finished_at = now() where id = ?", status, error, due.id());
            execute(connection, "update subscription set failing = true, failing_since = coalesce(failing_since, "
                    + "now()), last_failure = ?, lease_owner = null, lease_until = null where id = ?", error,
                    due.subscriptionId());
        });
    }

    private interface Work {
        void run(Connection connection) throws SQLException;
    }

    private void transaction(Work work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                work.run(connection);
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StorageException("cannot record a delivery's outcome", e);
        }
    }

    private static void execute(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    private void update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection()) {
            execute(connection, sql, parameters);
        } catch (SQLException e) {
            throw new StorageException("cannot update the delivery queue", e);
        }
    }
}
