#pragma once

#include "domaintypes.h"
#include "historysummary.h"
#include "idinterner.h"
#include "stringinterner.h"

#include <map>
#include <vector>

namespace StateScope {

// The in-memory store every view and the analytics read. Columnar: one vector per field,
// states, workflows and execution ids interned to dense integers, timestamps as 64-bit ms.
//
// Transitions form per-execution chains in time order. While every execution's transitions
// are contiguous in the columns (a bulk load grouped by execution, or after finalize()) the
// chains are implicit: t is followed by t + 1 up to the execution's tail, and no link column
// exists. The first append that breaks contiguity (interleaved executions, out-of-order
// events) materialises m_next, so appends stay O(1) when events come in order; finalize()
// reorders the columns so each execution is contiguous again and drops the links.
//
// Not thread-safe: one owner thread writes; readers get it after the writer is done (the
// loader hands the finished store over through a queued signal).
class EventStore final
{
public:
    // --- states and workflows ---
    StateId internState(QByteArrayView utf8Name) { return m_states.intern(utf8Name); }
    StateId findState(QByteArrayView utf8Name) const { return m_states.find(utf8Name); }
    QString stateName(StateId id) const { return m_states.string(id); }
    QByteArrayView stateNameUtf8(StateId id) const { return m_states.view(id); }
    quint32 stateCount() const { return m_states.size(); }

    quint32 addWorkflow(const Workflow &workflow);
    quint32 findWorkflow(QByteArrayView id) const { return m_workflowIds.find(id); }
    quint32 workflowForIdOrName(const QString &idOrName) const;
    const std::vector<Workflow> &workflows() const { return m_workflows; }
    quint32 ensureWorkflow(QByteArrayView id);

    // --- executions ---
    ExecutionIndex addExecution(QByteArrayView executionId, quint32 workflow, TimeMs entryTime,
                                ExecutionStatus status);
    ExecutionIndex findExecution(QByteArrayView executionId) const { return m_executionIds.find(executionId); }
    // The execution with this id; a new one (running, in the workflow with id `workflowId`) if
    // there is none. One probe of the id table either way.
    ExecutionIndex ensureExecution(QByteArrayView executionId, QByteArrayView workflowId);
    // Hints that the execution or checkpoint with this id is looked up or added next.
    void prefetchExecution(QByteArrayView executionId) const { m_executionIds.prefetch(executionId); }
    void prefetchCheckpoint(QByteArrayView checkpointId) const { m_checkpointIds.prefetch(checkpointId); }
    quint32 executionCount() const { return m_executionIds.size(); }
    QString executionId(ExecutionIndex e) const { return m_executionIds.string(e); }
    quint32 executionWorkflow(ExecutionIndex e) const { return m_execWorkflow[e]; }
    TimeMs executionEntryTime(ExecutionIndex e) const { return m_execEntry[e]; }
    void setExecutionEntryTime(ExecutionIndex e, TimeMs t) { m_execEntry[e] = t; }
    ExecutionStatus executionStatus(ExecutionIndex e) const { return m_execStatus[e]; }
    void setExecutionStatus(ExecutionIndex e, ExecutionStatus s) { m_execStatus[e] = s; }
    // State reported by the source for an execution without transitions (its only entry).
    StateId executionInitialState(ExecutionIndex e) const { return m_execInitialState[e]; }
    void setExecutionInitialState(ExecutionIndex e, StateId s) { m_execInitialState[e] = s; }
    quint32 transitionCountOf(ExecutionIndex e) const { return m_execCount[e]; }
    quint32 firstTransitionOf(ExecutionIndex e) const { return m_execHead[e]; }
    quint32 lastTransitionOf(ExecutionIndex e) const { return m_execTail[e]; }
    quint32 nextTransition(quint32 t) const // kNoIndex at the end
    {
        if (m_next.empty())
            return t == m_execTail[m_trExec[t]] ? kNoIndex : t + 1;
        return m_next[t];
    }

