#pragma once

#include "domaintypes.h"
#include "timeutil.h"

#include <limits>
#include <optional>
#include <vector>

namespace StateScope {

class EventStore;

// The recovery history of a scope (all recoveries, one workflow's or one execution's) for the
// Recovery pane (SPEC 7): outcomes, success rate and mean duration as SPEC 6 `recovery` counts
// them (successes / attempts), the data the succeeded recoveries lost according to the
// recovery log, and succeeded/failed counts per time bucket for a chart.
//
// Executions evicted to stay within the memory budget (EventStore::summaries) still count in
// the totals of the workflow and all scopes, as they do in the report, but have no time and
// no data-loss figures: `summarized` says how many of the attempts are not in the buckets.
struct RecoveryHistory
{
    struct Scope
    {
        enum class Kind : quint8 { All, Workflow, Execution };
        Kind kind = Kind::All;
        quint32 index = kNoIndex; // workflow or execution index

        static Scope all() { return {}; }
        static Scope workflow(quint32 w) { return {Kind::Workflow, w}; }
        static Scope execution(ExecutionIndex e) { return {Kind::Execution, e}; }
    };

    struct Options
    {
        int maxBuckets = 24;
        // Added to UTC before aligning buckets, so that hour and day buckets start at local
        // hours and midnights (the pane passes the local zone's offset).
        qint64 utcOffsetMs = 0;
    };

    struct Bucket
    {
        TimeMs start = kUnknownTime; // the bucket is [start, start + bucketWidthMs)
        quint64 succeeded = 0;
        quint64 failed = 0;
        quint64 unknown = 0; // outcome not recorded
        quint64 total() const { return succeeded + failed + unknown; }
    };

    quint64 attempts = 0;
    quint64 successes = 0;
    quint64 failures = 0;
    quint64 unknownOutcomes = 0;
    double successRate = std::numeric_limits<double>::quiet_NaN(); // successes / attempts
    double meanDurationMs = std::numeric_limits<double>::quiet_NaN(); // over attempts with a duration
    quint64 withDuration = 0;
    quint64 summarized = 0; // attempts of evicted executions: counted, not in the buckets

    // Data loss of the succeeded recoveries only: a failed attempt changes nothing (SPEC 5.3,
    // all or nothing), although the log keeps what it would have lost.
    qint64 transitionsRolledBack = 0;
    qint64 variablesChanged = 0;
    quint64 withTransitionFigures = 0; // succeeded recoveries whose log recorded the figure
    quint64 withVariableFigures = 0;
    quint64 withDataLossFigures = 0; // ... recorded at least one of the two

    // The latest attempt held in detail (by time; the last one in the log among equals).
    std::optional<RecoveryRecord> latest;

    // Time buckets from the first to the last timed attempt, empty ones included.
    TimeMs firstTime = kUnknownTime;
    TimeMs lastTime = kUnknownTime;
    quint64 untimed = 0; // attempts held in detail without a time: counted, not in the buckets
    TimeMs bucketWidthMs = 0;
    qint64 utcOffsetMs = 0; // the alignment the buckets were made with (Options::utcOffsetMs)
    std::vector<Bucket> buckets;

    static RecoveryHistory compute(const EventStore &store, Scope scope, const Options &options);
    static RecoveryHistory compute(const EventStore &store, Scope scope) { return compute(store, scope, Options()); }

    // The smallest width of the ladder 1 s, 2 s, 5 s, 10 s, 15 s, 30 s, 1 min, 2, 5, 10, 15,
    // 30 min, 1 h, 2, 3, 6, 12 h, 1 d, 2 d, 1 week, 2 weeks, 30 d, 91 d, 365 d (then whole
    // years) that covers [first, last] in at most maxBuckets aligned buckets.
    static TimeMs bucketWidth(TimeMs first, TimeMs last, int maxBuckets, qint64 utcOffsetMs = 0);
    // The start of the bucket holding t: multiples of the width in local time (weeks and longer
    // start on Mondays).
    static TimeMs bucketStart(TimeMs t, TimeMs width, qint64 utcOffsetMs = 0);
    // Whether width is on the ladder (or whole years): labels of a chart go at such steps.
    static bool isNiceWidth(TimeMs width);
};

} // namespace StateScope
