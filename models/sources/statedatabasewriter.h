#pragma once

#include "domaintypes.h"
#include "timeutil.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>

namespace StateScope {

class SqlConnection;
class SqlStatement;

// Writes the rows of the SPEC 2.1 schema through prepared statements, as an engine would:
// used by the sample writer, the simulated engine and live recordings. Values are bound, never
// spliced into SQL (BARS S1). Timestamps are written as RFC 3339 UTC text (the PostgreSQL
// column types parse it). The caller groups calls into transactions (begin/commit).
class StateDatabaseWriter final
{
public:
    explicit StateDatabaseWriter(SqlConnection &connection);
    ~StateDatabaseWriter();

    bool prepare(QString *error);

    // The JSON of a state as current_state and state_snapshot hold it: stateName, and
    // stateType and enteredAt when known.
    static QByteArray stateSnapshotJson(QByteArrayView name, QByteArrayView type, TimeMs enteredAt);
    QString error() const { return m_error; }

    bool insertStateMachine(QByteArrayView id, QByteArrayView name, QByteArrayView version, QByteArrayView statesJson,
                            QByteArrayView transitionsJson, QByteArrayView initialState, const QStringList &finalStates);
    // The same from a definition (its name, version, states, transitions, initial and final states).
    bool insertStateMachine(QByteArrayView id, const StateMachineDefinition &definition);
    bool insertWorkflow(QByteArrayView id, QByteArrayView name, QByteArrayView stateMachineId, TimeMs created);
    bool insertExecution(QByteArrayView id, QByteArrayView workflowId, QByteArrayView status, TimeMs started,
                         TimeMs completed);
    bool updateExecution(QByteArrayView id, QByteArrayView status, TimeMs completed);
    bool insertWorkflowState(QByteArrayView rowId, QByteArrayView workflowId, QByteArrayView executionId, qint64 version,
                             QByteArrayView currentStateJson, QByteArrayView variablesJson, TimeMs created, TimeMs updated);
    bool updateWorkflowState(QByteArrayView rowId, qint64 version, QByteArrayView currentStateJson,
                             QByteArrayView variablesJson, TimeMs updated);
    bool insertTransition(QByteArrayView id, QByteArrayView stateRowId, QByteArrayView transitionId, QByteArrayView from,
                          QByteArrayView to, QByteArrayView type, TimeMs at, qint64 durationMs);
    // checksum empty = NULL (unverifiable).
    bool insertCheckpoint(QByteArrayView id, QByteArrayView stateRowId, QByteArrayView type, TimeMs at,
                          QByteArrayView snapshotJson, QByteArrayView variablesJson, QByteArrayView location,
                          qint64 sizeBytes, QByteArrayView checksum, bool recoverable);
    // errorJson empty = NULL.
    bool insertRecovery(QByteArrayView id, QByteArrayView stateRowId, TimeMs at, QByteArrayView fromCheckpoint,
                        QByteArrayView toState, qint64 durationMs, QByteArrayView dataLossJson, bool success,
                        QByteArrayView errorJson);
    bool insertConsistency(QByteArrayView id, QByteArrayView workflowId, QByteArrayView level, int replicationFactor,
                           int quorumSize, QByteArrayView conflictJson, QByteArrayView synchronizationJson,
                           QByteArrayView divergenceJson, TimeMs at);
    // The same from a sample: the columns are written so that parseConsistencyRow reads the
    // sample back (nodes, lag, pending changes, conflict count, divergence).
    bool insertConsistency(QByteArrayView id, QByteArrayView workflowId, const ConsistencySample &sample, TimeMs at);

private:
    bool run(SqlStatement &statement);

    SqlConnection &m_connection;
    std::unique_ptr<SqlStatement> m_machine, m_workflow, m_execution, m_executionUpdate, m_state, m_stateUpdate,
        m_transition, m_checkpoint, m_recovery, m_consistency;
    QString m_error;
};

} // namespace StateScope
