#include "feedrecorder.h"

#include "schemainstaller.h"
#include "sqliteconnection.h"
#include "statedatabasewriter.h"

#include <QUuid>

namespace StateScope {

namespace {
QByteArray newId()
{
    return QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
}
} // namespace

FeedRecorder::FeedRecorder() = default;
FeedRecorder::~FeedRecorder() = default;

bool FeedRecorder::open(const QString &path, QString *error)
{
    auto sqlite = SqliteConnection::open(path, false, true, error);
    if (!sqlite)
        return false;
    // WAL: the recording can be opened read-only while it grows.
    if (!sqlite->execScript("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;", error) || !installSchema(*sqlite, error))
        return false;
    m_writer = std::make_unique<StateDatabaseWriter>(*sqlite);
    if (!m_writer->prepare(error))
        return false;
    m_findExecution = sqlite->prepare("SELECT id, state_version FROM workflow_states WHERE execution_id = ?1 "
                                      "ORDER BY state_version DESC LIMIT 1", error);
    if (!m_findExecution)
        return false;
    m_connection = std::move(sqlite);
    return true;
}

bool FeedRecorder::findRecorded(const QByteArray &executionId, Execution *execution)
{
    m_findExecution->reset();
    m_findExecution->bindText(1, executionId);
    if (!m_findExecution->next())
        return false;
    execution->rowId = m_findExecution->text(0).toByteArray();
    execution->version = m_findExecution->int64(1);
    return true;
}

FeedRecorder::Execution &FeedRecorder::execution(const FeedEvent &event, TimeMs started)
{
    auto it = m_executions.find(event.executionId);
    if (it != m_executions.end())
        return *it;
    Execution recorded; // forgotten when it finished, or recorded by an earlier session
    if (findRecorded(event.executionId, &recorded)) {
        recorded.state = event.type == FeedEventType::Transition ? event.fromState : event.stateName;
        m_finished.push_back(event.executionId); // forget it again at the end of the batch
        return *m_executions.insert(event.executionId, recorded);
    }
    if (!m_workflows.contains(event.workflowId)) {
        m_workflows.insert(event.workflowId);
        if (!m_writer->insertWorkflow(event.workflowId, {}, {}, started))
            m_error = m_writer->error();
    }
    Execution e;
    e.rowId = newId();
    e.state = event.type == FeedEventType::Transition ? event.fromState : event.stateName;
    e.enteredAt = started;
    if (!m_writer->insertExecution(event.executionId, event.workflowId, "running", started, kUnknownTime)
        || !m_writer->insertWorkflowState(e.rowId, event.workflowId, event.executionId, e.version, StateDatabaseWriter::stateSnapshotJson(e.state, {}, started),
                                          {}, started, started))
        m_error = m_writer->error();
    return *m_executions.insert(event.executionId, e);
}

bool FeedRecorder::write(const FeedEvent &e)
{
    switch (e.type) {
    case FeedEventType::ExecutionStarted:
        execution(e, e.time);
        return true;
    case FeedEventType::Transition: {
        Execution &x = execution(e, kUnknownTime);
        const qint64 duration = e.durationMs >= 0 ? e.durationMs : (x.enteredAt != kUnknownTime ? e.time - x.enteredAt : -1);
        x.state = e.toState;
        x.enteredAt = e.time;
        ++x.version;
        if (!x.dirty) {
            x.dirty = true;
            m_dirty.push_back(e.executionId);
        }
        return m_writer->insertTransition(newId(), x.rowId, e.transitionId, e.fromState, e.toState,
                                          transitionTypeName(e.transitionType).toLatin1(), e.time, duration);
    }
    case FeedEventType::ExecutionCompleted:
    case FeedEventType::ExecutionFailed:
        execution(e, kUnknownTime);
        m_finished.push_back(e.executionId);
        return m_writer->updateExecution(e.executionId, e.type == FeedEventType::ExecutionCompleted ? "completed" : "failed", e.time);
    case FeedEventType::CheckpointCreated: {
        const Execution &x = execution(e, kUnknownTime);
        return m_writer->insertCheckpoint(e.checkpointId, x.rowId, e.checkpointType.isEmpty() ? QByteArray("automatic") : e.checkpointType,
                                          e.time, StateDatabaseWriter::stateSnapshotJson(e.stateName, {}, kUnknownTime), "{}", {}, e.sizeBytes < 0 ? 0 : e.sizeBytes,
                                          {}, e.recoverable);
    }
    case FeedEventType::RecoveryCompleted: {
        const Execution &x = execution(e, kUnknownTime);
        return m_writer->insertRecovery(e.recoveryId, x.rowId, e.time, {}, e.stateName, e.durationMs < 0 ? 0 : e.durationMs,
                                        e.data, e.success == 1, e.success == 0 ? QByteArray(R"({"message":"failed"})") : QByteArray());
    }
    case FeedEventType::Consistency:
        if (!m_workflows.contains(e.workflowId)) {
            m_workflows.insert(e.workflowId);
            m_writer->insertWorkflow(e.workflowId, {}, {}, e.time);
        }
        return m_writer->insertConsistency(newId(), e.workflowId, e.consistency, e.time);
    default:
        return true; // alerts, metrics and control frames are not part of the schema
    }
}

bool FeedRecorder::record(const std::vector<FeedEvent> &batch)
{
    if (!m_connection)
        return false;
    QString error;
    if (!m_connection->begin(&error)) {
        m_error = error;
        return false;
    }
    bool ok = true;
    for (const FeedEvent &e : batch) {
        if (!write(e)) {
            ok = false;
            m_error = m_writer->error();
            break;
        }
        ++m_events;
    }
    // Where each touched execution is now: one update per execution and batch.
    for (const QByteArray &id : m_dirty) {
        Execution &x = m_executions[id];
        x.dirty = false;
        if (ok)
            ok = m_writer->updateWorkflowState(x.rowId, x.version, StateDatabaseWriter::stateSnapshotJson(x.state, {}, x.enteredAt), {}, x.enteredAt);
    }
    m_dirty.clear();
    for (const QByteArray &id : m_finished)
        m_executions.remove(id);
    m_finished.clear();
    if (!ok || !m_error.isEmpty()) {
        m_connection->rollback();
        return false;
    }
    if (!m_connection->commit(&error)) {
        m_error = error;
        m_connection->rollback();
        return false;
    }
    return true;
}

} // namespace StateScope
