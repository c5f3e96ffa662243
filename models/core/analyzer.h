#pragma once

#include "analysisoptions.h"
#include "analysisreport.h"

namespace StateScope {

class EventStore;

// Computes the whole SPEC 6 report over a store. Pure and deterministic: the same store and
// options give the same report; reads the store only. Runs on whatever thread calls it (the
// CLI's main thread, the dashboard's analytics worker).
AnalysisReport analyze(const EventStore &store, const AnalysisOptions &options);

} // namespace StateScope
