// RecoveryHistory: the Recovery pane's figures over a hand-made store whose numbers are worked
// out below, the "nice" bucket widths and their alignment, and evicted executions.
#include "eventstore.h"
#include "recoveryhistory.h"

#include <QTest>

#include <cmath>

using namespace StateScope;

namespace {
constexpr TimeMs kT0 = 1767225600000; // 2026-01-01T00:00:00Z, a Thursday
constexpr TimeMs kSecond = 1000;
constexpr TimeMs kMinute = 60 * kSecond;
constexpr TimeMs kHour = 60 * kMinute;
constexpr TimeMs kDay = 24 * kHour;
constexpr TimeMs kYear = 365 * kDay;

RecoveryRecord recovery(ExecutionIndex e, TimeMs time, int success, qint64 durationMs, qint64 transitions,
                        qint64 variables)
{
    RecoveryRecord r;
    r.id = QStringLiteral("r%1").arg(time == kUnknownTime ? -1 : (time - kT0) / kMinute);
    r.execution = e;
    r.time = time;
    r.type = QStringLiteral("checkpoint");
    r.toState = QStringLiteral("approved");
    r.success = success;
    r.durationMs = durationMs;
    r.transitionsRolledBack = transitions;
    r.variablesChanged = variables;
    return r;
}

// Workflow "orders": a1 and a2; workflow "billing": b1.
//   a1  T0         succeeded  100 ms  3 transitions, 2 variables
//   a1  T0+10 min  failed     300 ms  5, 1 (a failed attempt loses nothing)
//   a2  T0+65 min  succeeded  ?       no figures
//   a2  T0+2 h     unknown     50 ms  -
//   a2  no time    succeeded  150 ms  4, ?
//   b1  T0+1 d     succeeded 1000 ms 10, 10
struct Fixture
{
    EventStore store;
    quint32 orders = 0, billing = 0;
    ExecutionIndex a1 = 0, a2 = 0, b1 = 0;
    Fixture()
    {
        orders = store.addWorkflow({QStringLiteral("wf-o"), QStringLiteral("orders"), {}});
        billing = store.addWorkflow({QStringLiteral("wf-b"), QStringLiteral("billing"), {}});
        a1 = store.addExecution("a1", orders, kT0, ExecutionStatus::Running);
        a2 = store.addExecution("a2", orders, kT0, ExecutionStatus::Running);
        b1 = store.addExecution("b1", billing, kT0, ExecutionStatus::Completed);
        store.recoveries() = {
            recovery(a1, kT0, 1, 100, 3, 2),
            recovery(a1, kT0 + 10 * kMinute, 0, 300, 5, 1),
            recovery(a2, kT0 + 65 * kMinute, 1, -1, -1, -1),
            recovery(a2, kT0 + 2 * kHour, -1, 50, -1, -1),
            recovery(a2, kUnknownTime, 1, 150, 4, -1),
            recovery(b1, kT0 + kDay, 1, 1000, 10, 10),
        };
    }
};
} // namespace

class TestRecoveryHistory : public QObject
{
    Q_OBJECT

private slots:
    void workflowScope();
    void executionAndAllScopes();
    void noRecoveries();
    void bucketWidths_data();
    void bucketWidths();
    void bucketAlignment();
    void evictedExecutionsCountInTotals();
};

void TestRecoveryHistory::workflowScope()
{
    Fixture f;
    const RecoveryHistory h = RecoveryHistory::compute(f.store, RecoveryHistory::Scope::workflow(f.orders));
    QCOMPARE(h.attempts, quint64(5));
    QCOMPARE(h.successes, quint64(3));
    QCOMPARE(h.failures, quint64(1));
    QCOMPARE(h.unknownOutcomes, quint64(1));
    QCOMPARE(h.successRate, 0.6);
    QCOMPARE(h.withDuration, quint64(4));
    QCOMPARE(h.meanDurationMs, 150.0); // (100 + 300 + 50 + 150) / 4
    // Data lost by the succeeded ones: 3 + 4 transitions (two recorded it), 2 variables (one did).
    QCOMPARE(h.transitionsRolledBack, qint64(7));
    QCOMPARE(h.withTransitionFigures, quint64(2));
    QCOMPARE(h.variablesChanged, qint64(2));
    QCOMPARE(h.withVariableFigures, quint64(1));
    QCOMPARE(h.withDataLossFigures, quint64(2));
    QCOMPARE(h.summarized, quint64(0));
    QVERIFY(h.latest);
    QCOMPARE(h.latest->time, kT0 + 2 * kHour);

    // Two hours in at most 24 buckets: 5 minutes would need 25 (both ends included), so 10.
    QCOMPARE(h.untimed, quint64(1));
    QCOMPARE(h.firstTime, kT0);
    QCOMPARE(h.lastTime, kT0 + 2 * kHour);
    QCOMPARE(h.bucketWidthMs, 10 * kMinute);
    QCOMPARE(h.buckets.size(), size_t(13));
    QCOMPARE(h.buckets.front().start, kT0);
    QCOMPARE(h.buckets.back().start, kT0 + 2 * kHour);
    const auto counts = [&h](size_t i) {
        const RecoveryHistory::Bucket &b = h.buckets[i];
        return QList<quint64> {b.succeeded, b.failed, b.unknown};
    };
    QCOMPARE(counts(0), (QList<quint64> {1, 0, 0}));
    QCOMPARE(counts(1), (QList<quint64> {0, 1, 0}));
    QCOMPARE(counts(6), (QList<quint64> {1, 0, 0})); // T0+65 min is in [60, 70)
    QCOMPARE(counts(12), (QList<quint64> {0, 0, 1}));
    quint64 inBuckets = 0;
    for (const RecoveryHistory::Bucket &b : h.buckets)
        inBuckets += b.total();
    QCOMPARE(inBuckets, h.attempts - h.untimed);
}

