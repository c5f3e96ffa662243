#pragma once

#include "timelineaggregate.h"
#include "timelinegeometry.h"

#include <vector>

namespace StateScope {

class EventStore;

// The timeline's data, taken from the store once per change rather than at paint time: per
// execution a band array (start, state) in time order, the lanes' row order (first activity,
// oldest first) and the aggregate counts. dataEnd() is the latest event (transition or entry). Appends to the store are
// folded in incrementally: a transition later than its execution's last one adds a band in O(1); anything else rebuilds
// that one lane.
//
// An execution's first band starts at its entry time (dropped when unknown); each transition
// starts a band in its target state. The last band is *open* (lasts until "now") while the
// execution runs: status Running, or status Unknown and its state not terminal (has an
// observed outgoing transition, SPEC 3). A stay that is over ends where it began.
class TimelineLanes final
{
public:
    // Rebuilds everything (nullptr: empty). Execution indices may have been renumbered.
    void reset(const EventStore *store);
    // Folds in the transitions and executions appended since the last reset() or update().
    void update(const EventStore &store);

    size_t rowCount() const { return m_order.size(); }
    ExecutionIndex executionAt(size_t row) const { return m_order[row]; }
    int rowOf(ExecutionIndex e) const { return e < m_rowOf.size() ? m_rowOf[e] : -1; }
    // Rows whose first band starts at or before t: rows are in order of first activity.
    size_t rowsStartedBy(TimeMs t) const;
    size_t laneCount() const { return m_lanes.size(); }
    const std::vector<TimelineBand> &bands(ExecutionIndex e) const { return m_lanes[e].bands; }
    bool isOpen(ExecutionIndex e) const { return m_lanes[e].open; }
    // Where the last band ends: `now` while it is open, its own start once the stay is over.
    TimeMs laneEnd(ExecutionIndex e, TimeMs now) const;
    bool isEmpty() const { return m_order.empty(); }
    TimeMs dataStart() const { return m_order.empty() ? 0 : m_orderFirst.front(); }
    TimeMs dataEnd() const { return m_order.empty() ? 0 : m_dataEnd; }
    const TimelineAggregate &aggregate() const { return m_aggregate; }
    // Bumped by every change: a key for caches of what is drawn.
    quint64 version() const { return m_version; }

private:
    struct Lane
    {
        std::vector<TimelineBand> bands;
        quint32 consumed = 0; // transitions of the execution the bands show
        bool open = false;
    };
    struct Touched
    {
        ExecutionIndex execution;
        size_t oldCount;
        bool oldOpen;
        bool rebuild;
    };
    void buildLane(const EventStore &store, ExecutionIndex e);
    bool computeOpen(const EventStore &store, ExecutionIndex e) const;
    void contribute(const Lane &lane, size_t from, bool open, int sign);
    void contributeTail(const Lane &lane, size_t oldCount, bool oldOpen);
    void rebuildOrder();
    // Row order: first activity, then execution index (so ties land the same either way).
    bool rowBefore(ExecutionIndex a, ExecutionIndex b) const;

    std::vector<Lane> m_lanes; // by execution index
    std::vector<ExecutionIndex> m_order;
    std::vector<TimeMs> m_orderFirst; // first band start of each row, ascending
    std::vector<int> m_rowOf; // by execution index, -1 without a row
    std::vector<quint8> m_hasOutgoing; // by state
    std::vector<quint32> m_touchMark; // by execution, scratch for update()
    quint32 m_seenTransitions = 0;
    TimeMs m_dataEnd = kUnknownTime;
    TimelineAggregate m_aggregate;
    quint64 m_version = 0;
};

} // namespace StateScope
