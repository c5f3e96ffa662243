#pragma once

#include <QString>

#include <optional>

namespace StateScope {

class EventStore;

struct MemoryCounters
{
    quint64 budgetBytes = 0;      // in force: the one asked for, or baseline + kMinimumRoomBytes
    quint64 requestedBudgetBytes = 0;
    quint64 baselineBytes = 0;    // the process without the store
    quint64 storeLimitBytes = 0;  // compaction starts when the store uses more
    quint64 peakStoreBytes = 0;
    quint64 compactions = 0;
    quint64 summarizedExecutions = 0;
    quint64 summarizedTransitions = 0;
    quint64 summarizedRunning = 0; // evicted before they finished: only under heavy overload
    double compactionMs = 0;        // all compactions together
    double longestCompactionMs = 0;
};

// Keeps a live store within a memory budget (BARS R3). The budget is for the whole process;
// the store gets a share of what is left after the baseline (code, Qt, buffers), and past it
// the oldest executions — finished ones first — are folded into per-workflow summaries (see
// HistorySummary) and removed. Counts stay exact; the counters say what was summarized.
//
// The share is under half: a column that grows by doubling holds its old and new copy at once
// for a moment, in-place compaction keeps the pages it touched, and computing a report scans
// the store with ~8 bytes per transition and ~40 per execution.
class MemoryBudget final
{
public:
    static constexpr quint64 kDefaultBytes = quint64(1) << 30;
    static constexpr quint64 kMinimumBytes = quint64(48) << 20;
    // Room past the baseline the store gets at least: a budget below baseline + this is raised.
    static constexpr quint64 kMinimumRoomBytes = quint64(16) << 20;

    // Without a baseline, it is measured at the first enforce(): by then the process has its
    // connections, threads and buffers, which a measurement at startup would miss.
    explicit MemoryBudget(quint64 budgetBytes, quint64 baselineBytes = 0);

    // A new budget for the same process (the user's preference): the baseline measured so far
    // stays; the next enforce() compacts if the store is now over its share.
    void setBudget(quint64 budgetBytes);

    // Call after each batch. Returns true when it compacted the store (indices changed).
    bool enforce(EventStore &store);
    const MemoryCounters &counters() const { return m_counters; }

    // "1GiB", "512MiB", "2G" (binary), "800MB" (decimal), "1048576" (bytes); at least
    // kMinimumBytes. The error names the problem.
    static std::optional<quint64> parseSize(const QString &text, QString *error);
    static quint64 residentBytes();     // now, from /proc/self/statm
    static quint64 peakResidentBytes(); // the high-water mark of the process

private:
    void setBaseline(quint64 baselineBytes);
    bool evictOldest(EventStore &store, quint64 need);

    quint64 m_lowWaterBytes = 0;
    MemoryCounters m_counters;
};

} // namespace StateScope
