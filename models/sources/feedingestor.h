#pragma once

#include "feedevent.h"
#include "recentids.h"

#include <QHash>

#include <vector>

namespace StateScope {

class EventStore;
class LiveAnalytics;

struct IngestCounters
{
    quint64 events = 0;        // domain events applied
    quint64 transitions = 0;
    quint64 outOfOrder = 0;    // transitions older than their execution's latest one
    quint64 alerts = 0;
    quint64 metrics = 0;
};

struct LiveAlert
{
    QByteArray workflowId;
    QByteArray severity;
    QByteArray title;
    QByteArray description;
    TimeMs raisedAt = kUnknownTime;
};

// Applies batches of feed events (SPEC 4) to the store the analytics read, the same store a
// database load fills: executions, transitions, checkpoints, recoveries, consistency samples.
// Keeps LiveAnalytics (optional) in step so live views need no rescans. Not thread-safe: it
// runs on the thread that owns the store.
class FeedIngestor final
{
public:
    explicit FeedIngestor(EventStore &store, LiveAnalytics *live = nullptr);

    // For a load that owns its store (a JSONL file): no one evicts executions meanwhile
    // (EventStore::evictExecutions renumbers them), so the ingestor may remember the index of
    // the execution ids it saw last and skip the store's lookup. Off by default.
    void setExecutionsStable(bool stable) { m_executionsStable = stable; }

    void apply(const std::vector<FeedEvent> &batch);
    void apply(const FeedEvent &event);
    const IngestCounters &counters() const { return m_counters; }
    const QHash<QByteArray, LiveAlert> &activeAlerts() const { return m_alerts; }
    const QHash<QByteArray, double> &metrics() const { return m_metrics; }
    // The latest event time seen (for "data is N s old" and as-of times).
    TimeMs latestEventTime() const { return m_latest; }

    // The same effects as apply() for the commonest events, from their members as views: a
    // reader that skips FeedEvent (JsonLinesFastPath) calls begin(), then one of the others.
    void begin(TimeMs eventTime);
    ExecutionIndex execution(QByteArrayView executionId, QByteArrayView workflowId);
    // Hints for a reader that knows ids before it applies their event: their table slots are
    // then fetched while it reads the rest. `likelyNew`: an execution_started, say.
    void prefetchExecution(QByteArrayView executionId, bool likelyNew) const;
    void prefetchCheckpoint(QByteArrayView checkpointId) const;
    StateId stateNamed(QByteArrayView name);
    void applyTransition(ExecutionIndex e, StateId from, StateId to, TimeMs time, TransitionType type);
    // execution_started (started: true) and state_change.
    void applyEntry(ExecutionIndex e, bool started, QByteArrayView stateName, TimeMs time);
    void applyCheckpoint(ExecutionIndex e, QByteArrayView id, QByteArrayView type, QByteArrayView stateName,
                         TimeMs time, qint64 sizeBytes, bool recoverable);
    void setStatus(ExecutionIndex e, ExecutionStatus status);

private:
    void noteTime(TimeMs t)
    {
        if (t != kUnknownTime && (m_latest == kUnknownTime || t > m_latest))
            m_latest = t;
    }
    ExecutionIndex execution(const FeedEvent &event) { return execution(event.executionId, event.workflowId); }
    StateId state(const QByteArray &name);
    void applyTransition(const FeedEvent &event);
    void applyRecovery(const FeedEvent &event);
    void applyConsistency(const FeedEvent &event);

    EventStore &m_store;
    LiveAnalytics *m_live;
    IngestCounters m_counters;
    QHash<QByteArray, LiveAlert> m_alerts;
    QHash<QByteArray, double> m_metrics;
    TimeMs m_latest = kUnknownTime;
    // The parser hands out one shared QByteArray per repeated name: a name whose data pointer
    // was seen before is the same name. Holding the QByteArray keeps the pointer from being
    // reused for other text while it is cached.
    struct RecentName
    {
        QByteArray name;
        StateId id = kNoState;
    };
    RecentName m_recentNames[64];
    // The same by their text, for stateNamed().
    struct NamedState
    {
        QByteArray name;
        StateId id = kNoState;
    };
    NamedState m_namedStates[64];
    // Execution ids by their text, while setExecutionsStable(true) holds.
    RecentIds m_recentExecutions;
    bool m_executionsStable = false;
};

} // namespace StateScope
