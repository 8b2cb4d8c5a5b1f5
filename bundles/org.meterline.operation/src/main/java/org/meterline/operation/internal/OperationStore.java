package org.meterline.operation.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;
import org.meterline.core.api.Caller;
import org.meterline.core.api.ObisCode;
import org.meterline.core.api.Page;
import org.meterline.core.api.PageRequest;
import org.meterline.operation.api.OperationOutcome;
import org.meterline.operation.api.OperationRecord;
import org.meterline.operation.api.OperationType;
import org.meterline.persistence.Jpa;
import org.meterline.persistence.SchemaMigrations;

/** The operation log and the reading item settings, per customer through EclipseLink multitenancy. */
final class OperationStore {

    private static final Map<String, String> SORT = Map.of("startedAt", "startedAt", "serialNumber", "serialNumber",
            "operation", "operation", "outcome", "outcome", "username", "username");

    private final DataSource dataSource;
    private final Jpa jpa;

    OperationStore(DataSource dataSource, EntityManagerFactory emf) {
        SchemaMigrations.migrate(dataSource, "operation", OperationStore.class.getClassLoader());
        this.dataSource = dataSource;
        this.jpa = new Jpa(emf);
    }

    /** Operations that were running when the platform stopped never end: say so. */
    int closeInterrupted() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "UPDATE ML_OPERATION_LOG SET OUTCOME = ?, ERROR_KIND = ?, ERROR_MESSAGE = ? WHERE OUTCOME = ?")) {
            st.setString(1, OperationOutcome.FAILED.name());
            st.setString(2, "cancelled");
            st.setString(3, "The platform stopped before the operation ended.");
            st.setString(4, OperationOutcome.RUNNING.name());
            return st.executeUpdate();
        }
    }

    /** Records a started operation; answers its id. */
    long start(Caller caller, long meterId, String serialNumber, OperationType type, List<ObisCode> items) {
        return jpa.inTenant(caller.tenantId(), em -> {
            OperationLogEntity e = new OperationLogEntity();
            e.meterId = meterId;
            e.serialNumber = serialNumber;
            e.username = caller.username();
            e.startedAt = Instant.now();
            e.operation = type.name();
            e.items = truncate(items.stream().map(Obis::dotted).collect(Collectors.joining(",")), 2000);
            e.outcome = OperationOutcome.RUNNING.name();
            em.persist(e);
            em.flush();
            return e.id;
        });
    }

    void finish(long tenantId, long id, OperationOutcome outcome, long durationMillis, String errorKind,
            String error) {
        jpa.inTenant(tenantId, em -> {
            OperationLogEntity e = em.find(OperationLogEntity.class, id);
            if (e != null) {
                e.outcome = outcome.name();
                e.durationMillis = durationMillis;
                e.errorKind = errorKind;
                e.errorMessage = error == null ? null : truncate(error, 500);
            }
            return null;
        });
    }

    Page<OperationRecord> list(Caller caller, Long meterId, PageRequest page) {
        String where = " WHERE LOWER(o.serialNumber) LIKE :f ESCAPE '\\'"
                + (meterId == null ? "" : " AND o.meterId = " + meterId.longValue());
        String order = page.sortField() == null ? " ORDER BY o.startedAt DESC, o.id DESC"
                : Jpa.orderBy("o", page, SORT, "startedAt");
        return jpa.inTenant(caller.tenantId(), em -> Jpa.page(em, page, "SELECT o FROM OperationLogEntity o" + where
                + order, "SELECT COUNT(o) FROM OperationLogEntity o" + where, OperationLogEntity.class,
                OperationLogEntity::toDto));
    }

    Optional<List<ObisCode>> settings(long tenantId, long modelId) {
        return jpa.inTenant(tenantId, em -> setting(em, modelId).map(s -> Arrays.stream(s.items.split(","))
                .filter(t -> !t.isBlank()).map(ObisCode::parse).collect(Collectors.toList())));
    }

    /** Saves the model's items; an empty list removes the setting. */
    void saveSettings(long tenantId, long modelId, List<ObisCode> items) {
        jpa.inTenant(tenantId, em -> {
            Optional<ReadingItemSettingEntity> existing = setting(em, modelId);
            if (items.isEmpty()) {
                existing.ifPresent(em::remove);
                return null;
            }
            ReadingItemSettingEntity s = existing.orElseGet(ReadingItemSettingEntity::new);
            s.modelId = modelId;
            s.items = items.stream().map(Obis::dotted).collect(Collectors.joining(","));
            if (existing.isEmpty()) {
                em.persist(s);
            }
            return null;
        });
    }

    private static Optional<ReadingItemSettingEntity> setting(javax.persistence.EntityManager em, long modelId) {
        return em.createQuery("SELECT s FROM ReadingItemSettingEntity s WHERE s.modelId = :m",
                ReadingItemSettingEntity.class).setParameter("m", modelId).getResultList().stream().findFirst();
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
