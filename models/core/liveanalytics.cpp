#include "liveanalytics.h"

#include "eventstore.h"

#include <algorithm>

namespace StateScope {

void LiveAnalytics::grow(StateId s)
{
    if (s == kNoState || s < m_firstStates.size())
        return;
    m_firstStates.resize(size_t(s) + 1, 0);
    m_inState.resize(size_t(s) + 1, 0);
    m_dwell.resize(size_t(s) + 1);
}

void LiveAnalytics::moveExecution(StateId previous, StateId state)
{
    grow(previous);
    grow(state);
    if (previous != kNoState && m_inState[previous] > 0)
        --m_inState[previous];
    if (state != kNoState)
        ++m_inState[state];
}

void LiveAnalytics::addFirstState(StateId state)
{
    if (state == kNoState)
        return;
    grow(state);
    ++m_firstStates[state];
    m_markovValid = false;
}

void LiveAnalytics::addTransition(StateId from, StateId to, qint64 dwellMs)
{
    grow(std::max(from, to));
    ++m_counts[key(from, to)];
    ++m_transitions;
    if (dwellMs >= 0)
        m_dwell[from].add(dwellMs);
    m_markovValid = false;
}

const DwellHistogram &LiveAnalytics::dwell(StateId s) const
{
    static const DwellHistogram empty;
    return s < m_dwell.size() ? m_dwell[s] : empty;
}

const MarkovResult &LiveAnalytics::markov()
{
    if (m_markovValid)
        return m_markov;
    MarkovInput input;
    input.stateCount = int(stateCount());
    input.initial.assign(stateCount(), 0.0);
    input.meanDwellMs.resize(stateCount());
    double firstTotal = 0;
    for (quint64 c : m_firstStates)
        firstTotal += double(c);
    for (quint32 s = 0; s < stateCount(); ++s) {
        input.initial[s] = firstTotal > 0 ? double(m_firstStates[s]) / firstTotal : 0.0;
        input.meanDwellMs[s] = m_dwell[s].mean();
    }
    input.counts.reserve(size_t(m_counts.size()));
    for (auto it = m_counts.cbegin(); it != m_counts.cend(); ++it)
        input.counts.push_back({quint32(it.key() >> 32), quint32(it.key() & 0xffffffffu), it.value()});
    std::sort(input.counts.begin(), input.counts.end(), [](const TransitionCount &a, const TransitionCount &b) {
        return a.from != b.from ? a.from < b.from : a.to < b.to;
    });
    m_markov = analyzeMarkov(input);
    m_markovValid = true;
    return m_markov;
}

void LiveAnalytics::rebuild(const EventStore &store)
{
    *this = LiveAnalytics();
    grow(store.stateCount() ? store.stateCount() - 1 : kNoState);
    for (ExecutionIndex e = 0; e < store.executionCount(); ++e) {
        quint32 t = store.firstTransitionOf(e);
        if (t == kNoIndex) {
            const StateId only = store.executionInitialState(e);
            addFirstState(only);
            moveExecution(kNoState, only);
            continue;
        }
        addFirstState(store.transitionFrom(t));
        TimeMs entry = store.executionEntryTime(e);
        StateId current = kNoState;
        for (; t != kNoIndex; t = store.nextTransition(t)) {
            const TimeMs ts = store.transitionTime(t);
            const bool known = entry != kUnknownTime && ts >= entry;
            addTransition(store.transitionFrom(t), store.transitionTo(t), known ? ts - entry : -1);
            entry = ts;
            current = store.transitionTo(t);
        }
        moveExecution(kNoState, current);
    }
    // Executions evicted under the memory budget count as they did when they were held.
    for (const auto &[workflow, summary] : store.summaries()) {
        for (auto it = summary.counts.cbegin(); it != summary.counts.cend(); ++it) {
            grow(std::max(StateId(it.key() >> 32), StateId(it.key() & 0xffffffffu)));
            m_counts[it.key()] += it.value();
            m_transitions += it.value();
        }
        for (StateId s = 0; s < summary.firstStates.size(); ++s) {
            grow(s);
            m_firstStates[s] += summary.firstStates[s];
        }
        for (StateId s = 0; s < summary.lastStates.size(); ++s) {
            grow(s);
            m_inState[s] += summary.lastStates[s];
        }
        for (StateId s = 0; s < summary.dwell.size(); ++s) {
            grow(s);
            m_dwell[s].merge(summary.dwell[s]);
        }
    }
}

} // namespace StateScope
