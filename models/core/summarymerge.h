#pragma once

#include "dwellstatistics.h"
#include "historysummary.h"
#include "selectionscan.h"

#include <QStringList>

#include <vector>

namespace StateScope {

class EventStore;
struct AnalysisReport;

// The summaries of evicted executions (see HistorySummary) that one selection includes: those
// of selected workflows whose whole time span lies inside the selection's window. The analyzer
// adds them to what it computes from the executions still held in detail.
struct SelectedSummaries
{
    std::vector<const HistorySummary *> list;
    quint64 executions = 0;
    quint64 transitions = 0;
    quint64 running = 0;
    quint64 withoutPath = 0;
    bool empty() const { return list.empty(); }
};

// Picks the summaries for a selection; `notes` (optional) learns what was included or left out.
SelectedSummaries selectSummaries(const EventStore &store, const Selection &selection, QStringList *notes);

// Adds the summaries' transitions, first states, stays, times and (against `allowed`) invalid
// moves to a scan of the detailed executions.
void addSummariesToScan(ScanResult &scan, const SelectedSummaries &summaries, const AllowedMoves &allowed);

// Stays of state `s`: the detailed samples (reordered) plus the summaries' histograms. Count,
// mean, max and total are exact; percentiles are the histogram's (within 1%).
DwellStats dwellStatsWithSummaries(std::vector<qint64> &samples, const SelectedSummaries &summaries, StateId s);

// Executions of the summaries whose path broke the definition.
quint64 summarizedExecutionsWithInvalidMove(const SelectedSummaries &summaries, const AllowedMoves &allowed);

// Adds the summaries' checkpoint and recovery counts to a report; returns their recovery
// durations.
DwellHistogram addSummarizedOperations(AnalysisReport &report, const SelectedSummaries &summaries);

} // namespace StateScope
