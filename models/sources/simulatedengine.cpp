#include "simulatedengine.h"

#include "checksum.h"
#include "consistencyscore.h"
#include "feedeventjson.h"
#include "feedlog.h"
#include "feedserver.h"
#include "recoverydataloss.h"
#include "sqlconnection.h"
#include "statedatabasewriter.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <cmath>

namespace StateScope {

namespace {
constexpr int kTickMs = 10;
const char *const kWorkflowNames[] = {"order-processing", "invoice-approval", "data-sync", "refunds", "onboarding"};

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}
} // namespace

SimulatedEngine::SimulatedEngine(MachineModel machine, SimulationOptions options, QObject *parent)
    : QObject(parent)
    , m_machine(std::move(machine))
    , m_options(options)
    , m_gen(options.seed)
{
    m_machine.scaleFailures(options.failureScale);
    const int workflows = std::clamp(options.workflows, 1, 5);
    for (int i = 0; i < workflows; ++i)
        m_workflowIds.push_back(m_gen.uuid());
    m_alertRaised.assign(size_t(workflows), false);
}

SimulatedEngine::~SimulatedEngine()
{
    stop();
}

bool SimulatedEngine::setDatabase(SqlConnection *connection, QString *error)
{
    m_db = connection;
    m_writer = std::make_unique<StateDatabaseWriter>(*connection);
    if (!m_writer->prepare(error) || !connection->begin(error))
        return false;
    const TimeMs now = QDateTime::currentMSecsSinceEpoch();
    const QByteArray machineId = m_gen.uuid();
    StateMachineDefinition definition = m_machine.definition();
    definition.version = QStringLiteral("sim-%1").arg(m_options.seed); // one row per run: (name, version) is unique
    bool ok = m_writer->insertStateMachine(machineId, definition);
    for (size_t i = 0; ok && i < m_workflowIds.size(); ++i)
        ok = m_writer->insertWorkflow(m_workflowIds[i], kWorkflowNames[i], machineId, now);
    if (!ok || !connection->commit(error)) {
        if (error->isEmpty())
            *error = m_writer->error();
        connection->rollback();
        return false;
    }
    return true;
}

bool SimulatedEngine::seqsUsedBound(SqlConnection &connection, quint64 *bound, QString *error)
{
    // Per row, the events it stands for at the most: an execution is started and ends; a
    // transition (a rollback too), a checkpoint: one; a consistency sample: one, and maybe an
    // alert raised or resolved; a recovery: initiated, completed, and the execution it revives
    // may end once more.
    auto q = connection.prepare("SELECT 2 * (SELECT count(*) FROM workflow_executions) + (SELECT count(*) FROM state_transitions) "
                                "+ (SELECT count(*) FROM state_checkpoints) + 2 * (SELECT count(*) FROM state_consistency) "
                                "+ 3 * (SELECT count(*) FROM state_recovery_log)",
                                error);
    if (!q)
        return false;
    bool ok = false;
    if (q->next())
        *bound = quint64(q->int64(0, &ok));
    if (!ok)
        *error = q->error().isEmpty() ? QStringLiteral("the row counts could not be read") : q->error();
    return ok;
}

void SimulatedEngine::start()
{
    m_clock.start();
    m_timer = new QTimer(this);
    m_timer->setTimerType(Qt::PreciseTimer);
    connect(m_timer, &QTimer::timeout, this, &SimulatedEngine::tick);
    m_timer->start(kTickMs);
}

void SimulatedEngine::stop()
{
    if (m_timer)
        m_timer->stop();
    flushDatabase();
    commitFeedLog();
}

void SimulatedEngine::dbCheck(bool ok)
{
    if (ok || !m_writer)
        return;
    if (m_stats.databaseErrors++ == 0) // reported once; the engine keeps running
        emit errorOccurred(QStringLiteral("database write failed: %1").arg(m_writer->error()));
}

void SimulatedEngine::flushDatabase()
{
    if (!m_db || !m_inTransaction)
        return;
    QString error;
    if (!m_db->commit(&error)) {
        ++m_stats.databaseErrors;
        emit errorOccurred(QStringLiteral("database commit failed: %1").arg(error));
        m_db->rollback();
    }
    m_inTransaction = false;
}

