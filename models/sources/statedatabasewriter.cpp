#include "statedatabasewriter.h"

#include "definitionparser.h"
#include "sqlconnection.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace StateScope {

StateDatabaseWriter::StateDatabaseWriter(SqlConnection &connection)
    : m_connection(connection)
{
}

StateDatabaseWriter::~StateDatabaseWriter() = default;

bool StateDatabaseWriter::prepare(QString *error)
{
    auto p = [this, error](const char *sql) {
        auto statement = m_connection.prepare(sql, error);
        return statement;
    };
    m_machine = p("INSERT INTO state_machines (id, name, version, definition, states, transitions, initial_state, "
                  "final_states) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)");
    m_workflow = p("INSERT INTO workflows (id, name, state_machine_id, created_at) VALUES ($1, $2, $3, $4)");
    m_execution = p("INSERT INTO workflow_executions (id, workflow_id, status, started_at, completed_at) "
                    "VALUES ($1, $2, $3, $4, $5)");
    m_executionUpdate = p("UPDATE workflow_executions SET status = $2, completed_at = $3 WHERE id = $1");
    m_state = p("INSERT INTO workflow_states (id, workflow_id, execution_id, state_version, current_state, variables, "
                "persistence, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, "
                "'{\"backend\":\"database\",\"strategy\":\"checkpoint\"}', $7, $8)");
    m_stateUpdate = p("UPDATE workflow_states SET state_version = $2, current_state = $3, variables = $4, updated_at = $5 "
                      "WHERE id = $1");
    m_transition = p("INSERT INTO state_transitions (id, workflow_state_id, transition_id, from_state, to_state, "
                     "transition_type, timestamp, duration_ms, trigger, created_at) "
                     "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, '{\"type\":\"automatic\"}', $7)");
    m_checkpoint = p("INSERT INTO state_checkpoints (id, workflow_state_id, checkpoint_type, timestamp, state_snapshot, "
                     "variables, storage_location, size_bytes, checksum, recoverable) "
                     "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)");
    m_recovery = p("INSERT INTO state_recovery_log (id, workflow_state_id, recovery_time, recovery_type, from_checkpoint, "
                   "to_state, recovery_duration_ms, data_loss, success, error_details) "
                   "VALUES ($1, $2, $3, 'checkpoint', $4, $5, $6, $7, $8, $9)");
    m_consistency = p("INSERT INTO state_consistency (id, workflow_id, consistency_level, consensus_protocol, "
                      "replication_factor, quorum_size, conflict_resolution, synchronization, divergence, last_consensus, "
                      "created_at, updated_at) VALUES ($1, $2, $3, 'raft', $4, $5, $6, $7, $8, $9, $9, $9)");
    return m_machine && m_workflow && m_execution && m_executionUpdate && m_state && m_stateUpdate && m_transition
        && m_checkpoint && m_recovery && m_consistency;
}

QByteArray StateDatabaseWriter::stateSnapshotJson(QByteArrayView name, QByteArrayView type, TimeMs enteredAt)
{
    QJsonObject o{{QStringLiteral("stateName"), QString::fromUtf8(name)}};
    if (!type.isEmpty())
        o.insert(QStringLiteral("stateType"), QString::fromUtf8(type));
    if (enteredAt != kUnknownTime)
        o.insert(QStringLiteral("enteredAt"), TimeUtil::formatUtcString(enteredAt));
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

bool StateDatabaseWriter::run(SqlStatement &statement)
{
    const bool ok = statement.exec();
    if (!ok)
        m_error = statement.error();
    statement.reset();
    return ok;
}

namespace {
void bindTime(SqlStatement &q, int index, TimeMs t)
{
    if (t == kUnknownTime)
        q.bindNull(index);
    else
        q.bindText(index, TimeUtil::formatUtc(t));
}

void bindOptionalText(SqlStatement &q, int index, QByteArrayView text)
{
    if (text.isEmpty())
        q.bindNull(index);
    else
        q.bindText(index, text);
}
} // namespace

bool StateDatabaseWriter::insertStateMachine(QByteArrayView id, QByteArrayView name, QByteArrayView version,
                                             QByteArrayView statesJson, QByteArrayView transitionsJson,
                                             QByteArrayView initialState, const QStringList &finalStates)
{
    SqlStatement &q = *m_machine;
    q.bindText(1, id);
    q.bindText(2, name);
    q.bindText(3, version);
    q.bindText(4, R"({"language":"custom"})");
    q.bindText(5, statesJson);
    q.bindText(6, transitionsJson);
    q.bindText(7, initialState);
    if (m_connection.dialect() == SqlConnection::Dialect::PostgreSQL) { // TEXT[] literal, items quoted
        QStringList quoted;
        for (QString s : finalStates)
            quoted.append(QLatin1Char('"') + s.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('"'), QStringLiteral("\\\"")) + QLatin1Char('"'));
        q.bindText(8, QString(QLatin1Char('{') + quoted.join(QLatin1Char(',')) + QLatin1Char('}')).toUtf8());
    } else {
        q.bindText(8, QJsonDocument(QJsonArray::fromStringList(finalStates)).toJson(QJsonDocument::Compact));
    }
    return run(q);
}

