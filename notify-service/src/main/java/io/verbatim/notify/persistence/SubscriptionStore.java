package io.verbatim.notify.persistence;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The subscription table: create, list, find, soft-delete (its pending deliveries are cancelled). */
@ApplicationScoped
public class SubscriptionStore {

    private static final String COLUMNS = "id, target_url, speaker_id, speaker_name, query, kind, source, "
            + "description, created_at, failing, failing_since, last_failure";

    private final AgroalDataSource dataSource;

    public SubscriptionStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void insert(Subscription subscription, String secret) {
        String sql = "insert into subscription (id, target_url, secret, speaker_id, speaker_name, query, kind, "
                + "source, description, created_at, changed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setString(1, subscription.id());
            insert.setString(2, subscription.targetUrl());
            insert.setString(3, secret);
            insert.setString(4, subscription.speakerId());
            insert.setString(5, subscription.speakerName());
            insert.setString(6, subscription.query());
            insert.setString(7, subscription.kind());
            insert.setString(8, subscription.source());
            insert.setString(9, subscription.description());
            insert.setTimestamp(10, Timestamp.from(subscription.createdAt()));
            insert.setTimestamp(11, Timestamp.from(subscription.createdAt()));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException("cannot store subscription " + subscription.id(), e);
        }
    }

    public int countActive() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count = connection.prepareStatement(
                        "select count(*) from subscription where deleted_at is null");
                ResultSet rows = count.executeQuery()) {
            rows.next();
            return rows.getInt(1);
        } catch (SQLException e) {
            throw new StorageException("cannot count subscriptions", e);
        }
    }

    /** Active subscriptions, oldest first, at most {@code limit}, after the id {@code afterId} when given. */
    public List<Subscription> list(int limit) {
        return query("select " + COLUMNS + " from subscription where deleted_at is null order by created_at, id "
                + "limit " + limit);
    }

    public Optional<Subscription> find(String id) {
        List<Subscription> found = query("select " + COLUMNS + " from subscription where deleted_at is null and id = ?",
                id);
        return found.stream().findFirst();
    }

    /** Marks the subscription deleted and cancels its pending deliveries; false if there was none. */
    public boolean delete(String id) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement delete = connection.prepareStatement("update subscription set deleted_at = now(), "
                    + "changed_at = now() where id = ? and deleted_at is null");
                    PreparedStatement cancel = connection.prepareStatement("update delivery set status = 'cancelled', "
                            + "finished_at = now() where subscription_id = ? and status = 'pending'")) {
                delete.setString(1, id);
                if (delete.executeUpdate() == 0) {
                    connection.rollback();
                    return false;
                }
                cancel.setString(1, id);
                cancel.executeUpdate();
                connection.commit();
                return true;
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StorageException("cannot delete subscription " + id, e);
        }
    }

    /** Every active subscription, for the index, with the latest change time seen. */
    public List<Subscription> allActive() {
        return query("select " + COLUMNS + " from subscription where deleted_at is null");
    }

    /** Changes whenever a subscription is created or deleted: tells when the index is stale. */
    public String fingerprint() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select max(changed_at), count(*), count(deleted_at) from subscription");
                ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getTimestamp(1) + "/" + rows.getLong(2) + "/" + rows.getLong(3);
        } catch (SQLException e) {
            throw new StorageException("cannot read subscription changes", e);
        }
    }

    /** The delivery log of a subscription, newest first. */
    public List<DeliveryRecord> deliveries(String subscriptionId, int limit) {
        String sql = "select id, event_id, status, attempts, last_status, last_error, created_at, next_attempt_at, "
                + "finished_at from delivery where subscription_id = ? order by id desc limit ?";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, subscriptionId);
            select.setInt(2, limit);
            List<DeliveryRecord> records = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    records.add(new DeliveryRecord(rows.getLong(1), rows.getString(2), rows.getString(3),
                            rows.getInt(4), (Integer) rows.getObject(5), rows.getString(6), instant(rows, 7),
                            "pending".equals(rows.getString(3)) ? instant(rows, 8) : null, instant(rows, 9)));
                }
            }
            return records;
        } catch (SQLException e) {
            throw new StorageException("cannot read the deliveries of " + subscriptionId, e);
        }
    }

    private List<Subscription> query(String sql, String... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setString(i + 1, parameters[i]);
            }
            List<Subscription> subscriptions = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    subscriptions.add(new Subscription(rows.getString(1), rows.getString(2), rows.getString(3),
                            rows.getString(4), rows.getString(5), rows.getString(6), rows.getString(7),
                            rows.getString(8), instant(rows, 9), rows.getBoolean(10), instant(rows, 11),
                            rows.getString(12)));
                }
            }
            return subscriptions;
        } catch (SQLException e) {
            throw new StorageException("cannot read subscriptions", e);
        }
    }

    static Instant instant(ResultSet rows, int column) throws SQLException {
        Timestamp timestamp = rows.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