void SimulatedEngine::publish(FeedEvent &event, Execution *execution)
{
    ++m_stats.events;
    if (execution)
        ++execution->events;
    if (!m_server)
        return;
    const QByteArray json = feedEventToJson(event);
    const QByteArray type = feedEventTypeName(event.type);
    const quint64 seq = m_server->publishSerialized(json, type, event.workflowId);
    if (m_log && !m_log->append(seq, type, event.workflowId, json) && m_stats.databaseErrors++ == 0)
        emit errorOccurred(QStringLiteral("feed log write failed"));
}

void SimulatedEngine::commitFeedLog()
{
    if (!m_log)
        return;
    QString error;
    if (!m_log->commit(&error) && m_stats.databaseErrors++ == 0)
        emit errorOccurred(QStringLiteral("feed log commit failed: %1").arg(error));
    if (++m_ticksSinceTrim >= 500) { // every few seconds: keep what a resume can use
        m_ticksSinceTrim = 0;
        m_log->trim(quint64(std::max(1, m_server ? m_server->options().resumeBufferEvents : 100000)), &error);
    }
}

void SimulatedEngine::tick()
{
    const TimeMs now = QDateTime::currentMSecsSinceEpoch();
    if (m_db && !m_inTransaction) {
        QString error;
        m_inTransaction = m_db->begin(&error);
        if (!m_inTransaction)
            dbCheck(false);
    }
    const double dt = m_lastTick == kUnknownTime ? kTickMs / 1000.0 : double(now - m_lastTick) / 1000.0;
    m_lastTick = now;
    // Start executions at the rate that yields the wanted events per second.
    m_startCarry += m_options.eventsPerSecond / m_eventsPerExecution * std::min(dt, 1.0);
    while (m_startCarry >= 1.0) {
        m_startCarry -= 1.0;
        if (m_options.executions && m_stats.executionsStarted >= m_options.executions) {
            m_startCarry = 0;
            break;
        }
        startExecution(now);
    }
    while (!m_due.empty() && m_due.top().at <= now) {
        const Due due = m_due.top();
        m_due.pop();
        const Execution *e = executionAt(due.execution);
        if (e && e->generation == due.generation && !e->finished)
            advance(due.execution, now);
    }
    if (m_lastConsistency == kUnknownTime || now - m_lastConsistency >= m_options.consistencyIntervalMs) {
        m_lastConsistency = now;
        sampleConsistency(now);
    }
    if (m_lastFlush == kUnknownTime || now - m_lastFlush >= m_options.databaseFlushMs) {
        m_lastFlush = now;
        flushDatabase();
    }
    forgetOldExecutions();
    commitFeedLog(); // before the event loop turn ends and the server sends these events
    if (m_options.executions && m_stats.executionsStarted >= m_options.executions && m_active == 0) {
        m_timer->stop();
        flushDatabase();
        if (m_server)
            m_server->flush();
        emit allFinished();
    }
}

QByteArray SimulatedEngine::variablesOf(const Execution &e) const
{
    return compact(QJsonObject{{QStringLiteral("orderId"), QString::fromLatin1(e.id.left(8))},
                               {QStringLiteral("attempt"), int(e.transitions)},
                               {QStringLiteral("amount"), double(qHash(e.id) % 100000) / 100.0}});
}

QByteArray SimulatedEngine::snapshotOf(const Execution &e) const
{
    const MachineModel::State &s = m_machine.states[size_t(e.state)];
    return StateDatabaseWriter::stateSnapshotJson(s.name, s.type, e.enteredAt);
}

