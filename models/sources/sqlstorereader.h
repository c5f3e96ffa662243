#pragma once

#include "domaintypes.h"
#include "loadresult.h"
#include "sqlpushdown.h"
#include "sqltablescan.h"
#include "staterowmap.h"

#include <atomic>
#include <vector>

namespace StateScope {

class EventStore;
class SqlConnection;

// Reads a state database (SPEC 2.1) into an EventStore: workflows, state_machines,
// executions (workflow_states) and transitions here; checkpoints, the recovery log,
// consistency rows and execution statuses through SqlSideTablesReader. Rows are streamed
// straight into the store's columns; a row with bad JSON or wrong types is reported (table,
// id, problem) and skipped. Runs on the caller's thread (the dashboard's StoreLoader worker,
// or the CLI). With a second connection, the side tables are read on a second thread while
// the transitions stream in on the first.
class SqlStoreReader final
{
public:
    SqlStoreReader(SqlConnection &connection, EventStore &store);

    void setProgressCallback(ProgressCallback callback) { m_progress = std::move(callback); }
    void setCancelFlag(const std::atomic_bool *cancel) { m_cancel = cancel; }
    // A second connection to the same database: the side tables are then read in parallel.
    void setSecondConnection(SqlConnection *connection) { m_second = connection; }
    // Rows the analysis will not look at may be left out (PostgreSQL; see SqlPushdown).
    void setFilter(const SourceFilter &filter) { m_filter = filter; }
    LoadResult read();

private:
    quint32 executionForStateRow(QByteArrayView workflowStateId) const;
    bool readWorkflows(TableScanContext &context);
    bool readDefinitions(TableScanContext &context);
    bool readWorkflowStates(TableScanContext &context);
    bool readTransitions(TableScanContext &context);
    TableScanContext contextFor(SqlConnection &connection, LoadResult &result) const;

    SqlConnection &m_connection;
    SqlConnection *m_second = nullptr;
    EventStore &m_store;
    ProgressCallback m_progress;
    SourceFilter m_filter;
    SqlPushdown m_pushdown;
    const std::atomic_bool *m_cancel = nullptr;
    bool m_profile = false; // STATESCOPE_PROFILE set: rows and time per table on stderr
    // workflow_states.id -> execution, needed while rows that reference it are read.
    StateRowMap m_stateRows;
};

} // namespace StateScope
