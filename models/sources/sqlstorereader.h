#pragma once

#include "loadresult.h"
#include "stringinterner.h"

#include <atomic>
#include <vector>

namespace StateScope {

class EventStore;
class SqlConnection;
class SqlStatement;

// Reads a state database (SPEC 2.1) into an EventStore: workflows, state_machines,
// executions, transitions, checkpoints (verified as they are read), the recovery log and
// consistency rows. Rows are streamed straight into the store's columns; a row with bad JSON
// or wrong types is reported (table, id, problem) and skipped. Runs on the caller's thread:
// the dashboard calls it from a worker (StoreLoader), the CLI directly.
class SqlStoreReader final
{
public:
    SqlStoreReader(SqlConnection &connection, EventStore &store);

    void setProgressCallback(ProgressCallback callback) { m_progress = std::move(callback); }
    void setCancelFlag(const std::atomic_bool *cancel) { m_cancel = cancel; }
    LoadResult read();

    // Exposed for the operations reader, which resolves the same workflow_state_id keys.
    quint32 executionForStateRow(QByteArrayView workflowStateId) const;

private:
    bool readWorkflows();
    bool readDefinitions();
    bool readWorkflowStates();
    bool readExecutionStatus();
    bool readTransitions();
    bool readCheckpoints();
    bool readRecoveries();
    bool readConsistency();
    bool runQuery(const char *table, const QByteArray &sqliteSql, const QByteArray &postgresSql, bool required,
                  const std::function<void(SqlStatement &)> &row);
    bool tick(const char *phase, qint64 done, qint64 total);

    SqlConnection &m_connection;
    EventStore &m_store;
    ProgressCallback m_progress;
    const std::atomic_bool *m_cancel = nullptr;
    LoadResult m_result;
    // workflow_states.id -> execution, needed while rows that reference it are read.
    StringInterner m_stateRowIds;
    std::vector<quint32> m_stateRowExecution;
};

} // namespace StateScope