void SimulatedEngine::startExecution(TimeMs now)
{
    Execution e;
    e.id = m_gen.uuid();
    e.rowId = m_gen.uuid();
    e.workflow = int(m_stats.executionsStarted % m_workflowIds.size());
    e.state = m_machine.initial;
    e.enteredAt = now;
    const quint32 index = m_firstKept + quint32(m_executions.size());
    m_byId.insert(e.id, index);
    m_executions.push_back(std::move(e));
    Execution &x = m_executions.back();
    ++m_stats.executionsStarted;
    ++m_active;
    FeedEvent started;
    started.type = FeedEventType::ExecutionStarted;
    started.workflowId = m_workflowIds[size_t(x.workflow)];
    started.executionId = x.id;
    started.stateName = m_machine.states[size_t(x.state)].name;
    started.time = now;
    publish(started, &x);
    if (m_writer) {
        dbCheck(m_writer->insertExecution(x.id, started.workflowId, "running", now, kUnknownTime));
        dbCheck(m_writer->insertWorkflowState(x.rowId, started.workflowId, x.id, x.version, snapshotOf(x), variablesOf(x), now, now));
    }
    schedule(index, now);
}

void SimulatedEngine::schedule(quint32 index, TimeMs now)
{
    Execution &e = *executionAt(index);
    const double dwell = m_machine.sampleDwellMs(e.state, m_gen.rng(), m_options.dwellScale);
    m_due.push({now + TimeMs(dwell), index, e.generation});
}

void SimulatedEngine::advance(quint32 index, TimeMs now)
{
    Execution &e = *executionAt(index);
    const int from = e.state;
    const int to = m_machine.next(from, m_gen.rng());
    FeedEvent t;
    t.type = FeedEventType::Transition;
    t.workflowId = m_workflowIds[size_t(e.workflow)];
    t.executionId = e.id;
    t.transitionId = QByteArray("tr-" + QByteArray::number(++m_transitionSerial));
    t.fromState = m_machine.states[size_t(from)].name;
    t.toState = m_machine.states[size_t(to)].name;
    t.transitionType = m_machine.moveType(from, to);
    t.time = now;
    t.durationMs = now - e.enteredAt;
    t.stateType = m_machine.states[size_t(to)].type;
    publish(t, &e);
    if (m_writer)
        dbCheck(m_writer->insertTransition(m_gen.uuid(), e.rowId, t.transitionId, t.fromState, t.toState,
                                           transitionTypeName(t.transitionType).toLatin1(), now, t.durationMs));
    e.state = to;
    e.enteredAt = now;
    ++e.version;
    ++e.transitions;
    ++m_stats.transitions;
    if (m_writer)
        dbCheck(m_writer->updateWorkflowState(e.rowId, e.version, snapshotOf(e), variablesOf(e), now));
    if (m_machine.states[size_t(to)].terminal) {
        finish(e, now);
        return;
    }
    if (m_gen.uniform() < m_options.checkpointShare)
        createCheckpoint(e, now);
    schedule(index, now);
}

void SimulatedEngine::finish(Execution &e, TimeMs now)
{
    e.finished = true;
    --m_active;
    ++m_stats.executionsFinished;
    const bool succeeded = m_machine.states[size_t(e.state)].type == "succeed";
    FeedEvent done;
    done.type = succeeded ? FeedEventType::ExecutionCompleted : FeedEventType::ExecutionFailed;
    done.workflowId = m_workflowIds[size_t(e.workflow)];
    done.executionId = e.id;
    done.stateName = m_machine.states[size_t(e.state)].name;
    done.time = now;
    publish(done, &e);
    if (m_writer)
        dbCheck(m_writer->updateExecution(e.id, succeeded ? "completed" : (done.stateName == "cancelled" ? "cancelled" : "failed"), now));
    // Learn how many events an execution makes, to keep the event rate near the target.
    m_eventsPerExecution = 0.98 * m_eventsPerExecution + 0.02 * double(e.events);
}

