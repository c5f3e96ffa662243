#include "timelinelanes.h"

#include "eventstore.h"

#include <algorithm>

namespace StateScope {

size_t TimelineLanes::rowsStartedBy(TimeMs t) const
{
    return size_t(std::upper_bound(m_orderFirst.begin(), m_orderFirst.end(), t) - m_orderFirst.begin());
}

TimeMs TimelineLanes::laneEnd(ExecutionIndex e, TimeMs now) const
{
    const Lane &lane = m_lanes[e];
    if (lane.bands.empty())
        return now;
    return lane.open ? qMax(now, lane.bands.back().start) : lane.bands.back().start;
}

void TimelineLanes::buildLane(const EventStore &store, ExecutionIndex e)
{
    Lane &lane = m_lanes[e];
    lane.bands.clear();
    const TimeMs entry = store.executionEntryTime(e);
    quint32 t = store.firstTransitionOf(e);
    if (t == kNoIndex) {
        const StateId initial = store.executionInitialState(e);
        if (initial != kNoState && entry != kUnknownTime)
            lane.bands.push_back(TimelineBand {entry, initial});
    } else {
        lane.bands.reserve(store.transitionCountOf(e) + 1);
        if (entry != kUnknownTime && entry <= store.transitionTime(t))
            lane.bands.push_back(TimelineBand {entry, store.transitionFrom(t)});
        for (; t != kNoIndex; t = store.nextTransition(t))
            lane.bands.push_back(TimelineBand {store.transitionTime(t), store.transitionTo(t)});
    }
    lane.consumed = store.transitionCountOf(e);
}

bool TimelineLanes::rowBefore(ExecutionIndex a, ExecutionIndex b) const
{
    const TimeMs ta = m_lanes[a].bands.front().start;
    const TimeMs tb = m_lanes[b].bands.front().start;
    return ta != tb ? ta < tb : a < b;
}

bool TimelineLanes::computeOpen(const EventStore &store, ExecutionIndex e) const
{
    const Lane &lane = m_lanes[e];
    if (lane.bands.empty())
        return false;
    switch (store.executionStatus(e)) {
    case ExecutionStatus::Running:
        return true;
    case ExecutionStatus::Unknown: {
        const StateId s = lane.bands.back().state;
        return s < m_hasOutgoing.size() && m_hasOutgoing[s];
    }
    default:
        return false;
    }
}

void TimelineLanes::contribute(const Lane &lane, size_t from, bool open, int sign)
{
    const std::vector<TimelineBand> &b = lane.bands;
    for (size_t i = from; i < b.size(); ++i) {
        if (i + 1 < b.size())
            m_aggregate.addStay(b[i].state, b[i].start, b[i + 1].start, sign);
        else if (open)
            m_aggregate.addStay(b[i].state, b[i].start, kUnknownTime, sign);
    }
}

void TimelineLanes::contributeTail(const Lane &lane, size_t oldCount, bool oldOpen)
{
    const std::vector<TimelineBand> &b = lane.bands;
    if (oldCount > 0) {
        const TimelineBand &last = b[oldCount - 1];
        if (b.size() > oldCount) { // the old last stay is now left at the next band
            if (oldOpen)
                m_aggregate.leave(last.state, b[oldCount].start);
            else
                m_aggregate.addStay(last.state, last.start, b[oldCount].start);
        } else if (oldOpen != lane.open) {
            m_aggregate.addStay(last.state, last.start, kUnknownTime, lane.open ? 1 : -1);
            return;
        }
    }
    contribute(lane, oldCount, lane.open, 1);
}

void TimelineLanes::rebuildOrder()
{
    m_order.clear();
    for (ExecutionIndex e = 0; e < m_lanes.size(); ++e) {
        if (!m_lanes[e].bands.empty())
            m_order.push_back(e);
    }
    std::sort(m_order.begin(), m_order.end(), [this](ExecutionIndex a, ExecutionIndex b) { return rowBefore(a, b); });
    m_orderFirst.resize(m_order.size());
    m_rowOf.assign(m_lanes.size(), -1);
    for (size_t row = 0; row < m_order.size(); ++row) {
        m_orderFirst[row] = m_lanes[m_order[row]].bands.front().start;
        m_rowOf[m_order[row]] = int(row);
    }
}

void TimelineLanes::reset(const EventStore *store)
{
    ++m_version;
    m_lanes.clear();
    m_order.clear();
    m_orderFirst.clear();
    m_rowOf.clear();
    m_touchMark.clear();
    m_hasOutgoing.clear();
    m_aggregate.clear();
    m_seenTransitions = 0;
    m_dataEnd = kUnknownTime;
    if (!store)
        return;
    m_hasOutgoing.assign(store->stateCount(), 0);
    for (quint32 t = 0; t < store->transitionCount(); ++t) {
        m_hasOutgoing[store->transitionFrom(t)] = 1;
        m_dataEnd = qMax(m_dataEnd, store->transitionTime(t));
    }
    m_lanes.resize(store->executionCount());
    for (ExecutionIndex e = 0; e < m_lanes.size(); ++e) {
        if (store->executionEntryTime(e) != kUnknownTime)
            m_dataEnd = qMax(m_dataEnd, store->executionEntryTime(e));
    }
    for (ExecutionIndex e = 0; e < m_lanes.size(); ++e)
        buildLane(*store, e);
    for (ExecutionIndex e = 0; e < m_lanes.size(); ++e) {
        m_lanes[e].open = computeOpen(*store, e);
        contribute(m_lanes[e], 0, m_lanes[e].open, 1);
    }
    m_aggregate.prepare();
    rebuildOrder();
    m_touchMark.assign(m_lanes.size(), 0);
    m_seenTransitions = store->transitionCount();
}

void TimelineLanes::update(const EventStore &store)
{
    if (store.executionCount() < m_lanes.size() || store.transitionCount() < m_seenTransitions) {
        reset(&store); // not an append: the caller should have said reset
        return;
    }
    ++m_version;
    const size_t oldLaneCount = m_lanes.size();
    m_lanes.resize(store.executionCount());
    m_touchMark.resize(m_lanes.size(), 0);
    m_hasOutgoing.resize(store.stateCount(), 0);
    std::vector<Touched> touched;
    // m_touchMark[e]: 1 + the index of e's entry in `touched`, 0 when not touched yet.
    auto touch = [&](ExecutionIndex e) -> Touched & {
        if (!m_touchMark[e]) {
            touched.push_back(Touched {e, m_lanes[e].bands.size(), m_lanes[e].open, e >= oldLaneCount});
            m_touchMark[e] = quint32(touched.size());
        }
        return touched[m_touchMark[e] - 1];
    };
    for (ExecutionIndex e = ExecutionIndex(oldLaneCount); e < m_lanes.size(); ++e) {
        touch(e);
        if (store.executionEntryTime(e) != kUnknownTime)
            m_dataEnd = qMax(m_dataEnd, store.executionEntryTime(e));
    }
    for (quint32 t = m_seenTransitions; t < store.transitionCount(); ++t) {
        const ExecutionIndex e = store.transitionExecution(t);
        m_hasOutgoing[store.transitionFrom(t)] = 1;
        Lane &lane = m_lanes[e];
        const TimeMs time = store.transitionTime(t);
        m_dataEnd = qMax(m_dataEnd, time);
        Touched &mark = touch(e);
        if (mark.rebuild)
            continue;
        if (lane.consumed == 0 || time < lane.bands.back().start) {
            mark.rebuild = true;
            continue;
        }
        lane.bands.push_back(TimelineBand {time, store.transitionTo(t)});
        ++lane.consumed;
    }
    m_seenTransitions = store.transitionCount();

    bool reorder = false;
    std::vector<ExecutionIndex> newRows;
    for (const Touched &x : touched) {
        Lane &lane = m_lanes[x.execution];
        m_touchMark[x.execution] = 0;
        const TimeMs oldFirst = x.oldCount ? lane.bands.front().start : kUnknownTime;
        if (x.rebuild) {
            lane.bands.resize(x.oldCount); // what the aggregate holds, to take it back
            contribute(lane, 0, x.oldOpen, -1);
            buildLane(store, x.execution);
            lane.open = computeOpen(store, x.execution);
            contribute(lane, 0, lane.open, 1);
        } else {
            lane.open = computeOpen(store, x.execution);
            contributeTail(lane, x.oldCount, x.oldOpen);
        }
        if (x.oldCount == 0) {
            if (!lane.bands.empty())
                newRows.push_back(x.execution);
        } else if (lane.bands.empty() || lane.bands.front().start != oldFirst) {
            reorder = true; // a lane moved or went away
        }
    }
    // Statuses change without transitions (an execution finishing), and a state that gains an
    // outgoing transition stops being terminal: recheck every lane's open flag (cheap).
    for (ExecutionIndex e = 0; e < oldLaneCount; ++e) {
        Lane &lane = m_lanes[e];
        const bool open = computeOpen(store, e);
        if (open != lane.open) {
            const bool wasOpen = lane.open;
            lane.open = open;
            contributeTail(lane, lane.bands.size(), wasOpen);
        }
    }
    m_aggregate.prepare();

    // New executions usually start after every other: they go to the end in O(1).
    std::sort(newRows.begin(), newRows.end(), [this](ExecutionIndex a, ExecutionIndex b) { return rowBefore(a, b); });
    m_rowOf.resize(m_lanes.size(), -1);
    for (ExecutionIndex e : newRows) {
        if (reorder || (!m_order.empty() && rowBefore(e, m_order.back()))) {
            reorder = true;
            break;
        }
        m_rowOf[e] = int(m_order.size());
        m_order.push_back(e);
        m_orderFirst.push_back(m_lanes[e].bands.front().start);
    }
    if (reorder)
        rebuildOrder();
}

} // namespace StateScope
