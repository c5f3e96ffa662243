#include "dwellhistogram.h"

#include <algorithm>
#include <bit>

namespace StateScope {

int DwellHistogram::bucketOf(quint64 v)
{
    // Values below 64 get a bucket each; above, each power of two is split into 64 buckets.
    if (v < (1u << kSubBits))
        return int(v);
    const int exponent = int(std::bit_width(v)) - 1 - kSubBits; // >= 0
    const int sub = int(v >> exponent) - (1 << kSubBits);         // 0..63
    return (1 << kSubBits) + exponent * (1 << kSubBits) + sub;
}

double DwellHistogram::representative(int bucket)
{
    if (bucket < (1 << kSubBits))
        return double(bucket);
    const int exponent = (bucket - (1 << kSubBits)) >> kSubBits;
    const int sub = (bucket - (1 << kSubBits)) & ((1 << kSubBits) - 1);
    const double low = std::ldexp(double((1 << kSubBits) + sub), exponent);
    const double width = std::ldexp(1.0, exponent);
    return low + (width - 1.0) / 2.0; // middle of the integers the bucket holds
}

void DwellHistogram::add(qint64 ms)
{
    const quint64 v = ms < 0 ? 0 : quint64(ms);
    const int b = bucketOf(v);
    if (size_t(b) >= m_buckets.size())
        m_buckets.resize(size_t(b) + 1, 0);
    ++m_buckets[size_t(b)];
    if (m_count == 0 || ms > m_max)
        m_max = ms;
    ++m_count;
    m_sum += ms;
}

void DwellHistogram::merge(const DwellHistogram &other)
{
    if (other.m_buckets.size() > m_buckets.size())
        m_buckets.resize(other.m_buckets.size(), 0);
    for (size_t i = 0; i < other.m_buckets.size(); ++i)
        m_buckets[i] += other.m_buckets[i];
    if (other.m_count && (m_count == 0 || other.m_max > m_max))
        m_max = other.m_max;
    m_count += other.m_count;
    m_sum += other.m_sum;
}

double DwellHistogram::percentile(double p) const
{
    if (m_count == 0)
        return std::numeric_limits<double>::quiet_NaN();
    const double h = (double(m_count) - 1.0) * p;
    const quint64 lo = quint64(std::floor(h));
    // Value at rank r: the representative of the bucket holding it, never above the max.
    auto valueAt = [this](quint64 rank) {
        quint64 seen = 0;
        for (size_t b = 0; b < m_buckets.size(); ++b) {
            seen += m_buckets[b];
            if (seen > rank)
                return std::min(representative(int(b)), double(m_max));
        }
        return double(m_max);
    };
    const double low = valueAt(lo);
    if (h == double(lo) || lo + 1 >= m_count)
        return low;
    return low + (h - double(lo)) * (valueAt(lo + 1) - low);
}

} // namespace StateScope
