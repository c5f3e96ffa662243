#include "caseentrybuilder.h"

#include "eventstore.h"

#include <algorithm>
#include <cstring>
#include <utility>

namespace StateScope {

namespace {

// Executions are added before the store has its one workflow; build() adds it as the first.
constexpr quint32 kTheWorkflow = 0;

struct TimedState
{
    TimeMs time;
    quint32 state;
};

// Puts one case's entries in time order, ties in file order. Logs are mostly in time order
// already: insertion sort is linear then; a long case in disorder takes the general sort.
void sortCase(TimedState *first, TimedState *last)
{
    if (last - first > 64) {
        std::stable_sort(first, last, [](const TimedState &a, const TimedState &b) { return a.time < b.time; });
        return;
    }
    for (TimedState *i = first + 1; i < last; ++i) {
        if (!(i->time < i[-1].time))
            continue;
        const TimedState moving = *i;
        TimedState *j = i;
        for (; j > first && moving.time < j[-1].time; --j)
            *j = j[-1];
        *j = moving;
    }
}

} // namespace

CaseEntryBuilder::CaseEntryBuilder()
    : m_store(std::make_shared<EventStore>())
{ }

CaseEntryBuilder::~CaseEntryBuilder() = default;

quint32 CaseEntryBuilder::caseCount() const
{
    return m_store->executionCount();
}

void CaseEntryBuilder::reserve(size_t entries)
{
    m_entries.reserve(entries);
}

void CaseEntryBuilder::add(QByteArrayView caseId, QByteArrayView state, TimeMs time)
{
    m_entries.push_back(Entry{caseIndex(caseId), m_store->internState(state), time});
}

ExecutionIndex CaseEntryBuilder::caseIndex(QByteArrayView caseId)
{
    if (!RecentIds::fits(caseId.size()))
        return m_store->addExecution(caseId, kTheWorkflow, kUnknownTime, ExecutionStatus::Unknown);
    RecentIds::Slot &recent = m_recentCases.slot(caseId);
    if (recent.holds(caseId))
        return recent.index;
    recent.remember(caseId, m_store->addExecution(caseId, kTheWorkflow, kUnknownTime, ExecutionStatus::Unknown));
    return recent.index;
}

std::shared_ptr<EventStore> CaseEntryBuilder::build(const QString &workflowName)
{
    auto store = std::exchange(m_store, std::make_shared<EventStore>());
    m_recentCases.release();
    [[maybe_unused]] const quint32 workflow = store->addWorkflow(Workflow{workflowName, workflowName, {}});
    Q_ASSERT(workflow == kTheWorkflow);
    // Grouped by case with a counting sort (stable: each case's entries stay in file order),
    // then each case in time order.
    const quint32 cases = store->executionCount();
    std::vector<size_t> begin(size_t(cases) + 1, 0);
    for (const Entry &entry : m_entries)
        ++begin[entry.caseIndex + 1];
    for (quint32 c = 0; c < cases; ++c)
        begin[c + 1] += begin[c];
    std::vector<TimedState> grouped(m_entries.size());
    {
        std::vector<size_t> next(begin.begin(), begin.end() - 1);
        for (const Entry &entry : m_entries)
            grouped[next[entry.caseIndex]++] = TimedState{entry.time, entry.state};
    }
    std::vector<Entry>().swap(m_entries); // its memory back before the store's columns grow
    store->reserveTransitions(grouped.size() - cases);
    for (ExecutionIndex e = 0; e < cases; ++e) {
        TimedState *first = grouped.data() + begin[e];
        TimedState *last = grouped.data() + begin[e + 1];
        sortCase(first, last);
        // A log says where cases went, not how they ended: the status stays unknown.
        store->setExecutionEntryTime(e, first->time);
        store->setExecutionInitialState(e, first->state);
        for (const TimedState *t = first + 1; t < last; ++t)
            store->appendTransition(e, t[-1].state, t->state, t->time, TransitionType::Normal);
    }
    store->finalize();
    return store;
}

} // namespace StateScope
