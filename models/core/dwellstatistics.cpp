#include "dwellstatistics.h"

#include <algorithm>

namespace StateScope {

double percentileOfSorted(const std::vector<qint64> &sorted, double p)
{
    if (sorted.empty())
        return std::numeric_limits<double>::quiet_NaN();
    const double h = (static_cast<double>(sorted.size()) - 1.0) * p;
    const size_t lo = static_cast<size_t>(std::floor(h));
    const size_t hi = std::min(lo + 1, sorted.size() - 1);
    return static_cast<double>(sorted[lo]) + (h - static_cast<double>(lo)) * static_cast<double>(sorted[hi] - sorted[lo]);
}

namespace {
// Same rule as percentileOfSorted without sorting: selects the two ranks it needs inside
// [0, limit), which holds every element up to the limit's rank. Linear rather than n log n,
// which matters with millions of stays.
double selectPercentile(std::vector<qint64> &v, size_t limit, double p, size_t *rank)
{
    const double h = (static_cast<double>(v.size()) - 1.0) * p;
    const size_t lo = static_cast<size_t>(std::floor(h));
    std::nth_element(v.begin(), v.begin() + lo, v.begin() + limit);
    const qint64 low = v[lo];
    qint64 high = low;
    if (lo + 1 < v.size() && h > static_cast<double>(lo))
        // Rank lo+1 lies in [lo+1, limit) unless lo is the last rank of the range; the
        // elements past the range are all at least as large, so look there then.
        high = *std::min_element(v.begin() + lo + 1, v.begin() + (lo + 1 < limit ? limit : v.size()));
    *rank = lo;
    return static_cast<double>(low) + (h - static_cast<double>(lo)) * static_cast<double>(high - low);
}
} // namespace

DwellStats computeDwellStats(std::vector<qint64> &samples)
{
    DwellStats s;
    s.count = samples.size();
    if (samples.empty())
        return s;
    long double total = 0;
    qint64 max = samples.front();
    for (qint64 v : samples) {
        total += static_cast<long double>(v);
        max = std::max(max, v);
    }
    s.totalMs = static_cast<double>(total);
    s.mean = static_cast<double>(total / static_cast<long double>(samples.size()));
    s.max = static_cast<double>(max);
    // Highest rank first: each selection leaves the lower ranks in front of it.
    size_t rank = 0;
    s.p99 = selectPercentile(samples, samples.size(), 0.99, &rank);
    s.p95 = selectPercentile(samples, rank + 1, 0.95, &rank);
    s.p50 = selectPercentile(samples, rank + 1, 0.50, &rank);
    return s;
}

} // namespace StateScope
