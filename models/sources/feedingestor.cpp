#include "feedingestor.h"

#include "bytewords.h"
#include "eventstore.h"
#include "liveanalytics.h"
#include "recoverydataloss.h"

#include <QDateTime>

#include <cstring>

namespace StateScope {

FeedIngestor::FeedIngestor(EventStore &store, LiveAnalytics *live)
    : m_store(store)
    , m_live(live)
{
}

void FeedIngestor::apply(const std::vector<FeedEvent> &batch)
{
    for (const FeedEvent &event : batch)
        apply(event);
}

ExecutionIndex FeedIngestor::execution(QByteArrayView id, QByteArrayView workflowId)
{
    RecentIds::Slot *recent = nullptr;
    if (m_executionsStable && RecentIds::fits(id.size())) {
        recent = &m_recentExecutions.slot(id);
        if (recent->holds(id))
            return recent->index;
    }
    const ExecutionIndex e = m_store.ensureExecution(id, workflowId);
    if (recent)
        recent->remember(id, e);
    return e;
}

void FeedIngestor::prefetchExecution(QByteArrayView id, bool likelyNew) const
{
    if (m_executionsStable)
        m_recentExecutions.prefetch(id);
    if (likelyNew)
        m_store.prefetchExecution(id);
}

void FeedIngestor::prefetchCheckpoint(QByteArrayView checkpointId) const
{
    m_store.prefetchCheckpoint(checkpointId);
}

void FeedIngestor::begin(TimeMs eventTime)
{
    noteTime(eventTime);
    ++m_counters.events;
}

void FeedIngestor::apply(const FeedEvent &event)
{
    noteTime(event.time);
    switch (event.type) {
    case FeedEventType::Transition:
        applyTransition(event);
        break;
    case FeedEventType::ExecutionStarted:
    case FeedEventType::StateChange:
        applyEntry(execution(event), event.type == FeedEventType::ExecutionStarted, event.stateName, event.time);
        break;
    case FeedEventType::ExecutionCompleted:
        setStatus(execution(event), ExecutionStatus::Completed);
        break;
    case FeedEventType::ExecutionFailed:
        setStatus(execution(event), ExecutionStatus::Failed);
        break;
    case FeedEventType::CheckpointCreated:
        applyCheckpoint(execution(event), event.checkpointId, event.checkpointType, event.stateName, event.time,
                        event.sizeBytes, event.recoverable);
        break;
    case FeedEventType::RecoveryInitiated:
    case FeedEventType::RecoveryCompleted:
        applyRecovery(event);
        break;
    case FeedEventType::Consistency:
        applyConsistency(event);
        break;
    case FeedEventType::AlertTriggered:
        ++m_counters.alerts;
        m_alerts.insert(event.alertId, {event.workflowId, event.severity, event.title, event.description,
                                        event.time != kUnknownTime ? event.time : QDateTime::currentMSecsSinceEpoch()});
        break;
    case FeedEventType::AlertResolved:
        m_alerts.remove(event.alertId);
        break;
    case FeedEventType::MetricUpdate:
        ++m_counters.metrics;
        m_metrics.insert(event.metricName, event.metricValue);
        break;
    case FeedEventType::Hello:
    case FeedEventType::Heartbeat:
    case FeedEventType::Subscribed:
    case FeedEventType::ResumeFailed:
    case FeedEventType::Error:
        return; // the connection's business, not the store's
    }
    ++m_counters.events;
}

void FeedIngestor::applyEntry(ExecutionIndex e, bool started, QByteArrayView stateName, TimeMs time)
{
    if (started && time != kUnknownTime)
        m_store.setExecutionEntryTime(e, time);
    // The state an execution sits in before its first transition.
    if (!stateName.isEmpty() && m_store.firstTransitionOf(e) == kNoIndex
        && m_store.executionInitialState(e) == kNoState) {
        const StateId s = m_store.internState(stateName);
        m_store.setExecutionInitialState(e, s);
        if (!started && time != kUnknownTime && m_store.executionEntryTime(e) == kUnknownTime)
            m_store.setExecutionEntryTime(e, time);
        if (m_live) {
            m_live->addFirstState(s);
            m_live->moveExecution(kNoState, s);
        }
    }
}

void FeedIngestor::setStatus(ExecutionIndex e, ExecutionStatus status)
{
    m_store.setExecutionStatus(e, status);
}

StateId FeedIngestor::stateNamed(QByteArrayView name)
{
    const size_t n = size_t(name.size());
    NamedState &slot = m_namedStates[ByteWords::endsHash(name.data(), n) % std::size(m_namedStates)];
    if (slot.id != kNoState && slot.name.size() == name.size() && ByteWords::same(slot.name.constData(), name.data(), n))
        return slot.id;
    slot.name = name.toByteArray();
    slot.id = m_store.internState(name);
    return slot.id;
}

StateId FeedIngestor::state(const QByteArray &name)
{
    RecentName &slot = m_recentNames[(quintptr(name.constData()) >> 4) % std::size(m_recentNames)];
    if (slot.id != kNoState && slot.name.constData() == name.constData() && slot.name.size() == name.size())
        return slot.id;
    slot.name = name;
    slot.id = m_store.internState(name);
    return slot.id;
}

void FeedIngestor::applyTransition(const FeedEvent &event)
{
    const ExecutionIndex e = execution(event);
    const StateId from = state(event.fromState);
    const StateId to = state(event.toState);
    applyTransition(e, from, to, event.time, event.transitionType);
}

void FeedIngestor::applyTransition(ExecutionIndex e, StateId from, StateId to, TimeMs time, TransitionType type)
{
    const quint32 tail = m_store.lastTransitionOf(e);
    const bool inOrder = tail == kNoIndex || m_store.transitionTime(tail) <= time;
    if (!inOrder)
        ++m_counters.outOfOrder;
    if (m_live) {
        // The stay this transition ends: since the previous transition, or since the start.
        StateId previous = kNoState;
        TimeMs entry = kUnknownTime;
        if (tail == kNoIndex) {
            previous = m_store.executionInitialState(e);
            entry = m_store.executionEntryTime(e);
            if (previous == kNoState)
                m_live->addFirstState(from);
        } else {
            previous = m_store.transitionTo(tail);
            entry = m_store.transitionTime(tail);
        }
        if (inOrder) {
            m_live->addTransition(from, to, entry != kUnknownTime && time >= entry ? time - entry : -1);
            m_live->moveExecution(previous, to);
        } else {
            m_live->addTransition(from, to, -1);
            m_live->markDwellStale(); // a late event split a stay already counted
        }
    }
    m_store.appendTransition(e, from, to, time, type);
    ++m_counters.transitions;
}

void FeedIngestor::applyCheckpoint(ExecutionIndex e, QByteArrayView id, QByteArrayView type, QByteArrayView stateName,
                                   TimeMs time, qint64 sizeBytes, bool recoverable)
{
    CheckpointInfo c;
    c.execution = e;
    c.timestamp = time;
    c.sizeBytes = sizeBytes;
    c.recoverable = recoverable;
    // The feed announces a checkpoint without its content: its checksum cannot be checked
    // here (the database it lives in can), so it stays unverifiable.
    c.status = CheckpointStatus::Unverifiable;
    m_store.addCheckpoint(id, type, stateName, c);
}

void FeedIngestor::applyRecovery(const FeedEvent &event)
{
    // An attempt counts once, when it completes; initiated ones are in flight.
    if (event.type != FeedEventType::RecoveryCompleted)
        return;
    RecoveryRecord r;
    r.id = QString::fromUtf8(event.recoveryId);
    r.execution = execution(event);
    r.time = event.time != kUnknownTime ? event.time : m_latest;
    r.type = QStringLiteral("checkpoint");
    r.fromCheckpoint = QString::fromUtf8(event.checkpointId);
    r.toState = QString::fromUtf8(event.stateName);
    r.durationMs = event.durationMs;
    r.success = event.success;
    // dataLoss (optional) has the shape of state_recovery_log.data_loss; others are unknown.
    if (!event.data.isEmpty())
        RecoveryDataLoss::summarize(event.data, &r.transitionsRolledBack, &r.variablesChanged);
    m_store.recoveries().push_back(std::move(r));
}

void FeedIngestor::applyConsistency(const FeedEvent &event)
{
    ConsistencySample sample = event.consistency;
    sample.workflow = m_store.ensureWorkflow(event.workflowId);
    // Samples carry no time of their own: they describe the replica set now.
    sample.time = event.time != kUnknownTime ? event.time : QDateTime::currentMSecsSinceEpoch();
    m_store.consistency().push_back(std::move(sample));
}

} // namespace StateScope
