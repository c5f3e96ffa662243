#pragma once

#include "domaintypes.h"

#include <vector>

namespace StateScope {

// Executions per state over time, for the timeline's aggregate lane. A stay adds +1 at its
// entry and -1 where it is left (an open stay only the +1). Per state the events are kept in
// time order with prefix counts and prefix time integrals, so the mean number of executions in
// a state over any interval costs two binary searches at any zoom: the lane is bucketed per
// range change, never by walking the stays.
class TimelineAggregate final
{
public:
    // Empties it; what is added next (a whole store) is sorted once by the next prepare().
    void clear()
    {
        m_series.clear();
        m_bulk = true;
    }
    // A stay of `state` from `from` to `to` (kUnknownTime: not left yet); sign -1 takes back
    // one added before.
    void addStay(StateId state, TimeMs from, TimeMs to, int sign = 1);
    // Closes an open stay of `state` at `to` (what a later transition out of it means).
    void leave(StateId state, TimeMs to) { addEvent(state, to, -1); }
    // Orders what came out of order and extends the prefix sums; call before reading.
    void prepare();

    quint32 stateCount() const { return quint32(m_series.size()); }
    bool isEmpty(StateId state) const { return state >= m_series.size() || m_series[state].events.empty(); }
    // Mean number of executions in `state` over [from, to) (to > from), by time integral.
    double meanCount(StateId state, double from, double to) const;
    // Means over consecutive intervals [bounds[i], bounds[i + 1]) (ascending) into out[i * stride]:
    // one galloping walk along the series, so a whole lane of buckets costs about as much as a
    // few binary searches.
    void meanCounts(StateId state, const std::vector<double> &bounds, float *out, size_t stride) const;
    // Executions in `state` at time t.
    qint64 countAt(StateId state, double t) const;
    size_t eventCount() const;

private:
    struct Event
    {
        TimeMs time = 0;
        qint32 delta = 0;
        qint32 count = 0; // executions in the state from `time` on
        qint64 integral = 0; // integral of the count from the first event up to `time` (ms)
    };
    struct Series
    {
        std::vector<Event> events;
        size_t validPrefix = 0; // count and integral are right below this index
        bool sorted = true;
    };
    void addEvent(StateId state, TimeMs t, int delta);
    static void sortByTime(std::vector<Event> &events);
    // Index of the last event at or before t, or -1.
    static qint64 lastAtOrBefore(const Series &series, double t);
    // The same, searching forward from index `from` (the answer for an earlier time, + 1).
    static qint64 lastAtOrBeforeFrom(const Series &series, size_t from, double t);
    // Area under the count between a and b (a <= b) given their last events ka and kb.
    static double area(const Series &series, qint64 ka, double a, qint64 kb, double b);

    std::vector<Series> m_series;
    bool m_bulk = true; // between clear() and prepare(): append unsorted, sort once
};

} // namespace StateScope
