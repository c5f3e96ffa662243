#pragma once

#include "domaintypes.h"

#include <vector>

namespace StateScope {

// A sample is healthy when enough nodes are in sync for a quorum and no node lags too much.
bool consistencySampleHealthy(const ConsistencySample &sample, double lagThresholdMs);

// Share of [windowStart, windowEnd] in which the replica set was healthy (SPEC 6): each sample
// holds from its time until the next sample; the window starts at the first sample when
// windowStart is unknown. Samples must be of one workflow, in time order. A window of zero
// length takes the state of the sample in force at its end (1 or 0). NaN without samples in
// force.
double consistencyScore(const std::vector<const ConsistencySample *> &samples, TimeMs windowStart,
                        TimeMs windowEnd, double lagThresholdMs);

} // namespace StateScope