bool StateDatabaseWriter::insertStateMachine(QByteArrayView id, const StateMachineDefinition &d)
{
    return insertStateMachine(id, d.name.toUtf8(), d.version.toUtf8(),
                              QJsonDocument(definitionStatesJson(d)).toJson(QJsonDocument::Compact),
                              QJsonDocument(definitionTransitionsJson(d)).toJson(QJsonDocument::Compact),
                              d.initialState.toUtf8(), d.finalStates);
}

bool StateDatabaseWriter::insertWorkflow(QByteArrayView id, QByteArrayView name, QByteArrayView stateMachineId, TimeMs created)
{
    SqlStatement &q = *m_workflow;
    q.bindText(1, id);
    q.bindText(2, name);
    bindOptionalText(q, 3, stateMachineId);
    bindTime(q, 4, created);
    return run(q);
}

bool StateDatabaseWriter::insertExecution(QByteArrayView id, QByteArrayView workflowId, QByteArrayView status,
                                          TimeMs started, TimeMs completed)
{
    SqlStatement &q = *m_execution;
    q.bindText(1, id);
    q.bindText(2, workflowId);
    q.bindText(3, status);
    bindTime(q, 4, started);
    bindTime(q, 5, completed);
    return run(q);
}

bool StateDatabaseWriter::updateExecution(QByteArrayView id, QByteArrayView status, TimeMs completed)
{
    SqlStatement &q = *m_executionUpdate;
    q.bindText(1, id);
    q.bindText(2, status);
    bindTime(q, 3, completed);
    return run(q);
}

bool StateDatabaseWriter::insertWorkflowState(QByteArrayView rowId, QByteArrayView workflowId, QByteArrayView executionId,
                                              qint64 version, QByteArrayView currentStateJson, QByteArrayView variablesJson,
                                              TimeMs created, TimeMs updated)
{
    SqlStatement &q = *m_state;
    q.bindText(1, rowId);
    q.bindText(2, workflowId);
    q.bindText(3, executionId);
    q.bindInt64(4, version);
    q.bindText(5, currentStateJson);
    q.bindText(6, variablesJson.isEmpty() ? QByteArrayView("{}") : variablesJson);
    bindTime(q, 7, created);
    bindTime(q, 8, updated);
    return run(q);
}

bool StateDatabaseWriter::updateWorkflowState(QByteArrayView rowId, qint64 version, QByteArrayView currentStateJson,
                                              QByteArrayView variablesJson, TimeMs updated)
{
    SqlStatement &q = *m_stateUpdate;
    q.bindText(1, rowId);
    q.bindInt64(2, version);
    q.bindText(3, currentStateJson);
    q.bindText(4, variablesJson.isEmpty() ? QByteArrayView("{}") : variablesJson);
    bindTime(q, 5, updated);
    return run(q);
}

bool StateDatabaseWriter::insertTransition(QByteArrayView id, QByteArrayView stateRowId, QByteArrayView transitionId,
                                           QByteArrayView from, QByteArrayView to, QByteArrayView type, TimeMs at,
                                           qint64 durationMs)
{
    SqlStatement &q = *m_transition;
    q.bindText(1, id);
    q.bindText(2, stateRowId);
    q.bindText(3, transitionId);
    q.bindText(4, from);
    q.bindText(5, to);
    q.bindText(6, type);
    bindTime(q, 7, at);
    if (durationMs < 0)
        q.bindNull(8);
    else
        q.bindInt64(8, durationMs);
    return run(q);
}

