#include "evidencebundlesource.h"

#include "eventstore.h"
#include "sqlcells.h"
#include "sqlconnection.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <functional>

namespace StateScope {

namespace {

QByteArray cell(const SqlStatement &q, int column)
{
    return q.isNull(column) ? QByteArray() : q.text(column).toByteArray();
}

bool run(SqlConnection &c, const QByteArray &sqlite, const QByteArray &postgres, QString *error,
         const std::function<void(SqlStatement &)> &row)
{
    auto q = c.prepare(c.dialect() == SqlConnection::Dialect::PostgreSQL ? postgres : sqlite, error);
    if (!q)
        return false;
    while (q->next())
        row(*q);
    if (!q->error().isEmpty()) {
        *error = q->error();
        return false;
    }
    return true;
}

// Whether an audit row is about the bundled records: recoveries put the ids into details, and
// name the execution in the target ("execution <id> checkpoint <id>").
bool auditConcerns(const BundleSourceRows::Audit &a, const QSet<QByteArray> &executions, const QSet<QByteArray> &workflows)
{
    const QJsonObject details = QJsonDocument::fromJson(a.details).object();
    if (executions.contains(details.value(QStringLiteral("executionId")).toString().toUtf8())
        || workflows.contains(details.value(QStringLiteral("workflowId")).toString().toUtf8()))
        return true;
    const QList<QByteArray> words = a.target.split(' ');
    for (qsizetype i = 0; i + 1 < words.size(); ++i) {
        if (words[i] == "execution" && executions.contains(words[i + 1]))
            return true;
    }
    return false;
}

} // namespace

BundlePlan planEvidenceBundle(const EventStore &store, const Selection &selection)
{
    BundlePlan plan;
    plan.workflows.assign(store.workflows().size(), false);
    for (quint32 w = 0; w < store.workflows().size(); ++w)
        plan.workflows[w] = selection.containsWorkflow(w);
    plan.executions.assign(store.executionCount(), false);
    const auto inWindow = [&selection](TimeMs t) { return t != kUnknownTime && selection.containsTime(t); };
    for (ExecutionIndex e = 0; e < store.executionCount(); ++e) {
        if (!selection.containsWorkflow(store.executionWorkflow(e)))
            continue;
        bool selected = !selection.hasWindow() || (store.firstTransitionOf(e) == kNoIndex && inWindow(store.executionEntryTime(e)));
        for (quint32 t = store.firstTransitionOf(e); !selected && t != kNoIndex; t = store.nextTransition(t))
            selected = inWindow(store.transitionTime(t));
        plan.executions[e] = selected;
    }
    // An execution whose checkpoint or recovery lies in the window belongs to it too (the
    // report counts those records by their own time).
    const auto noteRecord = [&](ExecutionIndex e, TimeMs t) {
        if (e < store.executionCount() && selection.containsWorkflow(store.executionWorkflow(e))
            && (!selection.hasWindow() || inWindow(t)))
            plan.executions[e] = true;
    };
    for (const CheckpointInfo &c : store.checkpoints())
        noteRecord(c.execution, c.timestamp);
    for (const RecoveryRecord &r : store.recoveries())
        noteRecord(r.execution, r.time);
    for (ExecutionIndex e = 0; e < store.executionCount(); ++e) {
        if (plan.executions[e])
            plan.executionIds.insert(store.executionId(e).toUtf8());
    }
    for (const CheckpointInfo &c : store.checkpoints()) {
        if (c.execution < store.executionCount() && plan.executions[c.execution])
            plan.checkpointIds.insert(store.checkpointId(c).toUtf8());
    }
    // Samples up to the window's end: the report counts those and scores from the one in force
    // when the window opens.
    for (const ConsistencySample &s : store.consistency()) {
        if (s.workflow < plan.workflows.size() && plan.workflows[s.workflow] && s.time != kUnknownTime
            && (selection.to == kUnknownTime || s.time <= selection.to))
            plan.consistency.push_back(&s);
    }
    for (quint32 w = 0; w < plan.workflows.size(); ++w) {
        if (plan.workflows[w])
            plan.workflowIds.insert(store.workflows()[w].id.toUtf8());
    }
    return plan;
}

bool readBundleSourceRows(const QString &source, const QSet<QByteArray> &executionIds, const QSet<QByteArray> &workflowIds,
                          const QSet<QByteArray> &checkpointIds, BundleSourceRows *rows, QString *error)
{
    const SourceLocation location = locateSource(source);
    if (location.kind != SourceLocation::Kind::SQLite && location.kind != SourceLocation::Kind::PostgreSQL) {
        *error = QStringLiteral("not a database");
        return false;
    }
    std::unique_ptr<SqlConnection> c = openSqlConnection(location, true, error);
    if (!c)
        return false;
    // One pass over each table, filtered here: the ids are many, and binding thousands of
    // them into an IN list is no faster than reading the rows once.
    const bool states = run(*c, "SELECT execution_id, state_version, variables FROM workflow_states",
                            "SELECT execution_id::text, state_version, variables::text FROM workflow_states", error,
                            [&](SqlStatement &q) {
                                const QByteArray id = cell(q, 0);
                                if (!executionIds.contains(id))
                                    return;
                                const qint64 version = q.int64(1);
                                auto it = rows->executionStates.find(id);
                                if (it == rows->executionStates.end() || it->version < version)
                                    rows->executionStates.insert(id, {version, cell(q, 2)});
                            });
    if (!states)
        return false;
    const bool checkpoints = run(*c, "SELECT id, state_snapshot, variables, checksum, storage_location FROM state_checkpoints",
                                 "SELECT id::text, state_snapshot::text, variables::text, checksum, storage_location "
                                 "FROM state_checkpoints",
                                 error, [&](SqlStatement &q) {
                                     const QByteArray id = cell(q, 0);
                                     if (checkpointIds.contains(id))
                                         rows->checkpoints.insert(id, {cell(q, 1), cell(q, 2), cell(q, 3), cell(q, 4)});
                                 });
    if (!checkpoints)
        return false;
    rows->sourceHasAudit = c->tableExists(QStringLiteral("audit_log"));
    if (!rows->sourceHasAudit)
        return true;
    return run(*c, "SELECT id, at, actor, action, target, reason, details FROM audit_log ORDER BY at, id",
               "SELECT id::text, floor(extract(epoch from at) * 1000)::int8, actor, action, target, reason, details::text "
               "FROM audit_log ORDER BY at, id",
               error, [&](SqlStatement &q) {
                   BundleSourceRows::Audit a{cell(q, 0), kUnknownTime, cell(q, 2), cell(q, 3), cell(q, 4), cell(q, 5), cell(q, 6)};
                   if (!SqlCells::timestamp(q, 1, &a.at))
                       a.at = kUnknownTime;
                   if (auditConcerns(a, executionIds, workflowIds))
                       rows->audit.push_back(std::move(a));
               });
}

} // namespace StateScope
