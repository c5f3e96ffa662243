#pragma once

#include "analysisoptions.h"
#include "analysisreport.h"

namespace StateScope {

// Derives SPEC 6 alerts from a report whose other parts are filled: stuck executions (open
// stay longer than the state's p99 or the configured limit), consistency violations,
// corrupted checkpoints and failed recoveries. At most options.maxAlertsPerKind per kind are
// listed; the rest are counted in report.alertsOmitted.
void addAlerts(AnalysisReport &report, const AnalysisOptions &options);

} // namespace StateScope
