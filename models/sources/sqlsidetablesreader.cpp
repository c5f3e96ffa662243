#include "sqlsidetablesreader.h"

#include "checksum.h"
#include "consistencyrowparser.h"
#include "eventstore.h"
#include "jsonrow.h"
#include "recoverydataloss.h"
#include "sqlcells.h"
#include "sqlconnection.h"
#include "sqlpushdown.h"

namespace StateScope {

SqlSideTablesReader::SqlSideTablesReader(TableScanContext context, EventStore &store, ExecutionLookup executionFor)
    : m_context(context)
    , m_store(store)
    , m_executionFor(std::move(executionFor))
{
}

QByteArray SqlSideTablesReader::restrict(const char *column) const
{
    return m_context.pushdown ? m_context.pushdown->restrict(column) : QByteArray();
}

std::function<void(SqlStatement &)> SqlSideTablesReader::binder(SqlPushdown::Ids ids) const
{
    if (!m_context.pushdown || !m_context.pushdown->active())
        return {};
    return [pushdown = m_context.pushdown, ids](SqlStatement &q) { pushdown->bindRestriction(q, ids); };
}

bool SqlSideTablesReader::read()
{
    return readExecutionStatus() && readCheckpoints() && readRecoveries() && readConsistency();
}

QString SqlSideTablesReader::shared(QByteArrayView text)
{
    const QByteArray key = text.toByteArray();
    auto it = m_shared.constFind(key);
    if (it == m_shared.cend()) {
        if (m_shared.size() > 4096) // ids, not names: stop sharing rather than grow without bound
            return QString::fromUtf8(text);
        it = m_shared.insert(key, QString::fromUtf8(text));
    }
    return *it;
}

bool SqlSideTablesReader::readExecutionStatus()
{
    return scanTable(m_context, "workflow_executions", "SELECT id, status FROM workflow_executions",
                    "SELECT id, status FROM workflow_executions" + restrict("id"), false, [this](SqlStatement &q) {
                        const ExecutionIndex e = m_store.findExecution(q.text(0));
                        if (e != StringInterner::kNotFound && !q.isNull(1))
                            m_store.setExecutionStatus(e, executionStatusFromString(q.text(1)));
                    }, binder(SqlPushdown::Ids::Executions));
}

bool SqlSideTablesReader::readCheckpoints()
{
    JsonRow json;
    QByteArray stateName;
    QString error;
    return scanTable(
        m_context, "state_checkpoints",
        "SELECT id, workflow_state_id, checkpoint_type, timestamp, state_snapshot, variables, size_bytes, checksum, "
        "recoverable FROM state_checkpoints",
        "SELECT id, workflow_state_id, checkpoint_type, timestamp, "
        "state_snapshot::text, variables::text, size_bytes, checksum, recoverable::int FROM state_checkpoints"
            + restrict("workflow_state_id"),
        false, [&](SqlStatement &q) {
            const QString table = QStringLiteral("state_checkpoints");
            if (q.isNull(0)) {
                m_context.result.addIssue({table, SqlCells::idText(q, 0), QStringLiteral("id is NULL")});
                return;
            }
            CheckpointInfo c;
            c.execution = m_executionFor(q.key(1));
            if (c.execution == kNoIndex) {
                m_context.result.addIssue({table, SqlCells::idText(q, 0),
                                           QStringLiteral("workflow_state_id names no readable workflow_states row")});
                return;
            }
            if (!SqlCells::timestamp(q, 3, &c.timestamp)) {
                m_context.result.addIssue({table, SqlCells::idText(q, 0), QStringLiteral("timestamp is not a timestamp")});
                return;
            }
            if (!q.isNull(8) && !SqlCells::boolean(q, 8, &c.recoverable)) {
                m_context.result.addIssue({table, SqlCells::idText(q, 0), QStringLiteral("recoverable is not a boolean")});
                return;
            }
            c.sizeBytes = q.isNull(6) ? -1 : q.int64(6);
            // A snapshot that is not JSON cannot match any checksum: it counts as corrupted,
            // which is what the operator must see, rather than vanishing from the report.
            if (!json.objectStringMember(q.text(4), "stateName", &stateName, &error))
                stateName.clear();
            c.status = verifyCheckpoint(q.text(4), q.text(5), q.text(7));
            m_store.addCheckpoint(q.text(0), q.text(2), stateName, c);
        }, binder(SqlPushdown::Ids::StateRows));
}

bool SqlSideTablesReader::readRecoveries()
{
    // data_loss is optional: a log without it still loads, its figures unknown. No note: the
    // report does not use them, and analyze prints load notes.
    const QString tableName = QStringLiteral("state_recovery_log");
    const bool hasDataLoss = m_context.connection.tableExists(tableName)
        && m_context.connection.columnExists(tableName, QStringLiteral("data_loss"));
    const QByteArray sqliteDataLoss = hasDataLoss ? "data_loss" : "NULL";
    const QByteArray postgresDataLoss = hasDataLoss ? "data_loss::text" : "NULL";
    return scanTable(
        m_context, "state_recovery_log",
        "SELECT id, workflow_state_id, recovery_time, recovery_type, from_checkpoint, to_state, recovery_duration_ms, "
        "success, error_details, " + sqliteDataLoss + " FROM state_recovery_log",
        "SELECT id, workflow_state_id, recovery_time, recovery_type, "
        "from_checkpoint, to_state, recovery_duration_ms, success::int, error_details::text, "
            + postgresDataLoss + " FROM state_recovery_log" + restrict("workflow_state_id"),
        false, [&](SqlStatement &q) {
            const QString table = QStringLiteral("state_recovery_log");
            RecoveryRecord r;
            r.id = SqlCells::idText(q, 0);
            r.execution = m_executionFor(q.key(1));
            if (r.execution == kNoIndex) {
                m_context.result.addIssue({table, r.id, QStringLiteral("workflow_state_id names no readable workflow_states row")});
                return;
            }
            if (!SqlCells::timestamp(q, 2, &r.time)) {
                m_context.result.addIssue({table, r.id, QStringLiteral("recovery_time is not a timestamp")});
                return;
            }
            bool success = false;
            if (!q.isNull(7)) {
                if (!SqlCells::boolean(q, 7, &success)) {
                    m_context.result.addIssue({table, r.id, QStringLiteral("success is not a boolean")});
                    return;
                }
                r.success = success ? 1 : 0;
            }
            bool ok = true;
            r.durationMs = q.isNull(6) ? -1 : q.int64(6, &ok);
            if (!ok || r.durationMs < -1) {
                m_context.result.addIssue({table, r.id, QStringLiteral("recovery_duration_ms is not a non-negative integer")});
                return;
            }
            r.type = shared(q.text(3));
            r.fromCheckpoint = QString::fromUtf8(q.text(4));
            r.toState = shared(q.text(5));
            r.errorDetails = QString::fromUtf8(q.text(8));
            // Any other shape (a bare number, other keys, JSON null) is unknown, never an issue.
            if (!q.isNull(9))
                RecoveryDataLoss::summarize(q.text(9), &r.transitionsRolledBack, &r.variablesChanged);
            recoveries.push_back(std::move(r));
        }, binder(SqlPushdown::Ids::StateRows));
}

bool SqlSideTablesReader::readConsistency()
{
    return scanTable(
        m_context, "state_consistency",
        "SELECT id, workflow_id, consistency_level, replication_factor, quorum_size, conflict_resolution, "
        "synchronization, divergence, created_at, updated_at FROM state_consistency",
        "SELECT id, workflow_id, consistency_level, replication_factor, quorum_size, conflict_resolution::text, "
        "synchronization::text, divergence::text, created_at, "
        "updated_at FROM state_consistency",
        false, [&](SqlStatement &q) {
            const QString table = QStringLiteral("state_consistency");
            const QString id = SqlCells::idText(q, 0);
            TimeMs created = kUnknownTime, updated = kUnknownTime;
            if (!SqlCells::timestamp(q, 8, &created) || !SqlCells::timestamp(q, 9, &updated)) {
                m_context.result.addIssue({table, id, QStringLiteral("created_at or updated_at is not a timestamp")});
                return;
            }
            bool okFactor = false, okQuorum = false;
            const qint64 factor = q.int64(3, &okFactor);
            const qint64 quorum = q.int64(4, &okQuorum);
            if (!okFactor || !okQuorum) {
                m_context.result.addIssue({table, id, QStringLiteral("replication_factor or quorum_size is not an integer")});
                return;
            }
            ConsistencySample sample;
            QString error;
            if (!parseConsistencyRow(q.text(5), q.text(6), q.text(7), &sample, &error)) {
                m_context.result.addIssue({table, id, error});
                return;
            }
            sample.workflow = m_store.ensureWorkflow(q.text(1));
            sample.time = updated != kUnknownTime ? updated : created;
            sample.level = QString::fromUtf8(q.text(2));
            sample.replicationFactor = int(factor);
            sample.quorumSize = int(quorum);
            consistency.push_back(std::move(sample));
        });
}

} // namespace StateScope
