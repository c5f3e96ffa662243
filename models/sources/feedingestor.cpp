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

ExecutionIndex FeedIngestor::execution(const FeedEvent &event)
{
    const QByteArray &id = event.executionId;
    const size_t n = size_t(id.size());
    RecentExecution *recent = nullptr;
    if (m_executionsStable && n >= 8 && n <= sizeof(RecentExecution::text)) {
        constexpr size_t kSlots = 16384;
        if (m_recentExecutions.empty())
            m_recentExecutions.resize(kSlots);
        const char *p = id.constData();
        const quint64 h = (ByteWords::load8(p) * 0x9E3779B97F4A7C15ULL)
            ^ (ByteWords::load8(p + n - 8) * 0xC2B2AE3D27D4EB4FULL) ^ n;
        recent = &m_recentExecutions[(h ^ (h >> 29)) % kSlots];
        if (recent->size == n && ByteWords::same(recent->text, p, n))
            return recent->index;
    }
    ExecutionIndex e = m_store.findExecution(id);
    if (e == StringInterner::kNotFound)
        e = m_store.addExecution(id, m_store.ensureWorkflow(event.workflowId), kUnknownTime, ExecutionStatus::Running);
    if (recent) {
        recent->size = quint32(n);
        recent->index = e;
        std::memcpy(recent->text, id.constData(), n);
    }
    return e;
}

void FeedIngestor::apply(const FeedEvent &event)
{
    if (event.time != kUnknownTime && (m_latest == kUnknownTime || event.time > m_latest))
        m_latest = event.time;
    switch (event.type) {
    case FeedEventType::Transition:
        applyTransition(event);
        break;
    case FeedEventType::ExecutionStarted:
    case FeedEventType::StateChange: {
        const ExecutionIndex e = execution(event);
        if (event.type == FeedEventType::ExecutionStarted && event.time != kUnknownTime)
            m_store.setExecutionEntryTime(e, event.time);
        // The state an execution sits in before its first transition.
        if (!event.stateName.isEmpty() && m_store.firstTransitionOf(e) == kNoIndex
            && m_store.executionInitialState(e) == kNoState) {
            const StateId s = m_store.internState(event.stateName);
            m_store.setExecutionInitialState(e, s);
            if (event.type == FeedEventType::StateChange && event.time != kUnknownTime
                && m_store.executionEntryTime(e) == kUnknownTime)
                m_store.setExecutionEntryTime(e, event.time);
            if (m_live) {
                m_live->addFirstState(s);
                m_live->moveExecution(kNoState, s);
            }
        }
        break;
    }
    case FeedEventType::ExecutionCompleted:
        m_store.setExecutionStatus(execution(event), ExecutionStatus::Completed);
        break;
    case FeedEventType::ExecutionFailed:
        m_store.setExecutionStatus(execution(event), ExecutionStatus::Failed);
        break;
    case FeedEventType::CheckpointCreated:
        applyCheckpoint(event);
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
    const quint32 tail = m_store.lastTransitionOf(e);
    const bool inOrder = tail == kNoIndex || m_store.transitionTime(tail) <= event.time;
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
            m_live->addTransition(from, to, entry != kUnknownTime && event.time >= entry ? event.time - entry : -1);
            m_live->moveExecution(previous, to);
        } else {
            m_live->addTransition(from, to, -1);
            m_live->markDwellStale(); // a late event split a stay already counted
        }
    }
    m_store.appendTransition(e, from, to, event.time, event.transitionType);
    ++m_counters.transitions;
}

void FeedIngestor::applyCheckpoint(const FeedEvent &event)
{
    CheckpointInfo c;
    c.execution = execution(event);
    c.timestamp = event.time;
    c.sizeBytes = event.sizeBytes;
    c.recoverable = event.recoverable;
    // The feed announces a checkpoint without its content: its checksum cannot be checked
    // here (the database it lives in can), so it stays unverifiable.
    c.status = CheckpointStatus::Unverifiable;
    m_store.addCheckpoint(event.checkpointId, event.checkpointType, event.stateName, c);
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
