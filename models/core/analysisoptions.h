#pragma once

#include "domaintypes.h"
#include "selection.h"

#include <optional>

namespace StateScope {

struct AnalysisOptions
{
    Selection selection;
    QString sourceLabel;
    // Conformance and validation run against this definition when set.
    std::optional<StateMachineDefinition> definition;
    double lagThresholdMs = 1000;
    // A stay open longer than this is stuck even if the state's p99 is larger; 0 = p99 only.
    double stuckLimitMs = 0;
    // The instant "now" for open stays; unknown = the selection's end (latest event or --to).
    TimeMs asOf = kUnknownTime;
    int maxVariants = 100;
    int maxExecutionPredictions = 1000;
    int maxAlertsPerKind = 1000;
};

} // namespace StateScope
