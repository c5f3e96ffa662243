#include "sqlstorereader.h"

#include "definitionparser.h"
#include "eventstore.h"
#include "jsonrow.h"
#include "sqlcells.h"
#include "sqlconnection.h"
#include "sqlsidetablesreader.h"

#include <cstdio>
#include <cstring>
#include <thread>

namespace StateScope {

SqlStoreReader::SqlStoreReader(SqlConnection &connection, EventStore &store)
    : m_connection(connection)
    , m_store(store)
    , m_profile(qEnvironmentVariableIsSet("STATESCOPE_PROFILE"))
{
}

TableScanContext SqlStoreReader::contextFor(SqlConnection &connection, LoadResult &result) const
{
    return TableScanContext{connection, result, &m_progress, m_cancel, m_profile, &m_pushdown};
}



quint32 SqlStoreReader::executionForStateRow(QByteArrayView workflowStateId) const
{
    const quint32 e = m_stateRows.find(workflowStateId);
    return e == StateRowMap::kNotFound ? kNoIndex : e;
}

LoadResult SqlStoreReader::read()
{
    LoadResult result;
    // STATESCOPE_PUSHDOWN=0 reads everything: to compare, or to rule the pushdown out.
    m_pushdown = qEnvironmentVariable("STATESCOPE_PUSHDOWN") == QLatin1String("0") ? SqlPushdown()
                                                                                   : SqlPushdown(m_connection, m_filter);
    if (m_profile && m_pushdown.active())
        std::fprintf(stderr, "statescope: workflow and time window pushed down to the server\n");
    TableScanContext main = contextFor(m_connection, result);
    if (readWorkflows(main) && readDefinitions(main) && readWorkflowStates(main)) {
        // From here on executions are fixed: the transition reader appends to transition
        // columns and per-execution chains, the side reader writes statuses, workflows and
        // its own vectors. Neither reads what the other writes.
        LoadResult sideResult;
        SqlSideTablesReader side(contextFor(m_second ? *m_second : m_connection, sideResult), m_store,
                                 [this](QByteArrayView id) { return executionForStateRow(id); });
        if (m_second) {
            std::thread sideThread([&side] { side.read(); });
            readTransitions(main);
            sideThread.join();
        } else if (readTransitions(main)) {
            side.read();
        }
        m_store.recoveries() = std::move(side.recoveries);
        m_store.consistency() = std::move(side.consistency);
        result.merge(std::move(sideResult));
    }
    // The id map is only needed while rows that reference workflow_states are read.
    m_stateRows.clear();
    if (result.ok())
        m_store.finalize();
    return result;
}

bool SqlStoreReader::readWorkflows(TableScanContext &context)
{
    return scanTable(context, "workflows", "SELECT id, name, state_machine_id FROM workflows",
                    "SELECT id::text, name, state_machine_id::text FROM workflows", false, [this, &context](SqlStatement &q) {
                        if (q.isNull(0)) {
                            context.result.addIssue({QStringLiteral("workflows"), QStringLiteral("(no id)"), QStringLiteral("id is NULL")});
                            return;
                        }
                        m_store.addWorkflow({QString::fromUtf8(q.text(0)), QString::fromUtf8(q.text(1)), QString::fromUtf8(q.text(2))});
                    });
}

bool SqlStoreReader::readDefinitions(TableScanContext &context)
{
    return scanTable(context, "state_machines",
                    "SELECT id, name, version, states, transitions, initial_state, final_states FROM state_machines",
                    "SELECT id::text, name, version, states::text, transitions::text, initial_state, "
                    "array_to_json(final_states)::text FROM state_machines",
                    false, [this, &context](SqlStatement &q) {
                        DefinitionParseResult r = parseDefinitionRow(
                            QString::fromUtf8(q.text(0)), QString::fromUtf8(q.text(1)), QString::fromUtf8(q.text(2)),
                            q.text(3), q.text(4), QString::fromUtf8(q.text(5)), q.text(6));
                        if (!r.ok()) {
                            context.result.addIssue({QStringLiteral("state_machines"), SqlCells::idText(q, 0), r.error});
                            return;
                        }
                        m_store.definitions().push_back(std::move(r.definition));
                    });
}

bool SqlStoreReader::readWorkflowStates(TableScanContext &context)
{
    JsonRow json;
    QByteArray stateName;
    QString error;
    QByteArray lastWorkflowKey;
    quint32 lastWorkflow = kNoIndex;
    // A restricted read would reserve for rows it leaves out.
    const qint64 estimate = m_pushdown.active() ? -1 : m_connection.estimateRows(QStringLiteral("workflow_states"));
    if (estimate > 0) { // UUID-sized ids; exact counts are not needed, only no doubling
        m_store.reserveExecutions(quint32(estimate));
        m_stateRows.reserve(size_t(estimate));
    }
    const QByteArray touched = m_pushdown.touchedSql(m_connection.tableExists(QStringLiteral("state_checkpoints")),
                                                     m_connection.tableExists(QStringLiteral("state_recovery_log")));
    if (!touched.isEmpty()
        && !scanTable(context, "state_transitions", {}, touched, true,
                      [this](SqlStatement &q) { m_pushdown.noteTouched(q.key(0)); },
                      [this](SqlStatement &q) { m_pushdown.bindWindow(q); }))
        return false;
    std::function<void(SqlStatement &)> bindStates;
    if (m_pushdown.active())
        bindStates = [this](SqlStatement &q) { m_pushdown.bindStatesQuery(q); };
    // PostgreSQL takes stateName out of the JSONB itself (column 4), which spares it printing
    // the document and us parsing it; only a row whose current_state JSONRow would refuse
    // comes whole (column 5), for the message. SQLite: the JSON text in column 4.
    const bool serverExtracts = context.connection.dialect() == SqlConnection::Dialect::PostgreSQL;
    // (The casts are no-ops on the seed's JSONB and let a json column work too.)
    const QByteArray readable = "(jsonb_typeof(ws.current_state::jsonb) = 'object' AND "
                                "coalesce(jsonb_typeof(ws.current_state::jsonb->'stateName'), 'null') IN ('string', 'null'))";
    return scanTable(context,
        "workflow_states", "SELECT id, workflow_id, execution_id, created_at, current_state FROM workflow_states",
        "SELECT ws.id, ws.workflow_id, ws.execution_id, ws.created_at, CASE WHEN " + readable
            + " THEN coalesce(ws.current_state::jsonb->>'stateName', '') END, CASE WHEN " + readable
            + " THEN NULL ELSE ws.current_state END FROM workflow_states ws" + m_pushdown.statesWhere(),
        true, [&](SqlStatement &q) {
            const QString table = QStringLiteral("workflow_states");
            if (q.isNull(0) || q.isNull(1) || q.isNull(2)) {
                context.result.addIssue({table, SqlCells::idText(q, 0), QStringLiteral("id, workflow_id or execution_id is NULL")});
                return;
            }
            TimeMs created = kUnknownTime;
            if (!SqlCells::timestamp(q, 3, &created)) {
                context.result.addIssue({table, SqlCells::idText(q, 0),
                                   QStringLiteral("created_at is not a timestamp: \"%1\"").arg(QString::fromUtf8(q.text(3)))});
                return;
            }
            if (!m_pushdown.keepState(q.key(0), created))
                return;
            const int jsonColumn = serverExtracts ? 5 : 4;
            if (serverExtracts && !q.isNull(4)) {
                stateName.resize(q.text(4).size()); // keeps its buffer
                std::memcpy(stateName.data(), q.text(4).data(), size_t(stateName.size()));
            } else if (q.isNull(jsonColumn) || !json.objectStringMember(q.text(jsonColumn), "stateName", &stateName, &error)) {
                context.result.addIssue({table, SqlCells::idText(q, 0),
                                         q.isNull(jsonColumn) ? QStringLiteral("current_state is NULL")
                                                              : QStringLiteral("current_state: ") + error});
                return;
            }
            if (lastWorkflow == kNoIndex || q.key(1) != lastWorkflowKey) {
                lastWorkflowKey = q.key(1).toByteArray();
                lastWorkflow = m_store.ensureWorkflow(q.text(1));
            }
            const quint32 workflow = lastWorkflow;
            const ExecutionIndex e = m_store.addExecution(q.text(2), workflow, created, ExecutionStatus::Unknown);
            if (!stateName.isEmpty() && m_store.executionInitialState(e) == kNoState)
                m_store.setExecutionInitialState(e, m_store.internState(stateName));
            if (m_stateRows.insert(q.key(0), e)) {
                if (m_pushdown.active())
                    m_pushdown.addState(q.text(0), q.text(2));
            } else {
                context.result.addIssue({table, SqlCells::idText(q, 0), QStringLiteral("duplicate id")});
            }
            ++context.result.executionsRead;
        }, bindStates);
}


bool SqlStoreReader::readTransitions(TableScanContext &context)
{
    const qint64 estimate = m_pushdown.active() ? -1 : m_connection.estimateRows(QStringLiteral("state_transitions"));
    if (estimate > 0)
        m_store.reserveTransitions(size_t(estimate));
    quint64 orphans = 0;
    // Engines write runs of rows for one execution and states repeat: remember the last key
    // of each kind, which skips most lookups in tables of millions of keys.
    QByteArray lastStateRow;
    ExecutionIndex lastExecution = kNoIndex;
    StateId lastFromId = kNoState, lastToId = kNoState;
    auto stateOf = [this](QByteArrayView name, StateId cached, StateId other) {
        if (cached != kNoState && name == m_store.stateNameUtf8(cached))
            return cached;
        if (other != kNoState && name == m_store.stateNameUtf8(other)) // a move's from is the last move's to
            return other;
        return m_store.internState(name);
    };
    std::function<void(SqlStatement &)> bindRestriction;
    if (m_pushdown.active())
        bindRestriction = [this](SqlStatement &q) { m_pushdown.bindRestriction(q, SqlPushdown::Ids::StateRows); };
    const bool ok = scanTable(context, 
        "state_transitions",
        "SELECT id, workflow_state_id, from_state, to_state, transition_type, timestamp FROM state_transitions",
        "SELECT id, workflow_state_id, from_state, to_state, transition_type, timestamp FROM state_transitions"
            + m_pushdown.restrict("workflow_state_id"),
        true, [&](SqlStatement &q) {
            const QByteArrayView stateRow = q.key(1);
            if (lastExecution == kNoIndex || stateRow != lastStateRow) {
                lastStateRow.resize(stateRow.size()); // keeps its buffer: no allocation per execution
                std::memcpy(lastStateRow.data(), stateRow.data(), size_t(stateRow.size()));
                lastExecution = executionForStateRow(stateRow);
            }
            const ExecutionIndex e = lastExecution;
            if (e == kNoIndex) {
                ++orphans;
                return;
            }
            TimeMs ts = kUnknownTime;
            if (!SqlCells::timestamp(q, 5, &ts) || ts == kUnknownTime) {
                context.result.addIssue({QStringLiteral("state_transitions"), SqlCells::idText(q, 0),
                                   QStringLiteral("timestamp is not a timestamp: \"%1\"").arg(QString::fromUtf8(q.text(5)))});
                return;
            }
            if (q.isNull(2) || q.isNull(3)) {
                context.result.addIssue({QStringLiteral("state_transitions"), SqlCells::idText(q, 0), QStringLiteral("from_state or to_state is NULL")});
                return;
            }
            const StateId from = stateOf(q.text(2), lastFromId, lastToId);
            lastToId = stateOf(q.text(3), lastToId, from);
            lastFromId = from;
            m_store.appendTransition(e, lastFromId, lastToId, ts, transitionTypeFromString(q.text(4)));
            ++context.result.transitionsRead;
        }, bindRestriction);
    if (orphans > 0)
        context.result.addIssue({QStringLiteral("state_transitions"), QStringLiteral("(%1 rows)").arg(orphans),
                           QStringLiteral("workflow_state_id names no readable workflow_states row; skipped")});
    return ok;
}




} // namespace StateScope
