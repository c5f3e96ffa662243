#pragma once

#include <QtGlobal>

#include <cmath>
#include <limits>
#include <vector>

namespace StateScope {

// Statistics of completed stays in one state, in milliseconds.
struct DwellStats
{
    quint64 count = 0;
    double mean = std::numeric_limits<double>::quiet_NaN();
    double p50 = std::numeric_limits<double>::quiet_NaN();
    double p95 = std::numeric_limits<double>::quiet_NaN();
    double p99 = std::numeric_limits<double>::quiet_NaN();
    double max = std::numeric_limits<double>::quiet_NaN();
    double totalMs = 0;
};

// Percentile by linear interpolation between closest ranks (rank h = (n-1)p, the definition
// numpy and Excel's PERCENTILE.INC use) over an ascending sample. NaN for an empty sample.
double percentileOfSorted(const std::vector<qint64> &sorted, double p);

// Summarises a sample; reorders it in place (it is scratch data owned by the caller).
DwellStats computeDwellStats(std::vector<qint64> &samples);

} // namespace StateScope
