#include "evidencebundle.h"

#include "analyzer.h"
#include "checksum.h"
#include "eventstore.h"
#include "evidencebundlesource.h"
#include "reportjson.h"
#include "schemainstaller.h"
#include "sqliteconnection.h"
#include "statedatabasewriter.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

#include <filesystem>

namespace StateScope {

namespace {

constexpr int kFormatVersion = 1;

// Ids the store does not keep (state rows, transitions, samples) are derived from the ids it
// does keep: bundling the same selection twice gives the same rows.
QByteArray derivedId(const char *kind, const QByteArray &key)
{
    static const QUuid ns(QStringLiteral("{6f0d8a52-3c1e-4b7a-9d55-2b9a51c1e0a7}"));
    return QUuid::createUuidV5(ns, QByteArray(kind) + '/' + key).toByteArray(QUuid::WithoutBraces);
}

QString timeText(TimeMs t)
{
    return t == kUnknownTime ? QString() : TimeUtil::formatUtcString(t);
}

class BundleWriter
{
public:
    BundleWriter(SqlConnection &db, const EventStore &store, const BundlePlan &plan, const BundleSourceRows &source,
                 EvidenceBundleSummary &summary)
        : m_db(db), m_store(store), m_plan(plan), m_source(source), m_summary(summary), m_writer(db)
    {
    }

    bool write(const EvidenceBundleOptions &options, const QList<std::pair<QString, QString>> &metadata, QString *error)
    {
        if (!m_writer.prepare(error) || !m_db.begin(error))
            return false;
        if (!writeWorkflows(options) || !writeExecutions() || !writeCheckpoints() || !writeRecoveries()
            || !writeConsistency() || !writeAudit(error) || !writeMetadata(metadata, error)) {
            if (error->isEmpty())
                *error = m_failure.isEmpty() ? m_writer.error() : m_failure;
            m_db.rollback();
            return false;
        }
        return m_db.commit(error);
    }

private:
    QByteArray workflowId(quint32 w) const
    {
        return w < m_store.workflows().size() ? m_store.workflows()[w].id.toUtf8() : QByteArray();
    }

    bool writeWorkflows(const EvidenceBundleOptions &options)
    {
        QStringList written; // definition ids, and "name\x1fversion" (unique in state_machines)
        const auto writeDefinition = [&](const StateMachineDefinition &d) {
            const QString key = d.name + QLatin1Char('\x1f') + d.version;
            if ((!d.id.isEmpty() && written.contains(d.id)) || written.contains(key))
                return true;
            const QByteArray id = d.id.isEmpty() ? derivedId("state_machine", key.toUtf8()) : d.id.toUtf8();
            written << d.id << key;
            ++m_summary.definitions;
            return m_writer.insertStateMachine(id, d);
        };
        for (quint32 w = 0; w < m_plan.workflows.size(); ++w) {
            if (!m_plan.workflows[w])
                continue;
            const Workflow &wf = m_store.workflows()[w];
            if (!m_writer.insertWorkflow(wf.id.toUtf8(), wf.name.toUtf8(), wf.stateMachineId.toUtf8(), kUnknownTime))
                return false;
            ++m_summary.workflows;
            const StateMachineDefinition *d = wf.stateMachineId.isEmpty() ? nullptr : m_store.definitionById(wf.stateMachineId);
            if (d && !writeDefinition(*d))
                return false;
        }
        // The definition the analysis checked conformance against (attached by the user, or
        // the data's only one) travels with it.
        return !options.analysis.definition || writeDefinition(*options.analysis.definition);
    }