void SimulatedEngine::createCheckpoint(Execution &e, TimeMs now)
{
    Checkpoint c;
    c.id = m_gen.uuid();
    c.state = e.state;
    c.at = now;
    c.snapshot = snapshotOf(e);
    c.variables = variablesOf(e);
    c.recoverable = m_gen.uniform() > 0.05;
    c.transitionsBefore = e.transitions;
    const QByteArray checksum = checkpointChecksum(c.snapshot, c.variables).hex;
    FeedEvent event;
    event.type = FeedEventType::CheckpointCreated;
    event.workflowId = m_workflowIds[size_t(e.workflow)];
    event.executionId = e.id;
    event.checkpointId = c.id;
    event.checkpointType = "automatic";
    event.time = now;
    event.stateName = m_machine.states[size_t(e.state)].name;
    event.sizeBytes = c.snapshot.size() + c.variables.size();
    event.checksum = checksum;
    event.recoverable = c.recoverable;
    publish(event, &e);
    if (m_writer)
        dbCheck(m_writer->insertCheckpoint(c.id, e.rowId, "automatic", now, c.snapshot, c.variables,
                                           QByteArray("sim://checkpoints/" + c.id), event.sizeBytes, checksum, c.recoverable));
    ++m_stats.checkpoints;
    e.checkpoints.push_back(std::move(c));
}

void SimulatedEngine::sampleConsistency(TimeMs now)
{
    for (size_t w = 0; w < m_workflowIds.size(); ++w) {
        FeedEvent event;
        event.type = FeedEventType::Consistency;
        event.workflowId = m_workflowIds[w];
        event.time = now;
        ConsistencySample &s = event.consistency;
        s.level = QStringLiteral("strong");
        s.replicationFactor = std::max(1, m_options.replicaNodes);
        s.quorumSize = s.replicationFactor / 2 + 1;
        const bool spike = m_gen.uniform() < 0.08; // now and then a node falls behind
        for (int n = 0; n < s.replicationFactor; ++n) {
            ReplicaNode node;
            node.nodeId = QStringLiteral("node-%1").arg(n + 1);
            node.lagMs = std::round(spike && n == s.replicationFactor - 1 ? 1500 + m_gen.exponential(1000) : m_gen.exponential(120));
            node.pendingChanges = qint64(node.lagMs / 100);
            node.inSync = node.lagMs < 1000;
            s.maxLagMs = std::max(s.maxLagMs, node.lagMs);
            s.pendingChanges += node.pendingChanges;
            s.nodesInSync += node.inSync ? 1 : 0;
            s.nodes.push_back(node);
        }
        if (spike) {
            s.conflicts = 1;
            s.divergence.append(QStringLiteral("node-%1 variables.amount").arg(s.replicationFactor));
        }
        publish(event, nullptr);
        const bool healthy = consistencySampleHealthy(s, 1000); // SPEC 6's default lag threshold
        if (healthy == m_alertRaised[w]) { // raise on the first bad sample, resolve on the first good one
            m_alertRaised[w] = !healthy;
            FeedEvent alert;
            alert.type = healthy ? FeedEventType::AlertResolved : FeedEventType::AlertTriggered;
            alert.workflowId = m_workflowIds[w];
            alert.alertId = QByteArray("replication-lag-" + QByteArray::number(qulonglong(w)));
            alert.severity = "warning";
            alert.title = "Replication lag over 1 s";
            alert.description = QByteArray("a replica of " + QByteArray(kWorkflowNames[w]) + " is behind");
            alert.time = now;
            publish(alert, nullptr);
        }
        if (m_writer)
            dbCheck(m_writer->insertConsistency(m_gen.uuid(), m_workflowIds[w], s, now));
    }
}

void SimulatedEngine::forgetOldExecutions()
{
    // Finished executions are kept for recovery requests, up to a bound: the engine runs for hours.
    while (m_executions.size() > size_t(m_options.keepFinishedExecutions) + m_active) {
        const Execution &old = m_executions.front();
        if (!old.finished)
            break;
        m_byId.remove(old.id);
        m_executions.pop_front();
        ++m_firstKept;
    }
}

SimulatedEngine::Execution *SimulatedEngine::executionAt(quint32 index)
{
    if (index < m_firstKept || index - m_firstKept >= m_executions.size())
        return nullptr;
    return &m_executions[index - m_firstKept];
}