void TestRecoveryHistory::executionAndAllScopes()
{
    Fixture f;
    const RecoveryHistory a1 = RecoveryHistory::compute(f.store, RecoveryHistory::Scope::execution(f.a1));
    QCOMPARE(a1.attempts, quint64(2));
    QCOMPARE(a1.successRate, 0.5);
    QCOMPARE(a1.meanDurationMs, 200.0);
    QCOMPARE(a1.transitionsRolledBack, qint64(3));
    QCOMPARE(a1.variablesChanged, qint64(2));
    QCOMPARE(a1.withDataLossFigures, quint64(1));
    QCOMPARE(a1.latest->time, kT0 + 10 * kMinute);
    QCOMPARE(a1.latest->success, 0);
    QCOMPARE(a1.bucketWidthMs, 30 * kSecond); // 10 minutes: 21 half-minute buckets
    QCOMPARE(a1.buckets.size(), size_t(21));
    QCOMPARE(a1.buckets[20].failed, quint64(1));

    // An execution whose only attempt has no time: counted, latest, no buckets.
    Fixture g;
    g.store.recoveries() = {recovery(g.a2, kUnknownTime, 1, 10, 1, 1)};
    const RecoveryHistory untimed = RecoveryHistory::compute(g.store, RecoveryHistory::Scope::execution(g.a2));
    QCOMPARE(untimed.attempts, quint64(1));
    QVERIFY(untimed.latest);
    QVERIFY(untimed.buckets.empty());
    QCOMPARE(untimed.bucketWidthMs, TimeMs(0));

    const RecoveryHistory all = RecoveryHistory::compute(f.store, RecoveryHistory::Scope::all());
    QCOMPARE(all.attempts, quint64(6));
    QCOMPARE(all.successes, quint64(4));
    QCOMPARE(all.successRate, 4.0 / 6.0);
    QCOMPARE(all.meanDurationMs, 320.0); // (100 + 300 + 50 + 150 + 1000) / 5
    QCOMPARE(all.transitionsRolledBack, qint64(17));
    QCOMPARE(all.variablesChanged, qint64(12));
    QCOMPARE(all.withDataLossFigures, quint64(3));
    QCOMPARE(all.latest->execution, f.b1);
    // T0 .. T0 + 1 day: 1 h needs 25 buckets, 2 h needs 13.
    QCOMPARE(all.bucketWidthMs, 2 * kHour);
    QCOMPARE(all.buckets.size(), size_t(13));
    QCOMPARE(all.buckets.back().succeeded, quint64(1));

    const RecoveryHistory billing = RecoveryHistory::compute(f.store, RecoveryHistory::Scope::workflow(f.billing));
    QCOMPARE(billing.attempts, quint64(1));
    QCOMPARE(billing.successRate, 1.0);
    QCOMPARE(billing.buckets.size(), size_t(1));
    QCOMPARE(billing.bucketWidthMs, kSecond);
}

void TestRecoveryHistory::noRecoveries()
{
    Fixture f;
    f.store.recoveries().clear();
    const RecoveryHistory h = RecoveryHistory::compute(f.store, RecoveryHistory::Scope::workflow(f.orders));
    QCOMPARE(h.attempts, quint64(0));
    QVERIFY(std::isnan(h.successRate));
    QVERIFY(std::isnan(h.meanDurationMs));
    QVERIFY(!h.latest);
    QVERIFY(h.buckets.empty());
    // An execution index the store does not have matches nothing in a workflow scope.
    Fixture g;
    QCOMPARE(RecoveryHistory::compute(g.store, RecoveryHistory::Scope::workflow(kNoIndex)).attempts, quint64(0));
    QCOMPARE(RecoveryHistory::compute(g.store, RecoveryHistory::Scope::execution(kNoIndex)).attempts, quint64(0));
}