    bool writeExecutions()
    {
        m_stateRows.assign(m_store.executionCount(), QByteArray());
        for (ExecutionIndex e = 0; e < m_store.executionCount(); ++e) {
            if (!m_plan.executions[e])
                continue;
            const QByteArray id = m_store.executionId(e).toUtf8();
            const QByteArray workflow = workflowId(m_store.executionWorkflow(e));
            const QByteArray row = derivedId("workflow_states", id);
            m_stateRows[e] = row;
            const TimeMs entry = m_store.executionEntryTime(e);
            TimeMs stayEntry = entry;
            StateId current = m_store.executionInitialState(e);
            qint64 n = 0;
            for (quint32 t = m_store.firstTransitionOf(e); t != kNoIndex; t = m_store.nextTransition(t), ++n) {
                const QByteArray from = m_store.stateName(m_store.transitionFrom(t)).toUtf8();
                const QByteArray to = m_store.stateName(m_store.transitionTo(t)).toUtf8();
                const TimeMs ts = m_store.transitionTime(t);
                const qint64 duration = stayEntry != kUnknownTime && ts >= stayEntry ? ts - stayEntry : -1;
                // transition_id: the engine's name for the move is not kept; from->to stands in.
                if (!m_writer.insertTransition(derivedId("transition", id + '/' + QByteArray::number(n)), row,
                                               QByteArray(from + "->" + to), from, to,
                                               transitionTypeName(m_store.transitionType(t)).toLatin1(), ts, duration))
                    return false;
                stayEntry = ts;
                current = m_store.transitionTo(t);
            }
            m_summary.transitions += quint64(n);
            const auto held = m_source.executionStates.constFind(id);
            const bool fromSource = held != m_source.executionStates.cend();
            const QByteArray name = current == kNoState ? QByteArray() : m_store.stateName(current).toUtf8();
            if (!m_writer.insertWorkflowState(row, workflow, id, fromSource ? held->version : n + 1,
                                              StateDatabaseWriter::stateSnapshotJson(name, {}, stayEntry),
                                              fromSource ? held->variables : QByteArray(), entry, stayEntry))
                return false;
            const ExecutionStatus status = m_store.executionStatus(e);
            const bool finished = status == ExecutionStatus::Completed || status == ExecutionStatus::Failed
                || status == ExecutionStatus::Cancelled;
            if (status != ExecutionStatus::Unknown
                && !m_writer.insertExecution(id, workflow, executionStatusName(status).toLatin1(), entry,
                                             finished ? stayEntry : kUnknownTime))
                return false;
            ++m_summary.executions;
        }
        return true;
    }

    bool writeCheckpoints()
    {
        for (const CheckpointInfo &c : m_store.checkpoints()) {
            if (c.execution >= m_stateRows.size() || m_stateRows[c.execution].isEmpty())
                continue;
            if (c.timestamp == kUnknownTime) {
                ++m_skippedUntimed;
                continue;
            }
            const QByteArray id = m_store.checkpointId(c).toUtf8();
            const QByteArray type = m_store.checkpointType(c).toUtf8();
            BundleSourceRows::Checkpoint content = m_source.checkpoints.value(id);
            if (content.snapshot.isEmpty()) {
                // Contents are not held in memory: a snapshot naming the state, and a checksum
                // that gives the verdict the source's content was given.
                content.snapshot = StateDatabaseWriter::stateSnapshotJson(m_store.checkpointStateName(c).toUtf8(), {}, kUnknownTime);
                content.variables = "{}";
                if (c.status == CheckpointStatus::Verified)
                    content.checksum = checkpointChecksum(content.snapshot, content.variables).hex;
                else if (c.status == CheckpointStatus::Corrupted)
                    content.checksum = QByteArray(64, '0');
                ++m_rederived;
            }
            if (!m_writer.insertCheckpoint(id, m_stateRows[c.execution], type.isEmpty() ? QByteArray("automatic") : type,
                                           c.timestamp, content.snapshot, content.variables, content.location, c.sizeBytes,
                                           content.checksum, c.recoverable))
                return false;
            ++m_summary.checkpoints;
        }
        if (m_rederived > 0)
            m_summary.notes.append(QStringLiteral("%1 checkpoints: contents not available, so their snapshots name the state only "
                                                  "and their checksums are re-derived to keep the verdict the source gave")
                                       .arg(m_rederived));
        return true;
    }

    bool writeRecoveries()
    {
        auto fix = m_db.prepare("UPDATE state_recovery_log SET recovery_type = $2, success = $3 WHERE id = $1", &m_failure);
        if (!fix)
            return false;
        for (const RecoveryRecord &r : m_store.recoveries()) {
            if (r.execution >= m_stateRows.size() || m_stateRows[r.execution].isEmpty())
                continue;
            if (r.time == kUnknownTime) {
                ++m_skippedUntimed;
                continue;
            }
            QJsonObject loss;
            if (r.transitionsRolledBack >= 0)
                loss.insert(QStringLiteral("transitionsRolledBack"), r.transitionsRolledBack);
            if (r.variablesChanged >= 0)
                loss.insert(QStringLiteral("variablesChanged"), r.variablesChanged);
            const QByteArray id = r.id.toUtf8();
            if (!m_writer.insertRecovery(id, m_stateRows[r.execution], r.time, r.fromCheckpoint.toUtf8(), r.toState.toUtf8(),
                                         r.durationMs, loss.isEmpty() ? QByteArray() : QJsonDocument(loss).toJson(QJsonDocument::Compact),
                                         r.success == 1, r.errorDetails.toUtf8()))
                return false;
            // The shared writer knows checkpoint recoveries with a known outcome only.
            if (r.success < 0 || (!r.type.isEmpty() && r.type != QLatin1String("checkpoint"))) {
                fix->reset();
                fix->bindText(1, id);
                fix->bindText(2, r.type.isEmpty() ? QByteArray("checkpoint") : r.type.toUtf8());
                if (r.success < 0)
                    fix->bindNull(3);
                else
                    fix->bindBool(3, r.success == 1);
                if (!fix->exec()) {
                    m_failure = QStringLiteral("state_recovery_log: %1").arg(fix->error());
                    return false;
                }
            }
            ++m_summary.recoveries;
        }
        return true;
    }

