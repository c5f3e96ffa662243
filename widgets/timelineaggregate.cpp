#include "timelineaggregate.h"

#include <algorithm>
#include <utility>

namespace StateScope {

namespace {
// Live data is nearly in order: an event this close to the end is inserted in place instead
// of re-sorting the whole series.
constexpr size_t kInsertWindow = 4096;
} // namespace

void TimelineAggregate::sortByTime(std::vector<Event> &events)
{
    auto byTime = [](const Event &a, const Event &b) {
        return a.time < b.time;
    };
    if (events.size() < 65536) {
        std::sort(events.begin(), events.end(), byTime);
        return;
    }
    // A store's worth of stays: LSD radix sort on the time relative to the earliest, 11 bits a
    // pass (a day in ms takes 3 passes), several times faster than a comparison sort.
    const auto [lo, hi] = std::minmax_element(events.begin(), events.end(), byTime);
    const TimeMs base = lo->time;
    const quint64 range = quint64(hi->time - base);
    constexpr int kBits = 11;
    constexpr size_t kBuckets = size_t(1) << kBits;
    std::vector<Event> buffer(events.size());
    std::vector<size_t> counts(kBuckets);
    for (int shift = 0; shift < 64 && (range >> shift) != 0; shift += kBits) {
        std::fill(counts.begin(), counts.end(), 0);
        for (const Event &e : events)
            ++counts[(quint64(e.time - base) >> shift) & (kBuckets - 1)];
        size_t sum = 0;
        for (size_t &c : counts)
            sum += std::exchange(c, sum);
        for (const Event &e : events)
            buffer[counts[(quint64(e.time - base) >> shift) & (kBuckets - 1)]++] = e;
        events.swap(buffer);
    }
}

void TimelineAggregate::addStay(StateId state, TimeMs from, TimeMs to, int sign)
{
    if (state == kNoState || from == kUnknownTime)
        return;
    addEvent(state, from, sign);
    if (to != kUnknownTime)
        addEvent(state, to, -sign);
}

void TimelineAggregate::addEvent(StateId state, TimeMs t, int delta)
{
    if (state == kNoState || t == kUnknownTime)
        return;
    if (state >= m_series.size())
        m_series.resize(size_t(state) + 1);
    Series &s = m_series[state];
    std::vector<Event> &ev = s.events;
    if (!s.sorted || ev.empty() || ev.back().time < t) {
        ev.push_back(Event {t, delta, 0, 0});
        return;
    }
    if (m_bulk) {
        ev.push_back(Event {t, delta, 0, 0});
        s.sorted = false;
        return;
    }
    // At or before the last event: merge into an equal time, insert nearby, or re-sort later.
    auto it = std::upper_bound(ev.end() - qint64(qMin(ev.size(), kInsertWindow)), ev.end(), t,
                               [](TimeMs value, const Event &e) { return value < e.time; });
    if (it != ev.begin() && (it - 1)->time == t) {
        (it - 1)->delta += delta;
        s.validPrefix = qMin(s.validPrefix, size_t(it - 1 - ev.begin()));
        return;
    }
    if (it == ev.end() - qint64(qMin(ev.size(), kInsertWindow)) && ev.size() > kInsertWindow) {
        ev.push_back(Event {t, delta, 0, 0});
        s.sorted = false;
        return;
    }
    const size_t pos = size_t(it - ev.begin());
    ev.insert(it, Event {t, delta, 0, 0});
    s.validPrefix = qMin(s.validPrefix, pos);
}

void TimelineAggregate::prepare()
{
    m_bulk = false;
    for (Series &s : m_series) {
        std::vector<Event> &ev = s.events;
        if (!s.sorted) {
            sortByTime(ev);
            // Equal times merge; stays taken back cancel out and disappear.
            size_t out = 0;
            for (size_t i = 0; i < ev.size();) {
                Event merged = ev[i];
                size_t k = i + 1;
                while (k < ev.size() && ev[k].time == merged.time)
                    merged.delta += ev[k++].delta;
                if (merged.delta != 0)
                    ev[out++] = merged;
                i = k;
            }
            ev.resize(out);
            s.sorted = true;
            s.validPrefix = 0;
        }
        for (size_t i = s.validPrefix; i < ev.size(); ++i) {
            if (i == 0) {
                ev[i].count = ev[i].delta;
                ev[i].integral = 0;
            } else {
                const Event &prev = ev[i - 1];
                ev[i].count = prev.count + ev[i].delta;
                ev[i].integral = prev.integral + qint64(prev.count) * (ev[i].time - prev.time);
            }
        }
        s.validPrefix = ev.size();
    }
}

qint64 TimelineAggregate::lastAtOrBefore(const Series &series, double t)
{
    const std::vector<Event> &ev = series.events;
    auto it = std::upper_bound(ev.begin(), ev.end(), t,
                               [](double value, const Event &e) { return value < double(e.time); });
    return qint64(it - ev.begin()) - 1;
}

qint64 TimelineAggregate::lastAtOrBeforeFrom(const Series &series, size_t from, double t)
{
    const std::vector<Event> &ev = series.events;
    size_t lo = from;
    size_t hi = from;
    size_t step = 1;
    while (hi < ev.size() && double(ev[hi].time) <= t) {
        lo = hi + 1;
        hi = lo + step;
        step *= 2;
    }
    hi = qMin(hi, ev.size());
    auto it = std::upper_bound(ev.begin() + qint64(lo), ev.begin() + qint64(hi), t,
                               [](double value, const Event &e) { return value < double(e.time); });
    return qint64(it - ev.begin()) - 1;
}

double TimelineAggregate::area(const Series &series, qint64 ka, double a, qint64 kb, double b)
{
    if (kb < 0)
        return 0;
    const Event &eb = series.events[size_t(kb)];
    if (ka < 0)
        return double(eb.integral) + eb.count * (b - double(eb.time));
    // The integrals are large: their difference is taken in integers first.
    const Event &ea = series.events[size_t(ka)];
    return double(eb.integral - ea.integral) + eb.count * (b - double(eb.time)) - ea.count * (a - double(ea.time));
}

double TimelineAggregate::meanCount(StateId state, double from, double to) const
{
    if (isEmpty(state) || !(to > from))
        return 0;
    const Series &s = m_series[state];
    Q_ASSERT(s.sorted && s.validPrefix == s.events.size());
    return qMax(0.0, area(s, lastAtOrBefore(s, from), from, lastAtOrBefore(s, to), to) / (to - from));
}

void TimelineAggregate::meanCounts(StateId state, const std::vector<double> &bounds, float *out, size_t stride) const
{
    if (isEmpty(state) || bounds.size() < 2)
        return;
    const Series &s = m_series[state];
    Q_ASSERT(s.sorted && s.validPrefix == s.events.size());
    qint64 previous = lastAtOrBefore(s, bounds[0]);
    for (size_t i = 0; i + 1 < bounds.size(); ++i) {
        const qint64 next = lastAtOrBeforeFrom(s, size_t(previous + 1), bounds[i + 1]);
        const double width = bounds[i + 1] - bounds[i];
        out[i * stride]
            = width > 0 ? float(qMax(0.0, area(s, previous, bounds[i], next, bounds[i + 1]) / width)) : 0.0f;
        previous = next;
    }
}

qint64 TimelineAggregate::countAt(StateId state, double t) const
{
    if (isEmpty(state))
        return 0;
    const qint64 k = lastAtOrBefore(m_series[state], t);
    return k < 0 ? 0 : m_series[state].events[size_t(k)].count;
}

size_t TimelineAggregate::eventCount() const
{
    size_t n = 0;
    for (const Series &s : m_series)
        n += s.events.size();
    return n;
}

} // namespace StateScope
