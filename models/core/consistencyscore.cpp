#include "consistencyscore.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace StateScope {

bool consistencySampleHealthy(const ConsistencySample &sample, double lagThresholdMs)
{
    return sample.nodesInSync >= sample.quorumSize && sample.maxLagMs <= lagThresholdMs;
}

double consistencyScore(const std::vector<const ConsistencySample *> &samples, TimeMs windowStart,
                        TimeMs windowEnd, double lagThresholdMs)
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    if (samples.empty())
        return nan;
    const TimeMs start = windowStart == kUnknownTime ? samples.front()->time : windowStart;
    const TimeMs end = windowEnd == kUnknownTime ? samples.back()->time : std::max(windowEnd, start);

    double healthy = 0;
    double total = 0;
    const ConsistencySample *inForceAtEnd = nullptr;
    for (size_t i = 0; i < samples.size(); ++i) {
        const TimeMs from = std::max(samples[i]->time, start);
        const TimeMs until = std::min(i + 1 < samples.size() ? samples[i + 1]->time : end, end);
        if (samples[i]->time <= end)
            inForceAtEnd = samples[i];
        if (until <= from)
            continue;
        const double span = static_cast<double>(until - from);
        total += span;
        if (consistencySampleHealthy(*samples[i], lagThresholdMs))
            healthy += span;
    }
    if (total > 0)
        return healthy / total;
    if (!inForceAtEnd)
        return nan;
    return consistencySampleHealthy(*inForceAtEnd, lagThresholdMs) ? 1.0 : 0.0;
}

} // namespace StateScope
