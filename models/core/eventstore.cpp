#include "eventstore.h"

namespace StateScope {

quint32 EventStore::addWorkflow(const Workflow &workflow)
{
    const QByteArray id = workflow.id.toUtf8();
    const quint32 existing = m_workflowIds.find(id);
    if (existing != StringInterner::kNotFound) {
        Workflow &w = m_workflows[existing];
        if (!workflow.name.isEmpty())
            w.name = workflow.name;
        if (!workflow.stateMachineId.isEmpty())
            w.stateMachineId = workflow.stateMachineId;
        return existing;
    }
    const quint32 index = m_workflowIds.intern(id);
    m_workflows.push_back(workflow);
    return index;
}

quint32 EventStore::ensureWorkflow(QByteArrayView id)
{
    const quint32 existing = m_workflowIds.find(id);
    if (existing != StringInterner::kNotFound)
        return existing;
    return addWorkflow(Workflow{QString::fromUtf8(id), QString(), QString()});
}

quint32 EventStore::workflowForIdOrName(const QString &idOrName) const
{
    const quint32 byId = m_workflowIds.find(idOrName.toUtf8());
    if (byId != StringInterner::kNotFound)
        return byId;
    for (quint32 i = 0; i < m_workflows.size(); ++i) {
        if (m_workflows[i].name == idOrName)
            return i;
    }
    return kNoIndex;
}

ExecutionIndex EventStore::addExecution(QByteArrayView executionId, quint32 workflow, TimeMs entryTime,
                                        ExecutionStatus status)
{
    const ExecutionIndex e = m_executionIds.intern(executionId);
    if (e < m_execWorkflow.size()) { // known already: refresh what the source now says
        if (workflow != kNoIndex)
            m_execWorkflow[e] = workflow;
        if (entryTime != kUnknownTime)
            m_execEntry[e] = entryTime;
        if (status != ExecutionStatus::Unknown)
            m_execStatus[e] = status;
        return e;
    }
    appendExecutionColumns(workflow, entryTime, status);
    return e;
}

void EventStore::appendExecutionColumns(quint32 workflow, TimeMs entryTime, ExecutionStatus status)
{
    m_execWorkflow.push_back(workflow);
    m_execEntry.push_back(entryTime);
    m_execStatus.push_back(status);
    m_execInitialState.push_back(kNoState);
    m_execHead.push_back(kNoIndex);
    m_execTail.push_back(kNoIndex);
    m_execCount.push_back(0);
}

ExecutionIndex EventStore::ensureExecution(QByteArrayView executionId, QByteArrayView workflowId)
{
    const ExecutionIndex e = m_executionIds.intern(executionId);
    if (e == m_execWorkflow.size())
        appendExecutionColumns(ensureWorkflow(workflowId), kUnknownTime, ExecutionStatus::Running);
    return e;
}

void EventStore::appendTransition(ExecutionIndex e, StateId from, StateId to, TimeMs timestamp,
                                  TransitionType type)
{
    const quint32 t = transitionCount();
    const quint32 tail = m_execTail[e];
    // Contiguous chains stay implicit as long as this transition extends its execution's block
    // in time order (or starts a new block).
    if (m_next.empty() && tail != kNoIndex && !(tail + 1 == t && m_trTime[tail] <= timestamp))
        materializeLinks();
    m_trExec.push_back(e);
    m_trFrom.push_back(from);
    m_trTo.push_back(to);
    m_trTime.push_back(timestamp);
    m_trType.push_back(type);
    ++m_execCount[e];
    if (!m_next.empty())
        m_next.push_back(kNoIndex);

    if (tail == kNoIndex) {
        m_execHead[e] = m_execTail[e] = t;
        return;
    }
    if (m_trTime[tail] <= timestamp) { // the common case: in order
        if (!m_next.empty())
            m_next[tail] = t;
        m_execTail[e] = t;
        return;
    }
    // Out of order: insert after the last transition not later than this one, so equal
    // timestamps keep their arrival order.
    quint32 prev = kNoIndex;
    quint32 cur = m_execHead[e];
    while (cur != kNoIndex && m_trTime[cur] <= timestamp) {
        prev = cur;
        cur = m_next[cur];
    }
    m_next[t] = cur;
    if (prev == kNoIndex)
        m_execHead[e] = t;
    else
        m_next[prev] = t;
}

void EventStore::materializeLinks()
{
    const quint32 n = transitionCount();
    m_next.resize(n);
    for (quint32 t = 0; t < n; ++t)
        m_next[t] = t == m_execTail[m_trExec[t]] ? kNoIndex : t + 1;
}

namespace {
template<typename T>
void permute(std::vector<T> &column, const std::vector<quint32> &order)
{
    std::vector<T> sorted;
    sorted.reserve(column.size());
    for (quint32 i : order)
        sorted.push_back(column[i]);
    column.swap(sorted);
}
} // namespace

void EventStore::finalize()
{
    if (m_next.empty())
        return; // every execution is contiguous already
    std::vector<quint32> order;
    order.reserve(m_trExec.size());
    for (ExecutionIndex e = 0; e < executionCount(); ++e) {
        for (quint32 t = m_execHead[e]; t != kNoIndex; t = m_next[t])
            order.push_back(t);
    }
    permute(m_trExec, order);
    permute(m_trFrom, order);
    permute(m_trTo, order);
    permute(m_trTime, order);
    permute(m_trType, order);
    order.clear();
    order.shrink_to_fit();
    quint32 t = 0;
    for (ExecutionIndex e = 0; e < executionCount(); ++e) {
        const quint32 n = m_execCount[e];
        if (n == 0)
            continue;
        m_execHead[e] = t;
        t += n;
        m_execTail[e] = t - 1;
    }
    std::vector<quint32>().swap(m_next); // chains are implicit again
}

void EventStore::reserveTransitions(size_t count)
{
    m_trExec.reserve(count);
    m_trFrom.reserve(count);
    m_trTo.reserve(count);
    m_trTime.reserve(count);
    m_trType.reserve(count);
}

void EventStore::reserveCheckpoints(size_t count)
{
    m_checkpoints.reserve(count);
    m_checkpointIds.reserve(quint32(std::min<size_t>(count, std::numeric_limits<quint32>::max())));
}

void EventStore::reserveExecutions(quint32 count)
{
    m_executionIds.reserve(count);
    m_execWorkflow.reserve(count);
    m_execEntry.reserve(count);
    m_execStatus.reserve(count);
    m_execInitialState.reserve(count);
    m_execHead.reserve(count);
    m_execTail.reserve(count);
    m_execCount.reserve(count);
}

void EventStore::addCheckpoint(QByteArrayView id, QByteArrayView type, QByteArrayView stateName, CheckpointInfo info)
{
    info.key = m_checkpointIds.intern(id);
    info.type = m_checkpointLabels.intern(type);
    info.stateName = m_checkpointLabels.intern(stateName);
    m_checkpoints.push_back(info);
}

const StateMachineDefinition *EventStore::definitionById(const QString &id) const
{
    for (const StateMachineDefinition &d : m_definitions) {
        if (d.id == id)
            return &d;
    }
    return nullptr;
}

size_t EventStore::memoryBytes() const
{
    const size_t n = m_trExec.capacity();
    const size_t e = m_execWorkflow.capacity();
    return m_states.memoryBytes() + m_executionIds.memoryBytes() + m_checkpointIds.memoryBytes()
        + m_checkpoints.capacity() * sizeof(CheckpointInfo)
        + n * kTransitionColumnBytes
        + m_next.capacity() * sizeof(quint32)
        + e * kExecutionColumnBytes
        + sideRecordBytes();
}

size_t EventStore::usedBytes() const
{
    const size_t n = m_trExec.size();
    const size_t e = m_execWorkflow.size();
    return m_states.usedBytes() + m_executionIds.usedBytes() + m_checkpointIds.usedBytes()
        + m_checkpoints.size() * sizeof(CheckpointInfo)
        + n * kTransitionColumnBytes
        + m_next.size() * sizeof(quint32)
        + e * kExecutionColumnBytes
        + sideRecordBytes();
}

// Recoveries and consistency samples are few and not evicted; estimated, not walked.
size_t EventStore::sideRecordBytes() const
{
    size_t bytes = m_recoveries.capacity() * (sizeof(RecoveryRecord) + 160)
        + m_consistency.capacity() * (sizeof(ConsistencySample) + 4 * sizeof(ReplicaNode) + 128);
    for (const auto &[workflow, summary] : m_summaries)
        bytes += summary.memoryBytes();
    return bytes;
}

} // namespace StateScope
