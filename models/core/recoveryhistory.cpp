#include "recoveryhistory.h"

#include "eventstore.h"

#include <algorithm>
#include <iterator>

namespace StateScope {

namespace {
constexpr TimeMs kSecond = 1000;
constexpr TimeMs kMinute = 60 * kSecond;
constexpr TimeMs kHour = 60 * kMinute;
constexpr TimeMs kDay = 24 * kHour;
constexpr TimeMs kWeek = 7 * kDay;
constexpr TimeMs kYear = 365 * kDay;
constexpr TimeMs kLadder[] = {
    kSecond,     2 * kSecond,  5 * kSecond,  10 * kSecond, 15 * kSecond, 30 * kSecond, kMinute,   2 * kMinute,
    5 * kMinute, 10 * kMinute, 15 * kMinute, 30 * kMinute, kHour,        2 * kHour,    3 * kHour, 6 * kHour,
    12 * kHour,  kDay,         2 * kDay,     kWeek,        2 * kWeek,    30 * kDay,    91 * kDay, kYear,
};
// 1970-01-05 was a Monday: weeks (and longer buckets) count from there.
constexpr TimeMs kFirstMonday = 4 * kDay;

TimeMs floorDiv(TimeMs a, TimeMs b)
{
    const TimeMs q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

qint64 bucketCount(TimeMs first, TimeMs last, TimeMs width, qint64 utcOffsetMs)
{
    return (RecoveryHistory::bucketStart(last, width, utcOffsetMs)
            - RecoveryHistory::bucketStart(first, width, utcOffsetMs))
        / width
        + 1;
}

bool inScope(const EventStore &store, RecoveryHistory::Scope scope, ExecutionIndex e)
{
    using Kind = RecoveryHistory::Scope::Kind;
    switch (scope.kind) {
    case Kind::All:
        return true;
    case Kind::Workflow:
        return e < store.executionCount() && store.executionWorkflow(e) == scope.index;
    case Kind::Execution:
        break;
    }
    return e == scope.index && e != kNoIndex;
}
} // namespace

TimeMs RecoveryHistory::bucketStart(TimeMs t, TimeMs width, qint64 utcOffsetMs)
{
    const TimeMs anchor = width >= kWeek ? kFirstMonday : 0;
    return floorDiv(t + utcOffsetMs - anchor, width) * width + anchor - utcOffsetMs;
}

bool RecoveryHistory::isNiceWidth(TimeMs width)
{
    return width > 0
        && (width % kYear == 0 || std::find(std::begin(kLadder), std::end(kLadder), width) != std::end(kLadder));
}

TimeMs RecoveryHistory::bucketWidth(TimeMs first, TimeMs last, int maxBuckets, qint64 utcOffsetMs)
{
    maxBuckets = std::max(1, maxBuckets);
    if (first == kUnknownTime || last == kUnknownTime || last <= first)
        return kLadder[0];
    for (TimeMs width : kLadder) {
        if (bucketCount(first, last, width, utcOffsetMs) <= maxBuckets)
            return width;
    }
    // Whole years past the ladder: start near the answer, then step up until it fits.
    qint64 years = std::max<qint64>(2, (last - first) / kYear / std::max(1, maxBuckets - 1) + 1);
    while (bucketCount(first, last, years * kYear, utcOffsetMs) > maxBuckets)
        ++years;
    return years * kYear;
}

RecoveryHistory RecoveryHistory::compute(const EventStore &store, Scope scope, const Options &options)
{
    RecoveryHistory h;
    long double durationSum = 0;
    const RecoveryRecord *latest = nullptr;
    for (const RecoveryRecord &r : store.recoveries()) {
        if (!inScope(store, scope, r.execution))
            continue;
        ++h.attempts;
        if (r.success == 1)
            ++h.successes;
        else if (r.success == 0)
            ++h.failures;
        else
            ++h.unknownOutcomes;
        if (r.durationMs >= 0) {
            durationSum += r.durationMs;
            ++h.withDuration;
        }
        if (r.success == 1) {
            if (r.transitionsRolledBack >= 0) {
                h.transitionsRolledBack += r.transitionsRolledBack;
                ++h.withTransitionFigures;
            }
            if (r.variablesChanged >= 0) {
                h.variablesChanged += r.variablesChanged;
                ++h.withVariableFigures;
            }
            if (r.transitionsRolledBack >= 0 || r.variablesChanged >= 0)
                ++h.withDataLossFigures;
        }
        // A timed attempt beats an untimed one; among untimed ones the log's last wins.
        if (!latest || latest->time == kUnknownTime || (r.time != kUnknownTime && r.time >= latest->time))
            latest = &r;
        if (r.time == kUnknownTime) {
            ++h.untimed;
            continue;
        }
        h.firstTime = h.firstTime == kUnknownTime ? r.time : std::min(h.firstTime, r.time);
        h.lastTime = h.lastTime == kUnknownTime ? r.time : std::max(h.lastTime, r.time);
    }
    if (latest)
        h.latest = *latest;

    // Evicted executions: in the totals as in the report, nowhere else.
    if (scope.kind != Scope::Kind::Execution) {
        for (const auto &[workflow, summary] : store.summaries()) {
            if (scope.kind == Scope::Kind::Workflow && workflow != scope.index)
                continue;
            const quint64 failed = quint64(summary.failedRecoveries.size());
            h.attempts += summary.recoveryAttempts;
            h.successes += summary.recoverySuccesses;
            h.failures += failed;
            h.unknownOutcomes += summary.recoveryAttempts - summary.recoverySuccesses - failed;
            h.summarized += summary.recoveryAttempts;
            h.withDuration += summary.recoveryDurations.count();
            durationSum += summary.recoveryDurations.totalMs();
        }
    }
    if (h.attempts > 0)
        h.successRate = double(h.successes) / double(h.attempts);
    if (h.withDuration > 0)
        h.meanDurationMs = double(durationSum / static_cast<long double>(h.withDuration));

    if (h.firstTime == kUnknownTime)
        return h;
    h.bucketWidthMs = bucketWidth(h.firstTime, h.lastTime, options.maxBuckets, options.utcOffsetMs);
    h.utcOffsetMs = options.utcOffsetMs;
    const TimeMs origin = bucketStart(h.firstTime, h.bucketWidthMs, options.utcOffsetMs);
    const qint64 count = bucketCount(h.firstTime, h.lastTime, h.bucketWidthMs, options.utcOffsetMs);
    h.buckets.resize(size_t(count));
    for (qint64 i = 0; i < count; ++i)
        h.buckets[size_t(i)].start = origin + i * h.bucketWidthMs;
    for (const RecoveryRecord &r : store.recoveries()) {
        if (r.time == kUnknownTime || !inScope(store, scope, r.execution))
            continue;
        Bucket &b = h.buckets[size_t((r.time - origin) / h.bucketWidthMs)];
        if (r.success == 1)
            ++b.succeeded;
        else if (r.success == 0)
            ++b.failed;
        else
            ++b.unknown;
    }
    return h;
}

} // namespace StateScope
