#pragma once

#include "timeutil.h"

#include <vector>

namespace StateScope {

// What the analytics look at: a set of workflows and a time window on transition timestamps.
struct Selection
{
    std::vector<bool> workflows; // indexed by workflow index; empty = every workflow
    TimeMs from = kUnknownTime;  // inclusive; unknown = open
    TimeMs to = kUnknownTime;    // inclusive; unknown = open

    bool hasWindow() const { return from != kUnknownTime || to != kUnknownTime; }
    bool containsTime(TimeMs t) const
    {
        return (from == kUnknownTime || t >= from) && (to == kUnknownTime || t <= to);
    }
    bool containsWorkflow(quint32 w) const
    {
        return workflows.empty() || (w < workflows.size() && workflows[w]);
    }
};

} // namespace StateScope
