#pragma once

#include "idinterner.h"
#include "timeutil.h"

#include <QByteArray>
#include <QString>

namespace StateScope {

class SqlConnection;
class SqlStatement;

// What a reader may leave out of a source: `analyze --workflow/--from/--to`. Leaving rows out
// is only an optimisation: the analytics still apply the exact selection to what was read.
struct SourceFilter
{
    QString workflow;           // id or name; empty = every workflow
    TimeMs from = kUnknownTime; // inclusive, like Selection
    TimeMs to = kUnknownTime;   // inclusive

    bool isEmpty() const { return workflow.isEmpty() && from == kUnknownTime && to == kUnknownTime; }
};

// "workflow W, from T1 to T2" (times in UTC, RFC 3339), the parts that are set.
QString describeFilter(const SourceFilter &filter);

// The filter as SQL for PostgreSQL, where the seed's indexes (workflow_states.workflow_id,
// state_transitions.timestamp and .workflow_state_id) let the server skip what is not wanted.
// With a window, the ids of executions with a transition, checkpoint or recovery in it are
// fetched first (index range scans). Then the workflow's workflow_states rows are read and
// those the selection can touch are kept: touched ones and ones created in the window (a
// superset). Then every row of those executions, because a stay entered before the window and
// left inside it counts; their ids go to the server as one array parameter. No join is used,
// so each table's rows come in the order a full read gives them and reports match to the
// example execution.
// SQLite files are read whole: a local scan is already faster than the index lookups.
class SqlPushdown final
{
public:
    SqlPushdown() = default;
    SqlPushdown(SqlConnection &connection, const SourceFilter &filter);

    bool active() const { return m_active; }

    // The window's executions: a query of workflow_state_id keys with parameters $1, $2, or ""
    // without a window; each key read goes to noteTouched().
    QByteArray touchedSql(bool checkpoints, bool recoveries) const;
    void bindWindow(SqlStatement &statement) const;
    void noteTouched(QByteArrayView stateRowKey) { m_touched.intern(stateRowKey); }

    // workflow_states (aliased ws) of the workflow: " WHERE ..." with parameter $1, or "".
    QByteArray statesWhere() const;
    void bindStatesQuery(SqlStatement &statement) const;
    // Whether a workflow_states row can be in the selection; if so, its ids are kept (as text).
    bool keepState(QByteArrayView stateRowKey, TimeMs createdAt) const;
    void addState(QByteArrayView stateRowId, QByteArrayView executionId);

    // Tables read afterwards: " WHERE <column> = ANY($1)" or "", with $1 the array of the
    // workflow_states ids read (or of their execution ids).
    enum class Ids { StateRows, Executions };
    QByteArray restrict(const char *column) const;
    void bindRestriction(SqlStatement &statement, Ids ids) const;

private:
    bool m_active = false;
    SourceFilter m_filter;
    IdInterner m_touched;
    QByteArray m_stateRowIds = "{"; // PostgreSQL array literals, closed by bindRestriction
    QByteArray m_executionIds = "{";
};

} // namespace StateScope