void TestRecoveryHistory::bucketWidths_data()
{
    QTest::addColumn<TimeMs>("span");
    QTest::addColumn<TimeMs>("width");
    QTest::addColumn<int>("buckets");
    QTest::newRow("one instant") << TimeMs(0) << kSecond << 1;
    QTest::newRow("23 s") << 23 * kSecond << kSecond << 24;
    QTest::newRow("24 s") << 24 * kSecond << 2 * kSecond << 13;
    QTest::newRow("90 s") << 90 * kSecond << 5 * kSecond << 19;
    QTest::newRow("20 min") << 20 * kMinute << kMinute << 21;
    QTest::newRow("3 h") << 3 * kHour << 10 * kMinute << 19;
    QTest::newRow("1 day") << kDay << 2 * kHour << 13;
    QTest::newRow("3 days") << 3 * kDay << 6 * kHour << 13;
    QTest::newRow("20 days") << 20 * kDay << kDay << 21;
    // Weeks start on Mondays: Mon 29 Dec 2025 .. Mon 2 Mar 2026.
    QTest::newRow("60 days") << 60 * kDay << 7 * kDay << 10;
    QTest::newRow("2 years") << 2 * kYear << 91 * kDay << 9;
}

void TestRecoveryHistory::bucketWidths()
{
    QFETCH(TimeMs, span);
    QFETCH(TimeMs, width);
    QFETCH(int, buckets);
    QCOMPARE(RecoveryHistory::bucketWidth(kT0, kT0 + span, 24), width);
    const TimeMs first = RecoveryHistory::bucketStart(kT0, width);
    const TimeMs last = RecoveryHistory::bucketStart(kT0 + span, width);
    QCOMPARE(int((last - first) / width + 1), buckets);
}

void TestRecoveryHistory::bucketAlignment()
{
    // Days start at local midnight: at UTC+2, 03:00 UTC is 05:00 local, in the day that began
    // at 22:00 UTC the evening before.
    QCOMPARE(RecoveryHistory::bucketStart(kT0 + 3 * kHour, kDay, 2 * kHour), kT0 - 2 * kHour);
    QCOMPARE(RecoveryHistory::bucketStart(kT0 + 3 * kHour, kDay), kT0);
    QCOMPARE(RecoveryHistory::bucketStart(kT0 + 3 * kHour + 1, 15 * kMinute), kT0 + 3 * kHour);
    // Weeks start on Monday 29 December 2025.
    QCOMPARE(RecoveryHistory::bucketStart(kT0, 7 * kDay), kT0 - 3 * kDay);
    // Before 1970 too.
    QCOMPARE(RecoveryHistory::bucketStart(-1, kSecond), -kSecond);
    QCOMPARE(RecoveryHistory::bucketStart(-kSecond, kSecond), -kSecond);
    // Past the ladder: whole years, at most maxBuckets of them.
    const TimeMs century = RecoveryHistory::bucketWidth(0, 100 * kYear, 24);
    QCOMPARE(century % kYear, TimeMs(0));
    QVERIFY(century >= 5 * kYear);
    QVERIFY((RecoveryHistory::bucketStart(100 * kYear, century) - RecoveryHistory::bucketStart(0, century)) / century
            < 24);
    // A chart with room for one bar gets one bucket.
    const TimeMs one = RecoveryHistory::bucketWidth(kT0, kT0 + 5 * kMinute, 1);
    QCOMPARE(RecoveryHistory::bucketStart(kT0, one), RecoveryHistory::bucketStart(kT0 + 5 * kMinute, one));
}

void TestRecoveryHistory::evictedExecutionsCountInTotals()
{
    Fixture f;
    std::vector<bool> evict(f.store.executionCount(), false);
    evict[f.a1] = true; // its succeeded and its failed attempt, 400 ms in all
    f.store.evictExecutions(evict);
    const quint32 orders = f.store.findWorkflow("wf-o");
    const RecoveryHistory h = RecoveryHistory::compute(f.store, RecoveryHistory::Scope::workflow(orders));
    QCOMPARE(h.attempts, quint64(5));
    QCOMPARE(h.successes, quint64(3));
    QCOMPARE(h.failures, quint64(1));
    QCOMPARE(h.unknownOutcomes, quint64(1));
    QCOMPARE(h.summarized, quint64(2));
    QCOMPARE(h.meanDurationMs, 150.0);
    // The evicted attempts' data loss is no longer known; the buckets hold what is in detail.
    QCOMPARE(h.transitionsRolledBack, qint64(4));
    QCOMPARE(h.withDataLossFigures, quint64(1));
    quint64 inBuckets = 0;
    for (const RecoveryHistory::Bucket &b : h.buckets)
        inBuckets += b.total();
    QCOMPARE(inBuckets, quint64(2));
    QCOMPARE(h.firstTime, kT0 + 65 * kMinute);
    const RecoveryHistory all = RecoveryHistory::compute(f.store, RecoveryHistory::Scope::all());
    QCOMPARE(all.attempts, quint64(6));
    QCOMPARE(all.summarized, quint64(2));
}

QTEST_GUILESS_MAIN(TestRecoveryHistory)
#include "tst_recoveryhistory.moc"
