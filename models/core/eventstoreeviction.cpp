// EventStore::evictExecutions: the store's half of the memory budget (BARS R3).
#include "eventstore.h"

#include <algorithm>

namespace StateScope {

namespace {
// Folds the records of evicted executions into their summaries and removes them.
template<typename Record, typename Fold>
void dropEvicted(std::vector<Record> &records, const std::vector<bool> &evict, Fold fold)
{
    auto evicted = [&evict](const Record &r) { return r.execution < evict.size() && evict[r.execution]; };
    for (const Record &r : records) {
        if (evicted(r))
            fold(r);
    }
    records.erase(std::remove_if(records.begin(), records.end(), evicted), records.end());
}
} // namespace

void EventStore::evictExecutions(const std::vector<bool> &evict)
{
    const quint32 executions = executionCount();
    // Fold first, while every index still means what it did.
    bool any = false;
    for (ExecutionIndex e = 0; e < executions && e < evict.size(); ++e) {
        if (evict[e]) {
            m_summaries[m_execWorkflow[e]].addExecution(*this, e);
            any = true;
        }
    }
    if (!any)
        return;
    auto summaryOf = [this](ExecutionIndex e) -> HistorySummary & { return m_summaries[m_execWorkflow[e]]; };

    std::vector<bool> keep(executions);
    for (ExecutionIndex e = 0; e < executions; ++e)
        keep[e] = e >= evict.size() || !evict[e];
    dropEvicted(m_checkpoints, evict, [&](const CheckpointInfo &c) { summaryOf(c.execution).addCheckpoint(*this, c); });
    dropEvicted(m_recoveries, evict, [&](const RecoveryRecord &r) { summaryOf(r.execution).addRecovery(*this, r); });
    const std::vector<quint32> executionRemap = m_executionIds.retain(keep); // ids keep their order
    for (CheckpointInfo &c : m_checkpoints) {
        if (c.execution < executions)
            c.execution = executionRemap[c.execution];
    }
    for (RecoveryRecord &r : m_recoveries) {
        if (r.execution < executions)
            r.execution = executionRemap[r.execution];
    }
    // Checkpoint ids only the evicted checkpoints used go too.
    {
        std::vector<bool> keepKey(m_checkpointIds.size(), false);
        for (const CheckpointInfo &c : m_checkpoints)
            keepKey[c.key] = true;
        const std::vector<quint32> keyRemap = m_checkpointIds.retain(keepKey);
        for (CheckpointInfo &c : m_checkpoints)
            c.key = keyRemap[c.key];
    }

    // Transitions: compacted in place, in order; links and heads follow the new numbering.
    const quint32 transitions = transitionCount();
    std::vector<quint32> transitionRemap(transitions, kNoIndex);
    quint32 kept = 0;
    for (quint32 t = 0; t < transitions; ++t) {
        if (keep[m_trExec[t]])
            transitionRemap[t] = kept++;
    }
    const bool linked = !m_next.empty();
    for (quint32 t = 0; t < transitions; ++t) {
        const quint32 w = transitionRemap[t];
        if (w == kNoIndex)
            continue;
        // w <= t: position t has not been overwritten yet when it is read.
        m_trExec[w] = executionRemap[m_trExec[t]];
        m_trFrom[w] = m_trFrom[t];
        m_trTo[w] = m_trTo[t];
        m_trTime[w] = m_trTime[t];
        m_trType[w] = m_trType[t];
        if (linked)
            m_next[w] = m_next[t] == kNoIndex ? kNoIndex : transitionRemap[m_next[t]];
    }
    m_trExec.resize(kept);
    m_trFrom.resize(kept);
    m_trTo.resize(kept);
    m_trTime.resize(kept);
    m_trType.resize(kept);
    if (linked)
        m_next.resize(kept);

    quint32 w = 0;
    for (ExecutionIndex e = 0; e < executions; ++e) {
        if (!keep[e])
            continue;
        m_execWorkflow[w] = m_execWorkflow[e];
        m_execEntry[w] = m_execEntry[e];
        m_execStatus[w] = m_execStatus[e];
        m_execInitialState[w] = m_execInitialState[e];
        m_execHead[w] = m_execHead[e] == kNoIndex ? kNoIndex : transitionRemap[m_execHead[e]];
        m_execTail[w] = m_execTail[e] == kNoIndex ? kNoIndex : transitionRemap[m_execTail[e]];
        m_execCount[w] = m_execCount[e];
        ++w;
    }
    m_execWorkflow.resize(w);
    m_execEntry.resize(w);
    m_execStatus.resize(w);
    m_execInitialState.resize(w);
    m_execHead.resize(w);
    m_execTail.resize(w);
    m_execCount.resize(w);
}

} // namespace StateScope
