#include "sqlstorereader.h"

#include "checksum.h"
#include "consistencyrowparser.h"
#include "definitionparser.h"
#include "eventstore.h"
#include "jsonrow.h"
#include "sqlcells.h"
#include "sqlconnection.h"

namespace StateScope {

namespace {
constexpr qint64 kTickRows = 65536; // progress and cancel checks, often enough for ~20 Hz
}

SqlStoreReader::SqlStoreReader(SqlConnection &connection, EventStore &store)
    : m_connection(connection)
    , m_store(store)
{
}

bool SqlStoreReader::tick(const char *phase, qint64 done, qint64 total)
{
    if (m_cancel && m_cancel->load(std::memory_order_relaxed)) {
        m_result.cancelled = true;
        return false;
    }
    if (m_progress)
        m_progress({QString::fromLatin1(phase), done, total});
    return true;
}

bool SqlStoreReader::runQuery(const char *table, const QByteArray &sqliteSql, const QByteArray &postgresSql,
                              bool required, const std::function<void(SqlStatement &)> &row)
{
    const QString tableName = QString::fromLatin1(table);
    if (!m_connection.tableExists(tableName)) {
        if (required) {
            m_result.error = QStringLiteral("%1: table %2 is missing: not a StateScope state database")
                                 .arg(m_connection.label(), tableName);
            return false;
        }
        m_result.notes.append(QStringLiteral("table %1 is absent").arg(tableName));
        return true;
    }
    const qint64 total = m_connection.estimateRows(tableName);
    QString error;
    const bool sqlite = m_connection.dialect() == SqlConnection::Dialect::SQLite;
    auto q = m_connection.prepare(sqlite ? sqliteSql : postgresSql, &error);
    if (!q) {
        const QString message = QStringLiteral("%1: cannot read table %2: %3").arg(m_connection.label(), tableName, error);
        if (required) {
            m_result.error = message;
            return false;
        }
        m_result.notes.append(message);
        return true;
    }
    qint64 done = 0;
    if (!tick(table, 0, total))
        return false;
    while (q->next()) {
        row(*q);
        if (++done % kTickRows == 0 && !tick(table, done, total))
            return false;
    }
    if (!q->error().isEmpty()) {
        const QString message = QStringLiteral("%1: reading table %2 failed after %3 rows: %4")
                                    .arg(m_connection.label(), tableName).arg(done).arg(q->error());
        if (required) {
            m_result.error = message;
            return false;
        }
        m_result.notes.append(message);
    }
    return tick(table, done, total);
}

quint32 SqlStoreReader::executionForStateRow(QByteArrayView workflowStateId) const
{
    char buffer[17];
    const quint32 row = m_stateRowIds.find(SqlCells::compactKey(workflowStateId, buffer));
    return row == StringInterner::kNotFound ? kNoIndex : m_stateRowExecution[row];
}

LoadResult SqlStoreReader::read()
{
    const bool ok = readWorkflows() && readDefinitions() && readWorkflowStates() && readExecutionStatus()
        && readTransitions() && readCheckpoints() && readRecoveries() && readConsistency();
    Q_UNUSED(ok); // the result says why it stopped
    // The id map is only needed while rows that reference workflow_states are read.
    m_stateRowIds.clear();
    std::vector<quint32>().swap(m_stateRowExecution);
    if (m_result.ok())
        m_store.finalize();
    return std::move(m_result);
}

bool SqlStoreReader::readWorkflows()
{
    return runQuery("workflows", "SELECT id, name, state_machine_id FROM workflows",
                    "SELECT id::text, name, state_machine_id::text FROM workflows", false, [this](SqlStatement &q) {
                        if (q.isNull(0)) {
                            m_result.addIssue({QStringLiteral("workflows"), QStringLiteral("(no id)"), QStringLiteral("id is NULL")});
                            return;
                        }
                        m_store.addWorkflow({QString::fromUtf8(q.text(0)), QString::fromUtf8(q.text(1)), QString::fromUtf8(q.text(2))});
                    });
}

bool SqlStoreReader::readDefinitions()
{
    return runQuery("state_machines",
                    "SELECT id, name, version, states, transitions, initial_state, final_states FROM state_machines",
                    "SELECT id::text, name, version, states::text, transitions::text, initial_state, "
                    "array_to_json(final_states)::text FROM state_machines",
                    false, [this](SqlStatement &q) {
                        DefinitionParseResult r = parseDefinitionRow(
                            QString::fromUtf8(q.text(0)), QString::fromUtf8(q.text(1)), QString::fromUtf8(q.text(2)),
                            q.text(3), q.text(4), QString::fromUtf8(q.text(5)), q.text(6));
                        if (!r.ok()) {
                            m_result.addIssue({QStringLiteral("state_machines"), SqlCells::idText(q, 0), r.error});
                            return;
                        }
                        m_store.definitions().push_back(std::move(r.definition));
                    });
}

bool SqlStoreReader::readWorkflowStates()
{
    JsonRow json;
    QByteArray stateName;
    QString error;
    return runQuery(
        "workflow_states", "SELECT id, workflow_id, execution_id, created_at, current_state FROM workflow_states",
        "SELECT id::text, workflow_id::text, execution_id::text, floor(extract(epoch from created_at) * 1000)::int8, "
        "current_state::text FROM workflow_states",
        true, [&](SqlStatement &q) {
            const QString table = QStringLiteral("workflow_states");
            if (q.isNull(0) || q.isNull(1) || q.isNull(2)) {
                m_result.addIssue({table, SqlCells::idText(q, 0), QStringLiteral("id, workflow_id or execution_id is NULL")});
                return;
            }
            TimeMs created = kUnknownTime;
            if (!SqlCells::timestamp(q, 3, &created)) {
                m_result.addIssue({table, SqlCells::idText(q, 0),
                                   QStringLiteral("created_at is not a timestamp: \"%1\"").arg(QString::fromUtf8(q.text(3)))});
                return;
            }
            if (q.isNull(4) || !json.objectStringMember(q.text(4), "stateName", &stateName, &error)) {
                m_result.addIssue({table, SqlCells::idText(q, 0),
                                   q.isNull(4) ? QStringLiteral("current_state is NULL") : QStringLiteral("current_state: ") + error});
                return;
            }
            const quint32 workflow = m_store.ensureWorkflow(q.text(1));
            const ExecutionIndex e = m_store.addExecution(q.text(2), workflow, created, ExecutionStatus::Unknown);
            if (!stateName.isEmpty() && m_store.executionInitialState(e) == kNoState)
                m_store.setExecutionInitialState(e, m_store.internState(stateName));
            char buffer[17];
            const quint32 row = m_stateRowIds.intern(SqlCells::compactKey(q.text(0), buffer));
            if (row == m_stateRowExecution.size())
                m_stateRowExecution.push_back(e);
            else
                m_result.addIssue({table, SqlCells::idText(q, 0), QStringLiteral("duplicate id")});
            ++m_result.executionsRead;
        });
}

bool SqlStoreReader::readExecutionStatus()
{
    return runQuery("workflow_executions", "SELECT id, status FROM workflow_executions",
                    "SELECT id::text, status FROM workflow_executions", false, [this](SqlStatement &q) {
                        const ExecutionIndex e = m_store.findExecution(q.text(0));
                        if (e != StringInterner::kNotFound && !q.isNull(1))
                            m_store.setExecutionStatus(e, executionStatusFromString(q.text(1)));
                    });
}

bool SqlStoreReader::readTransitions()
{
    const qint64 estimate = m_connection.estimateRows(QStringLiteral("state_transitions"));
    if (estimate > 0)
        m_store.reserveTransitions(size_t(estimate));
    quint64 orphans = 0;
    // States repeat in long runs: remember the last few names to skip most hash lookups.
    QByteArray lastFrom, lastTo;
    StateId lastFromId = kNoState, lastToId = kNoState;
    const bool ok = runQuery(
        "state_transitions",
        "SELECT id, workflow_state_id, from_state, to_state, transition_type, timestamp FROM state_transitions",
        "SELECT id::text, workflow_state_id::text, from_state, to_state, transition_type, "
        "floor(extract(epoch from timestamp) * 1000)::int8 FROM state_transitions",
        true, [&](SqlStatement &q) {
            const ExecutionIndex e = executionForStateRow(q.text(1));
            if (e == kNoIndex) {
                ++orphans;
                return;
            }
            TimeMs ts = kUnknownTime;
            if (!SqlCells::timestamp(q, 5, &ts) || ts == kUnknownTime) {
                m_result.addIssue({QStringLiteral("state_transitions"), SqlCells::idText(q, 0),
                                   QStringLiteral("timestamp is not a timestamp: \"%1\"").arg(QString::fromUtf8(q.text(5)))});
                return;
            }
            if (q.isNull(2) || q.isNull(3)) {
                m_result.addIssue({QStringLiteral("state_transitions"), SqlCells::idText(q, 0), QStringLiteral("from_state or to_state is NULL")});
                return;
            }
            const QByteArrayView from = q.text(2);
            const QByteArrayView to = q.text(3);
            if (lastFromId == kNoState || from != lastFrom) {
                lastFrom = from.toByteArray();
                lastFromId = m_store.internState(from);
            }
            if (lastToId == kNoState || to != lastTo) {
                lastTo = to.toByteArray();
                lastToId = m_store.internState(to);
            }
            m_store.appendTransition(e, lastFromId, lastToId, ts, transitionTypeFromString(q.text(4)));
            ++m_result.transitionsRead;
        });
    if (orphans > 0)
        m_result.addIssue({QStringLiteral("state_transitions"), QStringLiteral("(%1 rows)").arg(orphans),
                           QStringLiteral("workflow_state_id names no readable workflow_states row; skipped")});
    return ok;
}

bool SqlStoreReader::readCheckpoints()
{
    JsonRow json;
    QByteArray stateName;
    QString error;
    return runQuery(
        "state_checkpoints",
        "SELECT id, workflow_state_id, checkpoint_type, timestamp, state_snapshot, variables, size_bytes, checksum, "
        "recoverable FROM state_checkpoints",
        "SELECT id::text, workflow_state_id::text, checkpoint_type, floor(extract(epoch from timestamp) * 1000)::int8, "
        "state_snapshot::text, variables::text, size_bytes, checksum, recoverable::int FROM state_checkpoints",
        false, [&](SqlStatement &q) {
            const QString table = QStringLiteral("state_checkpoints");
            CheckpointInfo c;
            c.id = SqlCells::idText(q, 0);
            c.execution = executionForStateRow(q.text(1));
            if (c.execution == kNoIndex) {
                m_result.addIssue({table, c.id, QStringLiteral("workflow_state_id names no readable workflow_states row")});
                return;
            }
            if (!SqlCells::timestamp(q, 3, &c.timestamp)) {
                m_result.addIssue({table, c.id, QStringLiteral("timestamp is not a timestamp")});
                return;
            }
            if (!q.isNull(8) && !SqlCells::boolean(q, 8, &c.recoverable)) {
                m_result.addIssue({table, c.id, QStringLiteral("recoverable is not a boolean")});
                return;
            }
            c.type = QString::fromUtf8(q.text(2));
            c.sizeBytes = q.isNull(6) ? -1 : q.int64(6);
            // A snapshot that is not JSON cannot match any checksum: it counts as corrupted,
            // which is what the operator must see, rather than vanishing from the report.
            if (json.objectStringMember(q.text(4), "stateName", &stateName, &error))
                c.stateName = QString::fromUtf8(stateName);
            c.status = verifyCheckpoint(q.text(4), q.text(5), q.text(7));
            m_store.checkpoints().push_back(std::move(c));
        });
}

bool SqlStoreReader::readRecoveries()
{
    return runQuery(
        "state_recovery_log",
        "SELECT id, workflow_state_id, recovery_time, recovery_type, from_checkpoint, to_state, recovery_duration_ms, "
        "success, error_details FROM state_recovery_log",
        "SELECT id::text, workflow_state_id::text, floor(extract(epoch from recovery_time) * 1000)::int8, recovery_type, "
        "from_checkpoint::text, to_state, recovery_duration_ms, success::int, error_details::text FROM state_recovery_log",
        false, [&](SqlStatement &q) {
            const QString table = QStringLiteral("state_recovery_log");
            RecoveryRecord r;
            r.id = SqlCells::idText(q, 0);
            r.execution = executionForStateRow(q.text(1));
            if (r.execution == kNoIndex) {
                m_result.addIssue({table, r.id, QStringLiteral("workflow_state_id names no readable workflow_states row")});
                return;
            }
            if (!SqlCells::timestamp(q, 2, &r.time)) {
                m_result.addIssue({table, r.id, QStringLiteral("recovery_time is not a timestamp")});
                return;
            }
            bool success = false;
            if (!q.isNull(7)) {
                if (!SqlCells::boolean(q, 7, &success)) {
                    m_result.addIssue({table, r.id, QStringLiteral("success is not a boolean")});
                    return;
                }
                r.success = success ? 1 : 0;
            }
            bool ok = true;
            r.durationMs = q.isNull(6) ? -1 : q.int64(6, &ok);
            if (!ok || r.durationMs < -1) {
                m_result.addIssue({table, r.id, QStringLiteral("recovery_duration_ms is not a non-negative integer")});
                return;
            }
            r.type = QString::fromUtf8(q.text(3));
            r.fromCheckpoint = QString::fromUtf8(q.text(4));
            r.toState = QString::fromUtf8(q.text(5));
            r.errorDetails = QString::fromUtf8(q.text(8));
            m_store.recoveries().push_back(std::move(r));
        });
}

bool SqlStoreReader::readConsistency()
{
    return runQuery(
        "state_consistency",
        "SELECT id, workflow_id, consistency_level, replication_factor, quorum_size, conflict_resolution, "
        "synchronization, divergence, created_at, updated_at FROM state_consistency",
        "SELECT id::text, workflow_id::text, consistency_level, replication_factor, quorum_size, conflict_resolution::text, "
        "synchronization::text, divergence::text, floor(extract(epoch from created_at) * 1000)::int8, "
        "floor(extract(epoch from updated_at) * 1000)::int8 FROM state_consistency",
        false, [&](SqlStatement &q) {
            const QString table = QStringLiteral("state_consistency");
            const QString id = SqlCells::idText(q, 0);
            TimeMs created = kUnknownTime, updated = kUnknownTime;
            if (!SqlCells::timestamp(q, 8, &created) || !SqlCells::timestamp(q, 9, &updated)) {
                m_result.addIssue({table, id, QStringLiteral("created_at or updated_at is not a timestamp")});
                return;
            }
            bool okFactor = false, okQuorum = false;
            const qint64 factor = q.int64(3, &okFactor);
            const qint64 quorum = q.int64(4, &okQuorum);
            if (!okFactor || !okQuorum) {
                m_result.addIssue({table, id, QStringLiteral("replication_factor or quorum_size is not an integer")});
                return;
            }
            ConsistencySample sample;
            QString error;
            if (!parseConsistencyRow(q.text(5), q.text(6), q.text(7), &sample, &error)) {
                m_result.addIssue({table, id, error});
                return;
            }
            sample.workflow = m_store.ensureWorkflow(q.text(1));
            sample.time = updated != kUnknownTime ? updated : created;
            sample.level = QString::fromUtf8(q.text(2));
            sample.replicationFactor = int(factor);
            sample.quorumSize = int(quorum);
            m_store.consistency().push_back(std::move(sample));
        });
}

} // namespace StateScope
