#pragma once

// What the benchmark programs share: the median of repeated runs and the process's CPU time.

#include <sys/resource.h>

#include <algorithm>
#include <vector>

namespace StateScope::Bench {

inline double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

// User + system time of this process so far, in seconds: steadier than wall time on a shared machine.
inline double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

} // namespace StateScope::Bench
