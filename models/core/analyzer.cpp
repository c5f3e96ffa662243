#include "analyzer.h"

#include "alertrules.h"
#include "definitionvalidator.h"
#include "eventstore.h"
#include "markovchain.h"
#include "operationsstatistics.h"
#include "selectionscan.h"
#include "summarymerge.h"

#include <QHash>

#include <algorithm>
#include <cmath>
#include <deque>

namespace StateScope {

namespace {
const double kNaN = std::numeric_limits<double>::quiet_NaN();

AllowedMoves allowedMovesOf(const EventStore &store, const std::optional<StateMachineDefinition> &definition)
{
    AllowedMoves allowed;
    if (!definition)
        return allowed;
    allowed.active = true;
    for (const DefinitionTransition &t : definition->transitions) {
        const StateId from = store.findState(t.source.toUtf8());
        const StateId to = store.findState(t.target.toUtf8());
        if (from != StringInterner::kNotFound && to != StringInterner::kNotFound)
            allowed.moves.insert(AllowedMoves::key(from, to));
    }
    return allowed;
}

// Report order of the states: breadth-first from the most frequent first state, following the
// busiest edges first, so matrices read along the workflow; states not reached follow by name.
std::vector<StateId> orderStates(const EventStore &store, const ScanResult &scan)
{
    const quint32 n = scan.stateCount;
    std::vector<std::vector<std::pair<quint64, StateId>>> out(n);
    scan.forEachCount([&out](StateId from, StateId to, quint64 c) { out[from].push_back({c, to}); });
    for (auto &edges : out)
        std::sort(edges.begin(), edges.end(), [](const auto &a, const auto &b) { return a.first > b.first || (a.first == b.first && a.second < b.second); });
    std::vector<std::pair<quint64, StateId>> starts;
    for (StateId s = 0; s < n; ++s) {
        if (scan.firstStateCounts[s] > 0)
            starts.push_back({scan.firstStateCounts[s], s});
    }
    std::sort(starts.begin(), starts.end(), [](const auto &a, const auto &b) { return a.first > b.first || (a.first == b.first && a.second < b.second); });
    std::vector<bool> placed(n, false);
    std::vector<StateId> order;
    for (const auto &[count, start] : starts) {
        if (placed[start])
            continue;
        std::deque<StateId> queue{start};
        placed[start] = true;
        while (!queue.empty()) {
            const StateId s = queue.front();
            queue.pop_front();
            order.push_back(s);
            for (const auto &[c, to] : out[s]) {
                if (!placed[to]) {
                    placed[to] = true;
                    queue.push_back(to);
                }
            }
        }
    }
    std::vector<StateId> rest;
    for (StateId s = 0; s < n; ++s) {
        if (scan.stateSeen[s] && !placed[s])
            rest.push_back(s);
    }
    std::sort(rest.begin(), rest.end(), [&store](StateId a, StateId b) { return store.stateName(a) < store.stateName(b); });
    order.insert(order.end(), rest.begin(), rest.end());
    return order;
}

void addVariants(AnalysisReport &report, const EventStore &store, const ScanResult &scan, const SelectedSummaries &summaries,
                 const std::vector<int> &local, const AnalysisOptions &options)
{
    struct Group
    {
        quint64 count = 0;
        ExecutionIndex example = kNoIndex;
        const HistorySummary::Path *summarized = nullptr; // the example when none is held in detail
    };
    QHash<quint64, Group> groups;
    for (const ExecutionSummary &s : scan.executions) {
        if (!s.completePath || s.currentState == kNoState || !report.states[local[s.currentState]].terminal)
            continue;
        ++report.finishedExecutions;
        Group &g = groups[s.pathHash];
        if (g.count++ == 0)
            g.example = s.execution;
    }
    for (const HistorySummary *summary : summaries.list) {
        for (auto it = summary->paths.cbegin(); it != summary->paths.cend(); ++it) {
            if (!report.states[local[it->states.back()]].terminal)
                continue;
            report.finishedExecutions += it->count;
            Group &g = groups[it.key()];
            if (g.count == 0)
                g.summarized = &*it;
            g.count += it->count;
        }
    }
    report.variantCount = static_cast<quint64>(groups.size());
    std::vector<Group> sorted;
    sorted.reserve(groups.size());
    for (const Group &g : std::as_const(groups))
        sorted.push_back(g);
    auto pathOf = [&store](ExecutionIndex e) {
        QStringList path;
        quint32 t = store.firstTransitionOf(e);
        if (t == kNoIndex) {
            path.append(store.stateName(store.executionInitialState(e)));
            return path;
        }
        path.append(store.stateName(store.transitionFrom(t)));
        for (; t != kNoIndex; t = store.nextTransition(t))
            path.append(store.stateName(store.transitionTo(t)));
        return path;
    };
    // Most frequent first; ties broken by the path text so the order is deterministic.
    const size_t keep = std::min<size_t>(sorted.size(), static_cast<size_t>(std::max(0, options.maxVariants)));
    std::vector<AnalysisReport::Variant> variants;
    variants.reserve(sorted.size());
    std::sort(sorted.begin(), sorted.end(), [](const Group &a, const Group &b) { return a.count > b.count; });
    // Only paths that can make the cut (count >= the keep-th count) need their text.
    const quint64 cutoff = keep == 0 ? 0 : sorted[keep - 1].count;
    for (const Group &g : sorted) {
        if (keep == 0 || g.count < cutoff)
            break;
        if (g.example != kNoIndex) {
            variants.push_back({pathOf(g.example), g.count, store.executionId(g.example)});
            continue;
        }
        QStringList path;
        for (StateId s : g.summarized->states)
            path.append(store.stateName(s));
        variants.push_back({path, g.count, g.summarized->exampleExecution});
    }
    std::sort(variants.begin(), variants.end(), [](const AnalysisReport::Variant &a, const AnalysisReport::Variant &b) {
        if (a.count != b.count)
            return a.count > b.count;
        return a.path.join(QLatin1Char('\x1f')) < b.path.join(QLatin1Char('\x1f'));
    });
    if (variants.size() > keep)
        variants.resize(keep);
    report.variants = std::move(variants);
}

void addBottlenecks(AnalysisReport &report)
{
    std::vector<int> candidates;
    double total = 0;
    for (int i = 0; i < int(report.states.size()); ++i) {
        const AnalysisReport::StateRow &row = report.states[i];
        if (!row.terminal && row.dwell.count > 0) {
            candidates.push_back(i);
            total += row.dwell.totalMs;
        }
    }
    if (candidates.empty())
        return;
    const double k = static_cast<double>(candidates.size());
    double meanOfMeans = 0;
    for (int i : candidates)
        meanOfMeans += report.states[i].dwell.mean;
    meanOfMeans /= k;
    double variance = 0;
    for (int i : candidates)
        variance += std::pow(report.states[i].dwell.mean - meanOfMeans, 2);
    const double stddev = std::sqrt(variance / k); // population deviation, as the seed's np.std
    for (int i : candidates) {
        const AnalysisReport::StateRow &row = report.states[i];
        AnalysisReport::Bottleneck b;
        b.state = i;
        b.share = total > 0 ? row.dwell.totalMs / total : 0;
        b.meanMs = row.dwell.mean;
        b.isBottleneck = b.share >= 2.0 / k;
        b.severity = stddev > 0 ? (row.dwell.mean - meanOfMeans) / stddev : 0;
        report.bottlenecks.push_back(b);
    }
    std::stable_sort(report.bottlenecks.begin(), report.bottlenecks.end(),
                     [](const auto &a, const auto &b) { return a.share > b.share; });
}
} // namespace

int AnalysisReport::stateIndex(const QString &name) const
{
    for (int i = 0; i < int(states.size()); ++i) {
        if (states[i].name == name)
            return i;
    }
    return -1;
}

AnalysisReport analyze(const EventStore &store, const AnalysisOptions &options)
{
    AnalysisReport report;
    report.source = options.sourceLabel;
    report.from = options.selection.from;
    report.to = options.selection.to;
    report.lagThresholdMs = options.lagThresholdMs;

    const AllowedMoves allowed = allowedMovesOf(store, options.definition);
    ScanResult scan = scanSelection(store, options.selection, allowed);
    const SelectedSummaries summaries = selectSummaries(store, options.selection, &report.notes);
    addSummariesToScan(scan, summaries, allowed);
    report.executions = scan.executions.size() + summaries.executions;
    report.transitions = scan.transitions;
    report.staysWithUnknownEntry = scan.staysWithUnknownEntry;
    report.negativeStays = scan.negativeStays;

    const std::vector<StateId> order = orderStates(store, scan);
    std::vector<int> local(scan.stateCount, -1);
    for (int i = 0; i < int(order.size()); ++i)
        local[order[i]] = i;
    const int k = int(order.size());

    MarkovInput input;
    input.stateCount = k;
    input.initial.assign(k, 0.0);
    input.meanDwellMs.assign(k, kNaN);
    report.states.resize(k);
    for (int i = 0; i < k; ++i) {
        const StateId g = order[i];
        report.states[i].name = store.stateName(g);
        report.states[i].dwell = summaries.empty() ? computeDwellStats(scan.dwellSamples[g])
                                                   : dwellStatsWithSummaries(scan.dwellSamples[g], summaries, g);
        std::vector<qint64>().swap(scan.dwellSamples[g]); // give the memory back early
        input.meanDwellMs[i] = report.states[i].dwell.mean;
    }
    double firstTotal = 0;
    for (int i = 0; i < k; ++i)
        firstTotal += static_cast<double>(scan.firstStateCounts[order[i]]);
    for (int i = 0; i < k && firstTotal > 0; ++i)
        input.initial[i] = static_cast<double>(scan.firstStateCounts[order[i]]) / firstTotal;
    scan.forEachCount([&](StateId from, StateId to, quint64 c) {
        input.counts.push_back({quint32(local[from]), quint32(local[to]), c});
    });
    std::sort(input.counts.begin(), input.counts.end(), [](const TransitionCount &a, const TransitionCount &b) {
        return a.from != b.from ? a.from < b.from : a.to < b.to;
    });

    const MarkovResult markov = analyzeMarkov(input);
    for (int i = 0; i < k; ++i) {
        AnalysisReport::StateRow &row = report.states[i];
        row.terminal = markov.terminal[i];
        row.trapped = markov.trapped[i];
        row.steadyState = markov.steadyState[i];
        row.timeShare = markov.timeShare[i];
    }
    for (const TransitionCount &c : input.counts) {
        double p = 0;
        for (const auto &[to, prob] : markov.rows[c.from]) {
            if (to == c.to)
                p = prob;
        }
        report.edges.push_back({int(c.from), int(c.to), c.count, p});
    }
    for (quint32 t : markov.terminalStates)
        report.absorptionColumns.append(report.states[t].name);
    if (markov.hasTrappedColumn)
        report.absorptionColumns.append(QStringLiteral("(trapped)"));
    for (int i = 0; i < k; ++i) {
        if (markov.terminal[i])
            continue;
        report.absorption.push_back({i, markov.absorption[i], markov.expectedSteps[i], markov.expectedMs[i]});
    }
    addBottlenecks(report);
    addVariants(report, store, scan, summaries, local, options);

    // Conformance and validation.
    for (int i = 0; i < k; ++i) {
        if (markov.trapped[i])
            report.trapped.append(report.states[i].name);
    }
    if (options.definition) {
        report.hasDefinition = true;
        report.definitionName = options.definition->name;
        quint64 withInvalid = summarizedExecutionsWithInvalidMove(summaries, allowed);
        for (const ExecutionSummary &s : scan.executions)
            withInvalid += s.hasInvalidMove ? 1 : 0;
        // Summarized executions past the path cap have no path to check.
        const quint64 checked = report.executions - summaries.withoutPath;
        report.conformanceRate = checked > 0
            ? 1.0 - static_cast<double>(withInvalid) / static_cast<double>(checked)
            : kNaN;
        for (auto it = scan.invalidMoves.cbegin(); it != scan.invalidMoves.cend(); ++it) {
            report.invalidTransitions.push_back({store.stateName(StateId(it.key() >> 32)),
                                                 store.stateName(StateId(it.key() & 0xffffffffu)),
                                                 it.value().count, it.value().exampleExecutions});
        }
        std::sort(report.invalidTransitions.begin(), report.invalidTransitions.end(), [](const auto &a, const auto &b) {
            return a.count != b.count ? a.count > b.count : (a.from != b.from ? a.from < b.from : a.to < b.to);
        });
        const DefinitionFindings findings = validateDefinition(*options.definition);
        report.unreachable = findings.unreachable;
        report.deadlocks = findings.deadlocks;
        report.nonDeterministic = findings.nonDeterministic;
        report.missingErrorHandling = findings.missingErrorHandling;
        for (const QString &t : findings.trapped) {
            if (!report.trapped.contains(t))
                report.trapped.append(t);
        }
        report.trapped.sort();
        report.structuralErrors = findings.structuralErrors;
    }

    // "Now" for open stays.
    TimeMs asOf = options.asOf != kUnknownTime ? options.asOf : options.selection.to;
    if (asOf == kUnknownTime)
        asOf = latestTime(store, options.selection, scan.maxTime);
    report.asOf = asOf;

    // Predictions for running executions (current state not terminal).
    std::vector<quint64> inState(k, 0);
    for (const ExecutionSummary &s : scan.executions) {
        if (s.currentState == kNoState)
            continue;
        const int i = local[s.currentState];
        ++inState[i];
        if (markov.terminal[i])
            continue;
        ++report.runningExecutions;
        const double inStateMs = (asOf != kUnknownTime && s.currentSince != kUnknownTime)
            ? static_cast<double>(std::max<TimeMs>(0, asOf - s.currentSince)) : kNaN;
        const double mean = report.states[i].dwell.mean;
        double remaining = markov.expectedMs[i];
        if (!std::isnan(remaining) && !std::isnan(inStateMs) && !std::isnan(mean))
            remaining -= std::min(inStateMs, mean); // part of the current stay already spent
        report.executionPredictions.push_back({store.executionId(s.execution), i, inStateMs, remaining});
    }
    // Summarized executions stay where they ended only if that is for good.
    for (const HistorySummary *summary : summaries.list) {
        for (StateId s = 0; s < summary->lastStates.size(); ++s) {
            if (summary->lastStates[s] > 0 && markov.terminal[local[s]])
                inState[local[s]] += summary->lastStates[s];
        }
    }
    for (int i = 0; i < k; ++i) {
        report.states[i].executionsInState = inState[i];
        if (markov.terminal[i] || inState[i] == 0)
            continue;
        AnalysisReport::StatePrediction p;
        p.state = i;
        p.running = inState[i];
        for (const auto &[to, prob] : markov.rows[i])
            p.next.push_back({int(to), prob});
        p.outcomes = markov.absorption[i];
        p.expectedRemainingMs = markov.expectedMs[i];
        report.statePredictions.push_back(std::move(p));
    }
    std::sort(report.executionPredictions.begin(), report.executionPredictions.end(), [](const auto &a, const auto &b) {
        const double x = std::isnan(a.inStateMs) ? -1 : a.inStateMs;
        const double y = std::isnan(b.inStateMs) ? -1 : b.inStateMs;
        return x != y ? x > y : a.executionId < b.executionId;
    });

    addOperationsStatistics(report, store, options);
    addAlerts(report, options);
    if (report.executionPredictions.size() > size_t(std::max(0, options.maxExecutionPredictions)))
        report.executionPredictions.resize(size_t(std::max(0, options.maxExecutionPredictions)));
    if (scan.staysWithUnknownEntry > 0)
        report.notes.append(QStringLiteral("%1 first stays have no entry time and are not in the dwell statistics")
                                .arg(scan.staysWithUnknownEntry));
    if (scan.negativeStays > 0)
        report.notes.append(QStringLiteral("%1 stays end before they start (bad timestamps) and are not in the dwell statistics")
                                .arg(scan.negativeStays));
    return report;
}

} // namespace StateScope
