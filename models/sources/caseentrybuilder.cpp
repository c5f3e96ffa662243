#include "caseentrybuilder.h"

#include "eventstore.h"

#include <algorithm>

namespace StateScope {

void CaseEntryBuilder::add(QByteArrayView caseId, QByteArrayView state, TimeMs time)
{
    m_entries.push_back(Entry{m_cases.intern(caseId), m_states.intern(state), time});
}

std::shared_ptr<EventStore> CaseEntryBuilder::build(const QString &workflowName)
{
    auto store = std::make_shared<EventStore>();
    const quint32 workflow = store->addWorkflow(Workflow{workflowName, workflowName, {}});
    std::vector<StateId> states(m_states.size());
    for (quint32 s = 0; s < m_states.size(); ++s)
        states[s] = store->internState(m_states.view(s));
    // Grouped by case, in time order; stable, so entries at the same time keep the file's order.
    std::stable_sort(m_entries.begin(), m_entries.end(), [](const Entry &a, const Entry &b) {
        return a.caseIndex != b.caseIndex ? a.caseIndex < b.caseIndex : a.time < b.time;
    });
    store->reserveExecutions(m_cases.size());
    store->reserveTransitions(m_entries.size() >= m_cases.size() ? m_entries.size() - m_cases.size() : 0);
    for (size_t i = 0; i < m_entries.size();) {
        const Entry &first = m_entries[i];
        // A log says where cases went, not how they ended: the status is unknown.
        const ExecutionIndex e = store->addExecution(m_cases.view(first.caseIndex), workflow, first.time, ExecutionStatus::Unknown);
        store->setExecutionInitialState(e, states[first.state]);
        size_t j = i + 1;
        for (; j < m_entries.size() && m_entries[j].caseIndex == first.caseIndex; ++j)
            store->appendTransition(e, states[m_entries[j - 1].state], states[m_entries[j].state], m_entries[j].time,
                                    TransitionType::Normal);
        i = j;
    }
    m_entries = {};
    m_cases = StringInterner();
    m_states = StringInterner();
    store->finalize();
    return store;
}

} // namespace StateScope
