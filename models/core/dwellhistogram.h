#pragma once

#include <QtGlobal>

#include <array>
#include <cmath>
#include <limits>
#include <vector>

namespace StateScope {

// Streaming dwell statistics for live data: exact count, mean and max, percentiles from a
// log-linear histogram with a relative error under 1% (64 linear sub-buckets per power of two,
// as HdrHistogram does). Adding a sample is O(1) and a percentile is O(buckets), so a live
// batch never re-sorts the history. Memory: at most ~2,400 counters per state.
class DwellHistogram final
{
public:
    void add(qint64 ms);
    void merge(const DwellHistogram &other);
    quint64 count() const { return m_count; }
    double mean() const { return m_count ? double(m_sum) / double(m_count) : std::numeric_limits<double>::quiet_NaN(); }
    double max() const { return m_count ? double(m_max) : std::numeric_limits<double>::quiet_NaN(); }
    double totalMs() const { return double(m_sum); }
    size_t bucketCount() const { return m_buckets.capacity(); }
    // Linear interpolation between closest ranks over the bucket representatives, matching
    // percentileOfSorted() to within the bucket width.
    double percentile(double p) const;

private:
    static constexpr int kSubBits = 6; // 64 sub-buckets: 1/64 < 1.6% bucket width, midpoint error < 0.8%
    static int bucketOf(quint64 v);
    static double representative(int bucket);

    std::vector<quint64> m_buckets;
    quint64 m_count = 0;
    long double m_sum = 0;
    qint64 m_max = 0;
};

} // namespace StateScope