    bool writeConsistency()
    {
        for (const ConsistencySample *s : m_plan.consistency) {
            const QByteArray workflow = workflowId(s->workflow);
            const QByteArray id = derivedId("state_consistency", workflow + '/' + TimeUtil::formatUtc(s->time) + '/'
                                                                     + QByteArray::number(m_summary.consistencySamples));
            if (!m_writer.insertConsistency(id, workflow, *s, s->time))
                return false;
            ++m_summary.consistencySamples;
        }
        return true;
    }

    bool writeAudit(QString *error)
    {
        auto q = m_db.prepare("INSERT INTO audit_log (id, at, actor, action, target, reason, details) "
                              "VALUES ($1, $2, $3, $4, $5, $6, $7)", error);
        if (!q)
            return false;
        for (const BundleSourceRows::Audit &a : m_source.audit) {
            if (a.at == kUnknownTime)
                continue;
            q->reset();
            q->bindText(1, a.id);
            q->bindText(2, TimeUtil::formatUtc(a.at));
            q->bindText(3, a.actor);
            q->bindText(4, a.action);
            a.target.isEmpty() ? q->bindNull(5) : q->bindText(5, a.target);
            a.reason.isEmpty() ? q->bindNull(6) : q->bindText(6, a.reason);
            q->bindText(7, a.details.isEmpty() ? QByteArray("{}") : a.details);
            if (!q->exec()) {
                *error = QStringLiteral("audit_log: %1").arg(q->error());
                return false;
            }
            ++m_summary.auditRows;
        }
        if (m_skippedUntimed > 0)
            m_summary.notes.append(QStringLiteral("%1 checkpoints or recoveries without a time are left out").arg(m_skippedUntimed));
        return true;
    }

    bool writeMetadata(const QList<std::pair<QString, QString>> &metadata, QString *error)
    {
        if (!m_db.execScript("CREATE TABLE statescope_bundle (key TEXT PRIMARY KEY, value TEXT NOT NULL);", error))
            return false;
        auto q = m_db.prepare("INSERT INTO statescope_bundle (key, value) VALUES ($1, $2)", error);
        if (!q)
            return false;
        const QJsonObject contents{{QStringLiteral("workflows"), qint64(m_summary.workflows)},
                                   {QStringLiteral("definitions"), qint64(m_summary.definitions)},
                                   {QStringLiteral("executions"), qint64(m_summary.executions)},
                                   {QStringLiteral("transitions"), qint64(m_summary.transitions)},
                                   {QStringLiteral("checkpoints"), qint64(m_summary.checkpoints)},
                                   {QStringLiteral("recoveries"), qint64(m_summary.recoveries)},
                                   {QStringLiteral("consistency_samples"), qint64(m_summary.consistencySamples)},
                                   {QStringLiteral("audit_rows"), qint64(m_summary.auditRows)}};
        QList<std::pair<QString, QString>> rows = metadata;
        rows.append({QStringLiteral("contents"), QString::fromUtf8(QJsonDocument(contents).toJson(QJsonDocument::Compact))});
        rows.append({QStringLiteral("notes"),
                     QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(m_summary.notes)).toJson(QJsonDocument::Compact))});
        for (const auto &[key, value] : rows) {
            q->reset();
            q->bindText(1, key.toUtf8());
            q->bindText(2, value.toUtf8());
            if (!q->exec()) {
                *error = QStringLiteral("statescope_bundle: %1").arg(q->error());
                return false;
            }
        }
        return true;
    }

    SqlConnection &m_db;
    const EventStore &m_store;
    const BundlePlan &m_plan;
    const BundleSourceRows &m_source;
    EvidenceBundleSummary &m_summary;
    StateDatabaseWriter m_writer;
    std::vector<QByteArray> m_stateRows; // workflow_states id per bundled execution, else empty
    QString m_failure; // a failure outside the shared writer
    quint64 m_rederived = 0;
    quint64 m_skippedUntimed = 0;
};

