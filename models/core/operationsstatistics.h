#pragma once

#include "analysisoptions.h"
#include "analysisreport.h"

namespace StateScope {

class EventStore;

// The latest instant the selection knows of: its last transition, checkpoint, recovery or
// consistency sample. Used as "now" for open stays in offline data.
TimeMs latestTime(const EventStore &store, const Selection &selection, TimeMs latestTransition);

// Fills the checkpoint, recovery and consistency parts of the report (SPEC 6) for the
// selection. report.asOf must be set.
void addOperationsStatistics(AnalysisReport &report, const EventStore &store, const AnalysisOptions &options);

// How report.failedRecoveries names a failed attempt: "<recovery id> (execution <id>)". The
// dashboard reads the execution back out of it.
QString failedRecoveryLabel(const EventStore &store, const RecoveryRecord &recovery);

} // namespace StateScope