bool StateDatabaseWriter::insertCheckpoint(QByteArrayView id, QByteArrayView stateRowId, QByteArrayView type, TimeMs at,
                                           QByteArrayView snapshotJson, QByteArrayView variablesJson,
                                           QByteArrayView location, qint64 sizeBytes, QByteArrayView checksum,
                                           bool recoverable)
{
    SqlStatement &q = *m_checkpoint;
    q.bindText(1, id);
    q.bindText(2, stateRowId);
    q.bindText(3, type);
    bindTime(q, 4, at);
    q.bindText(5, snapshotJson);
    q.bindText(6, variablesJson);
    bindOptionalText(q, 7, location);
    q.bindInt64(8, sizeBytes);
    bindOptionalText(q, 9, checksum);
    q.bindBool(10, recoverable);
    return run(q);
}

bool StateDatabaseWriter::insertRecovery(QByteArrayView id, QByteArrayView stateRowId, TimeMs at,
                                         QByteArrayView fromCheckpoint, QByteArrayView toState, qint64 durationMs,
                                         QByteArrayView dataLossJson, bool success, QByteArrayView errorJson)
{
    SqlStatement &q = *m_recovery;
    q.bindText(1, id);
    q.bindText(2, stateRowId);
    bindTime(q, 3, at);
    bindOptionalText(q, 4, fromCheckpoint);
    bindOptionalText(q, 5, toState);
    q.bindInt64(6, durationMs);
    bindOptionalText(q, 7, dataLossJson);
    q.bindBool(8, success);
    bindOptionalText(q, 9, errorJson);
    return run(q);
}

bool StateDatabaseWriter::insertConsistency(QByteArrayView id, QByteArrayView workflowId, QByteArrayView level,
                                            int replicationFactor, int quorumSize, QByteArrayView conflictJson,
                                            QByteArrayView synchronizationJson, QByteArrayView divergenceJson, TimeMs at)
{
    SqlStatement &q = *m_consistency;
    q.bindText(1, id);
    q.bindText(2, workflowId);
    q.bindText(3, level);
    q.bindInt64(4, replicationFactor);
    q.bindInt64(5, quorumSize);
    q.bindText(6, conflictJson);
    q.bindText(7, synchronizationJson);
    q.bindText(8, divergenceJson.isEmpty() ? QByteArrayView("[]") : divergenceJson);
    bindTime(q, 9, at);
    return run(q);
}

} // namespace StateScope

namespace StateScope {

bool StateDatabaseWriter::insertConsistency(QByteArrayView id, QByteArrayView workflowId, const ConsistencySample &s, TimeMs at)
{
    QJsonArray nodes;
    for (const ReplicaNode &n : s.nodes) {
        nodes.append(QJsonObject{{QStringLiteral("nodeId"), n.nodeId}, {QStringLiteral("lagMs"), n.lagMs},
                                 {QStringLiteral("pendingChanges"), n.pendingChanges}, {QStringLiteral("inSync"), n.inSync}});
    }
    const QByteArray sync = QJsonDocument(QJsonObject{{QStringLiteral("lastSync"), TimeUtil::formatUtcString(at)},
                                                      {QStringLiteral("syncLag"), s.maxLagMs},
                                                      {QStringLiteral("pendingChanges"), s.pendingChanges},
                                                      {QStringLiteral("nodes"), nodes}})
                                .toJson(QJsonDocument::Compact);
    // The seed keeps conflicts in conflict_resolution.conflictLog: one entry per conflict.
    QJsonArray log;
    for (qint64 i = 0; i < s.conflicts; ++i)
        log.append(i < s.divergence.size() ? s.divergence[qsizetype(i)] : QStringLiteral("conflict"));
    const QByteArray conflicts = QJsonDocument(QJsonObject{{QStringLiteral("strategy"), QStringLiteral("last_write_wins")},
                                                           {QStringLiteral("conflictLog"), log}})
                                     .toJson(QJsonDocument::Compact);
    return insertConsistency(id, workflowId, s.level.isEmpty() ? QByteArray("unknown") : s.level.toUtf8(),
                             s.replicationFactor, s.quorumSize, conflicts, sync,
                             QJsonDocument(QJsonArray::fromStringList(s.divergence)).toJson(QJsonDocument::Compact), at);
}

} // namespace StateScope