    // --- transitions ---
    void appendTransition(ExecutionIndex e, StateId from, StateId to, TimeMs timestamp, TransitionType type);
    quint32 transitionCount() const { return static_cast<quint32>(m_trExec.size()); }
    ExecutionIndex transitionExecution(quint32 t) const { return m_trExec[t]; }
    StateId transitionFrom(quint32 t) const { return m_trFrom[t]; }
    StateId transitionTo(quint32 t) const { return m_trTo[t]; }
    TimeMs transitionTime(quint32 t) const { return m_trTime[t]; }
    TransitionType transitionType(quint32 t) const { return m_trType[t]; }
    // Makes each execution contiguous after a bulk load; free when it already is.
    void finalize();
    void reserveTransitions(size_t count);
    void reserveExecutions(quint32 count);
    void reserveCheckpoints(size_t count);

    // --- everything else a source reports ---
    // Checkpoints: compact records (no heap per checkpoint: 400,000 of them are common); their
    // id, type and state name are interned. May be added from another thread than the one
    // appending transitions: the two touch disjoint members.
    void addCheckpoint(QByteArrayView id, QByteArrayView type, QByteArrayView stateName, CheckpointInfo info);
    const std::vector<CheckpointInfo> &checkpoints() const { return m_checkpoints; }
    QString checkpointId(const CheckpointInfo &c) const { return m_checkpointIds.string(c.key); }
    QString checkpointType(const CheckpointInfo &c) const { return m_checkpointLabels.string(c.type); }
    QString checkpointStateName(const CheckpointInfo &c) const { return m_checkpointLabels.string(c.stateName); }
    std::vector<RecoveryRecord> &recoveries() { return m_recoveries; }
    const std::vector<RecoveryRecord> &recoveries() const { return m_recoveries; }
    std::vector<ConsistencySample> &consistency() { return m_consistency; }
    const std::vector<ConsistencySample> &consistency() const { return m_consistency; }
    std::vector<StateMachineDefinition> &definitions() { return m_definitions; }
    const std::vector<StateMachineDefinition> &definitions() const { return m_definitions; }
    const StateMachineDefinition *definitionById(const QString &id) const;

    // --- bounded memory (BARS R3) ---
    // Folds the flagged executions, with their checkpoints and recoveries, into the summaries
    // of their workflows and removes them. Execution and transition indices of the rest are
    // renumbered (order kept), so callers must not hold indices across it.
    void evictExecutions(const std::vector<bool> &evict);
    // What evicted executions left behind, by workflow index (kNoIndex: no workflow).
    const std::map<quint32, HistorySummary> &summaries() const { return m_summaries; }
    bool hasSummaries() const { return !m_summaries.empty(); }

    // Bytes allocated (capacity) and bytes in use (size): growth by doubling makes the first
    // up to twice the second, but pages never touched are not resident.
    size_t memoryBytes() const;
    size_t usedBytes() const;
    // Column bytes per transition (without the optional link) and per execution (without its id).
    static constexpr size_t kTransitionColumnBytes
        = sizeof(ExecutionIndex) + 2 * sizeof(StateId) + sizeof(TimeMs) + sizeof(TransitionType);
    static constexpr size_t kExecutionColumnBytes
        = 4 * sizeof(quint32) + sizeof(TimeMs) + sizeof(ExecutionStatus) + sizeof(StateId);

private:
    void appendExecutionColumns(quint32 workflow, TimeMs entryTime, ExecutionStatus status);
    StringInterner m_states;
    StringInterner m_workflowIds;
    std::vector<Workflow> m_workflows;

    IdInterner m_executionIds;
    std::vector<quint32> m_execWorkflow;
    std::vector<TimeMs> m_execEntry;
    std::vector<ExecutionStatus> m_execStatus;
    std::vector<StateId> m_execInitialState;
    std::vector<quint32> m_execHead;
    std::vector<quint32> m_execTail;
    std::vector<quint32> m_execCount;

    std::vector<ExecutionIndex> m_trExec;
    std::vector<StateId> m_trFrom;
    std::vector<StateId> m_trTo;
    std::vector<TimeMs> m_trTime;
    std::vector<TransitionType> m_trType;
    std::vector<quint32> m_next; // explicit links; empty while every chain is contiguous
    void materializeLinks();
    size_t sideRecordBytes() const;

    std::vector<CheckpointInfo> m_checkpoints;
    IdInterner m_checkpointIds;
    StringInterner m_checkpointLabels;
    std::vector<RecoveryRecord> m_recoveries;
    std::vector<ConsistencySample> m_consistency;
    std::vector<StateMachineDefinition> m_definitions;
    std::map<quint32, HistorySummary> m_summaries;
};

} // namespace StateScope