void removePartial(const QString &partial)
{
    QFile::remove(partial);
    QFile::remove(partial + QStringLiteral("-journal"));
}

} // namespace

QString describeSelection(const EventStore &store, const Selection &selection)
{
    QStringList names;
    for (quint32 w = 0; w < store.workflows().size() && !selection.workflows.empty(); ++w) {
        if (selection.containsWorkflow(w)) {
            const Workflow &wf = store.workflows()[w];
            names.append(wf.name.isEmpty() ? wf.id : wf.name);
        }
    }
    const QString workflows = selection.workflows.empty() ? QStringLiteral("all workflows")
        : names.size() == 1                                ? QStringLiteral("workflow %1").arg(names.first())
                                                           : QStringLiteral("workflows %1").arg(names.join(QStringLiteral(", ")));
    if (!selection.hasWindow())
        return workflows + QStringLiteral(", all time");
    if (selection.from == kUnknownTime)
        return workflows + QStringLiteral(", up to %1").arg(timeText(selection.to));
    if (selection.to == kUnknownTime)
        return workflows + QStringLiteral(", from %1").arg(timeText(selection.from));
    return workflows + QStringLiteral(", %1 to %2").arg(timeText(selection.from), timeText(selection.to));
}

EvidenceBundleSummary writeEvidenceBundle(const EventStore &store, const EvidenceBundleOptions &options, const QString &path)
{
    EvidenceBundleSummary summary;
    const QString partial = path + QStringLiteral(".partial");
    const auto fail = [&](const QString &why) {
        removePartial(partial);
        summary.error = QStringLiteral("%1: %2").arg(path, why);
        return summary;
    };
    if (QFileInfo(path).isDir())
        return fail(QStringLiteral("is a directory"));
    removePartial(partial); // left over from an earlier attempt that was killed

    const BundlePlan plan = planEvidenceBundle(store, options.analysis.selection);
    BundleSourceRows source;
    if (!options.sourceDatabase.isEmpty()) {
        QString error;
        if (!readBundleSourceRows(options.sourceDatabase, plan.executionIds, plan.workflowIds, plan.checkpointIds, &source, &error))
            summary.notes.append(QStringLiteral("the source database could not be read (%1): execution variables and audit rows "
                                                "are not in the bundle").arg(error));
        else if (!source.sourceHasAudit)
            summary.notes.append(QStringLiteral("the source has no audit_log table"));
    } else {
        summary.notes.append(QStringLiteral("the source is not a database: execution variables and audit rows are not in the bundle"));
    }
    if (store.hasSummaries())
        summary.notes.append(QStringLiteral("executions evicted from memory under the budget are counted in the report "
                                            "but are not in the bundle"));

    const AnalysisReport report = analyze(store, options.analysis);
    const QString description = options.selectionDescription.isEmpty()
        ? describeSelection(store, options.analysis.selection) : options.selectionDescription;
    const QList<std::pair<QString, QString>> metadata{
        {QStringLiteral("format_version"), QString::number(kFormatVersion)},
        {QStringLiteral("created_at"), TimeUtil::formatUtcString(QDateTime::currentMSecsSinceEpoch())},
        {QStringLiteral("source"), options.analysis.sourceLabel},
        {QStringLiteral("selection"), description},
        {QStringLiteral("selection_from"), timeText(options.analysis.selection.from)},
        {QStringLiteral("selection_to"), timeText(options.analysis.selection.to)},
        {QStringLiteral("report"), QString::fromUtf8(QJsonDocument(reportToJson(report)).toJson(QJsonDocument::Compact))}};

    QString error;
    {
        std::unique_ptr<SqliteConnection> db = SqliteConnection::open(partial, false, true, &error);
        if (!db)
            return fail(QStringLiteral("cannot create the bundle here: %1").arg(error));
        // No journal: a failed bundle is deleted, never rolled back into shape. One transaction.
        if (!db->execScript("PRAGMA journal_mode=OFF; PRAGMA synchronous=NORMAL;", &error) || !installSchema(*db, &error))
            return fail(error);
        BundleWriter writer(*db, store, plan, source, summary);
        if (!writer.write(options, metadata, &error))
            return fail(error);
    } // closed before it is moved into place
    std::error_code ec;
    std::filesystem::rename(QFile::encodeName(partial).toStdString(), QFile::encodeName(path).toStdString(), ec);
    if (ec)
        return fail(QStringLiteral("cannot replace the file: %1").arg(QString::fromStdString(ec.message())));
    return summary;
}

} // namespace StateScope