EngineRecoveryResult SimulatedEngine::recover(QByteArrayView workflowId, QByteArrayView executionId,
                                              QByteArrayView checkpointId, QByteArrayView reason, QByteArrayView actor,
                                              qint64 expectedStateVersion)
{
    EngineRecoveryResult r;
    auto refuse = [&r](int status, const char *message) {
        r.httpStatus = status;
        r.error = message;
        return r;
    };
    if (executionId.isEmpty() || checkpointId.isEmpty())
        return refuse(400, "executionId and checkpointId are required");
    if (reason.trimmed().isEmpty())
        return refuse(400, "a reason is required");
    const auto found = m_byId.constFind(executionId.toByteArray());
    Execution *e = found == m_byId.cend() ? nullptr : executionAt(*found);
    if (!e || m_workflowIds[size_t(e->workflow)] != workflowId)
        return refuse(404, "no such execution in this workflow");
    const Checkpoint *c = nullptr;
    for (const Checkpoint &candidate : e->checkpoints) {
        if (candidate.id == checkpointId)
            c = &candidate;
    }
    if (!c)
        return refuse(404, "no such checkpoint for this execution");
    if (expectedStateVersion != e->version) {
        r.stateVersion = e->version;
        return refuse(409, "the execution moved on: its state version differs from the expected one");
    }
    if (!c->recoverable)
        return refuse(422, "the checkpoint is not recoverable");

    const TimeMs now = QDateTime::currentMSecsSinceEpoch();
    r.recoveryId = m_gen.uuid();
    const QByteArray workflow = m_workflowIds[size_t(e->workflow)];
    FeedEvent initiated;
    initiated.type = FeedEventType::RecoveryInitiated;
    initiated.workflowId = workflow;
    initiated.executionId = e->id;
    initiated.recoveryId = r.recoveryId;
    initiated.checkpointId = c->id;
    initiated.stateName = m_machine.states[size_t(c->state)].name;
    initiated.actor = actor.toByteArray();
    initiated.reason = reason.toByteArray();
    initiated.time = now;
    publish(initiated, e);

    FeedEvent rollback;
    rollback.type = FeedEventType::Transition;
    rollback.workflowId = workflow;
    rollback.executionId = e->id;
    rollback.transitionId = QByteArray("tr-" + QByteArray::number(++m_transitionSerial));
    rollback.fromState = m_machine.states[size_t(e->state)].name;
    rollback.toState = m_machine.states[size_t(c->state)].name;
    rollback.transitionType = TransitionType::Rollback;
    rollback.time = now;
    rollback.durationMs = now - e->enteredAt;
    publish(rollback, e);
    // What the recovery loses, measured before the execution changes: the same data_loss
    // document a recovery of a database row writes (RecoveryDataLoss).
    RecoveryDataLoss loss;
    loss.transitionsRolledBack = e->transitions - c->transitionsBefore;
    loss.variables = RecoveryDataLoss::diffVariables(variablesOf(*e), c->variables);
    if (m_writer)
        dbCheck(m_writer->insertTransition(m_gen.uuid(), e->rowId, rollback.transitionId, rollback.fromState,
                                           rollback.toState, "rollback", now, rollback.durationMs));
    if (e->finished) { // a finished execution runs again from the checkpoint
        e->finished = false;
        ++m_active;
        --m_stats.executionsFinished;
    }
    e->state = c->state;
    e->enteredAt = now;
    ++e->version;
    ++e->transitions;
    ++e->generation; // its scheduled step belongs to the state it left
    const qint64 duration = 5 + qint64(m_gen.exponential(40));
    const QByteArray dataLoss = loss.toJson();
    if (m_writer) {
        dbCheck(m_writer->updateWorkflowState(e->rowId, e->version, c->snapshot, c->variables, now));
        dbCheck(m_writer->updateExecution(e->id, "running", kUnknownTime));
        dbCheck(m_writer->insertRecovery(r.recoveryId, e->rowId, now, c->id, rollback.toState, duration, dataLoss, true, {}));
    }
    FeedEvent completed = initiated;
    completed.type = FeedEventType::RecoveryCompleted;
    completed.success = 1;
    completed.durationMs = duration;
    completed.data = dataLoss;
    publish(completed, e);
    ++m_stats.recoveries;
    commitFeedLog();
    schedule(*m_byId.constFind(e->id), now);
    r.stateVersion = e->version;
    r.toState = rollback.toState;
    return r;
}

} // namespace StateScope
