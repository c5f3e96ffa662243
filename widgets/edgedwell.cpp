#include "edgedwell.h"

#include "eventstore.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_map>

namespace StateScope {

namespace {
struct Sum
{
    quint64 stays = 0;
    double totalMs = 0;
};

// Up to this many states a dense n × n table (16 bytes a cell) beats hashing every transition.
constexpr quint32 kDenseLimit = 256;

quint64 edgeKey(StateId from, StateId to)
{
    return quint64(from) << 32 | to;
}
} // namespace

EdgeDwell EdgeDwell::compute(const EventStore &store, const Selection &selection)
{
    EdgeDwell result;
    const quint32 n = store.stateCount();
    result.m_transitionCount = store.transitionCount();
    result.m_executionCount = store.executionCount();
    result.m_names.reserve(qsizetype(n));
    for (StateId s = 0; s < n; ++s)
        result.m_names.append(store.stateName(s));

    const bool dense = n <= kDenseLimit;
    std::vector<Sum> table(dense ? size_t(n) * n : 0);
    std::unordered_map<quint64, Sum> sparse;
    const auto add = [&](StateId from, StateId to, TimeMs length) {
        Sum &sum = dense ? table[size_t(from) * n + to] : sparse[edgeKey(from, to)];
        ++sum.stays;
        sum.totalMs += double(length);
    };

    const quint32 executions = store.executionCount();
    for (ExecutionIndex e = 0; e < executions; ++e) {
        if (!selection.containsWorkflow(store.executionWorkflow(e)))
            continue;
        TimeMs stayEntry = store.executionEntryTime(e);
        for (quint32 t = store.firstTransitionOf(e); t != kNoIndex; t = store.nextTransition(t)) {
            const TimeMs ts = store.transitionTime(t);
            // Same rules as the analyzer's scan: outside the window a move only starts a stay.
            if (selection.containsTime(ts) && stayEntry != kUnknownTime && ts >= stayEntry)
                add(store.transitionFrom(t), store.transitionTo(t), ts - stayEntry);
            stayEntry = ts;
        }
    }

    const auto entry = [](StateId from, StateId to, const Sum &sum) {
        return Entry {int(from), int(to), sum.stays, sum.totalMs / double(sum.stays)};
    };
    if (dense) {
        for (StateId from = 0; from < n; ++from) {
            for (StateId to = 0; to < n; ++to) {
                const Sum &sum = table[size_t(from) * n + to];
                if (sum.stays > 0)
                    result.m_entries.push_back(entry(from, to, sum));
            }
        }
    } else {
        result.m_entries.reserve(sparse.size());
        for (const auto &[key, sum] : sparse)
            result.m_entries.push_back(entry(StateId(key >> 32), StateId(key & 0xffffffffu), sum));
        std::sort(result.m_entries.begin(), result.m_entries.end(),
                  [](const Entry &a, const Entry &b) { return a.from != b.from ? a.from < b.from : a.to < b.to; });
    }
    return result;
}

double EdgeDwell::meanMs(const QString &from, const QString &to) const
{
    const int f = int(m_names.indexOf(from));
    const int t = int(m_names.indexOf(to));
    const auto it = std::lower_bound(m_entries.begin(), m_entries.end(), std::pair {f, t},
                                     [](const Entry &e, const std::pair<int, int> &key) {
                                         return e.from != key.first ? e.from < key.first : e.to < key.second;
                                     });
    if (f < 0 || t < 0 || it == m_entries.end() || it->from != f || it->to != t)
        return std::numeric_limits<double>::quiet_NaN();
    return it->meanMs;
}

} // namespace StateScope
