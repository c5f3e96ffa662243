#pragma once

#include "domaintypes.h"
#include "sqlpushdown.h"
#include "sqltablescan.h"

#include <QHash>

#include <functional>
#include <vector>

namespace StateScope {

class EventStore;

// Reads the tables that hang off executions: workflow_executions (status), state_checkpoints
// (verified as read: RFC 8785 + SHA-256), state_recovery_log and state_consistency. Designed
// to run on its own thread and connection while SqlStoreReader streams the transitions: it
// writes execution statuses, workflows and checkpoints into the store, which the transition
// reader does not touch, and collects the rest into its own vectors.
class SqlSideTablesReader final
{
public:
    using ExecutionLookup = std::function<quint32(QByteArrayView workflowStateId)>;

    SqlSideTablesReader(TableScanContext context, EventStore &store, ExecutionLookup executionFor);
    bool read();

    std::vector<RecoveryRecord> recoveries;
    std::vector<ConsistencySample> consistency;

private:
    // The pushed-down filter's restriction of a table, or "" (SqlPushdown::restrict).
    QByteArray restrict(const char *column) const;
    std::function<void(SqlStatement &)> binder(SqlPushdown::Ids ids) const;
    bool readExecutionStatus();
    bool readCheckpoints();
    bool readRecoveries();
    bool readConsistency();
    // Equal strings share one QString: checkpoint types and state names repeat endlessly.
    QString shared(QByteArrayView text);

    TableScanContext m_context;
    EventStore &m_store;
    ExecutionLookup m_executionFor;
    QHash<QByteArray, QString> m_shared;
};

} // namespace StateScope
