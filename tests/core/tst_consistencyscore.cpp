#include "analyzer.h"
#include "consistencyscore.h"
#include "eventstore.h"
#include "reportjson.h"

#include <QJsonObject>
#include <QTest>

#include <cmath>
#include <deque>

using namespace StateScope;

namespace {
QString qs(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

ConsistencySample sample(quint32 workflow, TimeMs time, int inSync, int quorum = 2, double maxLag = 10)
{
    ConsistencySample s;
    s.workflow = workflow;
    s.time = time;
    s.level = qs("quorum");
    s.replicationFactor = 3;
    s.quorumSize = quorum;
    s.nodesInSync = inSync;
    s.maxLagMs = maxLag;
    return s;
}

// 'H' = healthy (3 of 3 in sync, lag 10), 'U' = unhealthy (1 in sync, quorum 2).
using Timeline = QList<QPair<qint64, char>>;

QStringList alertsOf(const AnalysisReport &r, const char *kind)
{
    QStringList out;
    for (const AnalysisReport::Alert &a : r.alerts) {
        if (a.kind == qs(kind))
            out.append(a.severity + QLatin1Char(' ') + a.target);
    }
    return out;
}
} // namespace

class TestConsistencyScore : public QObject
{
    Q_OBJECT

private slots:
    void healthy_data();
    void healthy();
    void score_data();
    void score();
    void noSamples();
    void consistencyInReport();
    void checkpointsAndRecoveries();
    void alertCapPerKind();
};

void TestConsistencyScore::healthy_data()
{
    QTest::addColumn<int>("inSync");
    QTest::addColumn<int>("quorum");
    QTest::addColumn<double>("maxLag");
    QTest::addColumn<double>("threshold");
    QTest::addColumn<bool>("expected");

    QTest::newRow("all good") << 3 << 2 << 10.0 << 1000.0 << true;
    QTest::newRow("exactly quorum, lag at threshold") << 2 << 2 << 1000.0 << 1000.0 << true;
    QTest::newRow("below quorum") << 1 << 2 << 0.0 << 1000.0 << false;
    QTest::newRow("lag over threshold") << 3 << 2 << 1000.5 << 1000.0 << false;
    QTest::newRow("both bad") << 0 << 2 << 5000.0 << 1000.0 << false;
    QTest::newRow("higher threshold") << 3 << 2 << 1500.0 << 2000.0 << true;
    QTest::newRow("no quorum needed") << 0 << 0 << 0.0 << 1000.0 << true;
}

void TestConsistencyScore::healthy()
{
    QFETCH(int, inSync);
    QFETCH(int, quorum);
    QFETCH(double, maxLag);
    QFETCH(double, threshold);
    QFETCH(bool, expected);
    QCOMPARE(consistencySampleHealthy(sample(0, 0, inSync, quorum, maxLag), threshold), expected);
}

void TestConsistencyScore::score_data()
{
    QTest::addColumn<Timeline>("timeline");
    QTest::addColumn<qint64>("start");
    QTest::addColumn<qint64>("end");
    QTest::addColumn<double>("expected"); // NaN = no sample in force

    const Timeline hUh {{0, 'H'}, {100, 'U'}, {400, 'H'}};
    const qint64 open = kUnknownTime;
    // H 0..100, U 100..400, H 400..1000: (100 + 600) / 1000
    QTest::newRow("time-weighted") << hUh << open << qint64(1000) << 0.7;
    // No end: the window ends at the last sample: H 100 of 400.
    QTest::newRow("end unknown") << hUh << open << open << 0.25;
    // Nothing is known before the first sample: that part is not in the denominator.
    QTest::newRow("start before first sample") << hUh << qint64(-500) << qint64(1000) << 0.7;
    // U 200..400, H 400..1000: 600 / 800
    QTest::newRow("start after first sample") << hUh << qint64(200) << qint64(1000) << 0.75;
    QTest::newRow("start after last sample") << hUh << qint64(500) << qint64(1000) << 1.0;
    // H 50..100, U 100..150: half
    QTest::newRow("inside two samples") << hUh << qint64(50) << qint64(150) << 0.5;
    QTest::newRow("single healthy") << Timeline {{0, 'H'}} << open << qint64(1000) << 1.0;
    QTest::newRow("single unhealthy") << Timeline {{0, 'U'}} << open << qint64(1000) << 0.0;
    // One sample and no window: zero length, the sample in force decides.
    QTest::newRow("single, no window, healthy") << Timeline {{7, 'H'}} << open << open << 1.0;
    QTest::newRow("single, no window, unhealthy") << Timeline {{7, 'U'}} << open << open << 0.0;
    // Zero-length windows take the sample in force at their end.
    QTest::newRow("zero length in U") << hUh << qint64(200) << qint64(200) << 0.0;
    QTest::newRow("zero length at H sample") << hUh << qint64(400) << qint64(400) << 1.0;
    QTest::newRow("end before start") << hUh << qint64(250) << qint64(100) << 0.0; // end clamps to start
    QTest::newRow("window before samples") << hUh << qint64(-1000) << qint64(-500) << qQNaN();
    // Samples at the same instant: the later one holds from there.
    QTest::newRow("same instant") << Timeline {{0, 'U'}, {0, 'H'}} << open << qint64(100) << 1.0;
    // U 0..10 then H 10..1000: 990 / 1000
    QTest::newRow("short outage") << Timeline {{0, 'U'}, {10, 'H'}} << qint64(0) << qint64(1000) << 0.99;
}

void TestConsistencyScore::score()
{
    QFETCH(Timeline, timeline);
    QFETCH(qint64, start);
    QFETCH(qint64, end);
    QFETCH(double, expected);
    std::deque<ConsistencySample> storage;
    std::vector<const ConsistencySample *> samples;
    for (const auto &[time, kind] : timeline) {
        storage.push_back(sample(0, time, kind == 'H' ? 3 : 1));
        samples.push_back(&storage.back());
    }
    const double score = consistencyScore(samples, start, end, 1000);
    if (std::isnan(expected))
        QVERIFY2(std::isnan(score), qPrintable(QString::number(score)));
    else
        QCOMPARE(score, expected);
}

void TestConsistencyScore::noSamples()
{
    QVERIFY(std::isnan(consistencyScore({}, 0, 1000, 1000)));
    QVERIFY(std::isnan(consistencyScore({}, kUnknownTime, kUnknownTime, 1000)));
}

void TestConsistencyScore::consistencyInReport()
{
    EventStore store;
    const quint32 orders = store.addWorkflow({qs("wf-1"), qs("Orders"), QString()});
    const quint32 lagging = store.addWorkflow({qs("wf-2"), QString(), QString()});
    const quint32 fine = store.addWorkflow({qs("wf-3"), qs("Fine"), QString()});
    // Added out of time order on purpose: the analyzer sorts per workflow.
    store.consistency().push_back(sample(orders, 1000, 1)); // latest: below quorum
    store.consistency().push_back(sample(orders, 0, 3));
    store.consistency().push_back(sample(lagging, 0, 3));
    store.consistency().push_back(sample(lagging, 500, 3, 2, 5000)); // latest: lag 5000 > 1000
    store.consistency().push_back(sample(fine, 0, 1)); // was bad ...
    store.consistency().push_back(sample(fine, 1500, 3)); // ... now fine
    store.consistency().push_back(sample(orders, 3000, 3)); // after asOf: not in force

    AnalysisOptions options;
    options.asOf = 2000;
    const AnalysisReport r = analyze(store, options);
    QCOMPARE(r.consistency.size(), size_t(3));
    const AnalysisReport::WorkflowConsistency &o = r.consistency[0];
    QCOMPARE(o.workflowId, qs("wf-1"));
    QCOMPARE(o.latest.time, TimeMs(1000));
    QCOMPARE(o.samples, quint64(2)); // the sample after asOf is not counted
    QVERIFY(o.latestViolates);
    QCOMPARE(o.score, 0.5); // H 0..1000, U 1000..2000
    const AnalysisReport::WorkflowConsistency &l = r.consistency[1];
    QVERIFY(l.latestViolates);
    QCOMPARE(l.score, 0.25); // H 0..500, lagging 500..2000
    const AnalysisReport::WorkflowConsistency &f = r.consistency[2];
    QVERIFY(!f.latestViolates);
    QCOMPARE(f.score, 0.25); // U 0..1500, H 1500..2000

    // Critical below quorum (named workflow), warning for lag (target falls back to the id).
    QCOMPARE(alertsOf(r, "consistency_violation"), (QStringList {qs("critical Orders"), qs("warning wf-2")}));
    QCOMPARE(r.alerts[0].title, qs("Replicas below quorum"));
    QCOMPARE(r.alerts[1].title, qs("Replication lag over threshold"));

    const QJsonObject json = reportToJson(r).value(qs("consistency")).toObject().value(qs("wf-1")).toObject();
    QCOMPARE(json.value(qs("score")).toDouble(), 0.5);
    QCOMPARE(json.value(qs("violation")).toBool(), true);
    QCOMPARE(json.value(qs("nodesInSync")).toInt(), 1);
    QCOMPARE(json.value(qs("quorumSize")).toInt(), 2);

    // A higher lag threshold makes wf-2 healthy again.
    options.lagThresholdMs = 6000;
    QCOMPARE(alertsOf(analyze(store, options), "consistency_violation"), QStringList {qs("critical Orders")});
    // Only the selected workflow's samples count.
    options.selection.workflows = {false, false, true};
    const AnalysisReport onlyFine = analyze(store, options);
    QCOMPARE(onlyFine.consistency.size(), size_t(1));
    QVERIFY(onlyFine.alerts.empty());
}

void TestConsistencyScore::checkpointsAndRecoveries()
{
    EventStore store;
    const quint32 w = store.ensureWorkflow("wf");
    const ExecutionIndex e1 = store.addExecution("e1", w, 0, ExecutionStatus::Running);
    store.appendTransition(e1, store.internState("A"), store.internState("B"), 100, TransitionType::Normal);
    const auto checkpoint = [&](const char *id, CheckpointStatus status) {
        CheckpointInfo c;
        const QString checkpointId = qs(id);
        c.execution = e1;
        c.timestamp = 50;
        c.status = status;
        store.addCheckpoint(checkpointId.toUtf8(), "automatic", "a", c);
    };
    checkpoint("cp-4", CheckpointStatus::Corrupted);
    checkpoint("cp-1", CheckpointStatus::Verified);
    checkpoint("cp-2", CheckpointStatus::Corrupted);
    checkpoint("cp-3", CheckpointStatus::Unverifiable);
    const auto recovery = [&](const char *id, int success, qint64 durationMs) {
        RecoveryRecord r;
        r.id = qs(id);
        r.execution = e1;
        r.time = 80;
        r.success = success;
        r.durationMs = durationMs;
        store.recoveries().push_back(r);
    };
    recovery("r1", 1, 100);
    recovery("r2", 0, 300);
    recovery("r3", 1, 200);
    recovery("r4", -1, -1); // outcome and duration unknown

    const AnalysisReport r = analyze(store, {});
    QCOMPARE(r.checkpointsTotal, quint64(4));
    QCOMPARE(r.checkpointsVerified, quint64(1));
    QCOMPARE(r.checkpointsUnverifiable, quint64(1));
    QCOMPARE(r.checkpointsCorrupted, (QStringList {qs("cp-2"), qs("cp-4")}));
    QCOMPARE(r.recoveryAttempts, quint64(4));
    QCOMPARE(r.recoverySuccesses, quint64(2));
    QCOMPARE(r.recoverySuccessRate, 0.5); // 2 / 4
    QCOMPARE(r.recoveryMeanDurationMs, 200.0); // (100 + 300 + 200) / 3 known durations
    QCOMPARE(r.recoveryP95DurationMs, 290.0); // sorted 100 200 300, h = 1.9 -> 200 + .9 * 100
    QCOMPARE(r.failedRecoveries, QStringList {qs("r2 (execution e1)")});
    QCOMPARE(alertsOf(r, "corrupted_checkpoint"), (QStringList {qs("critical cp-2"), qs("critical cp-4")}));
    QCOMPARE(alertsOf(r, "failed_recovery"), QStringList {qs("warning r2 (execution e1)")});
    // Order of kinds: corrupted checkpoints before failed recoveries.
    QCOMPARE(r.alerts.back().kind, qs("failed_recovery"));

    const QJsonObject json = reportToJson(r);
    const QJsonObject recoveryJson = json.value(qs("recovery")).toObject();
    QCOMPARE(recoveryJson.value(qs("attempts")).toInteger(), qint64(4));
    QCOMPARE(recoveryJson.value(qs("successRate")).toDouble(), 0.5);
    QCOMPARE(recoveryJson.value(qs("p95DurationMs")).toDouble(), 290.0);
    QCOMPARE(json.value(qs("checkpoints")).toObject().value(qs("total")).toInteger(), qint64(4));

    // A window on the time axis leaves out checkpoints and recoveries outside it.
    AnalysisOptions windowed;
    windowed.selection.from = 60;
    const AnalysisReport w60 = analyze(store, windowed);
    QCOMPARE(w60.checkpointsTotal, quint64(0));
    QCOMPARE(w60.recoveryAttempts, quint64(4));
    QVERIFY(alertsOf(w60, "corrupted_checkpoint").isEmpty());
}

void TestConsistencyScore::alertCapPerKind()
{
    EventStore store;
    const ExecutionIndex e = store.addExecution("e", store.ensureWorkflow("wf"), 0, ExecutionStatus::Failed);
    for (int i = 0; i < 3; ++i) {
        CheckpointInfo c;
        const QString checkpointId = QStringLiteral("cp-%1").arg(i);
        c.execution = e;
        c.timestamp = 10;
        c.status = CheckpointStatus::Corrupted;
        store.addCheckpoint(checkpointId.toUtf8(), "automatic", "a", c);
        RecoveryRecord r;
        r.id = QStringLiteral("r-%1").arg(i);
        r.execution = e;
        r.time = 20;
        r.success = 0;
        store.recoveries().push_back(r);
    }
    AnalysisOptions options;
    options.maxAlertsPerKind = 1;
    const AnalysisReport r = analyze(store, options);
    QCOMPARE(alertsOf(r, "corrupted_checkpoint"), QStringList {qs("critical cp-0")});
    QCOMPARE(alertsOf(r, "failed_recovery").size(), 1);
    QCOMPARE(r.alertsOmitted, quint64(4)); // 2 + 2 beyond the cap
    QCOMPARE(r.checkpointsCorrupted.size(), 3); // the statistics are not capped
    QCOMPARE(r.recoverySuccessRate, 0.0);
    QVERIFY(std::isnan(r.recoveryMeanDurationMs)); // no known duration
}

QTEST_GUILESS_MAIN(TestConsistencyScore)
#include "tst_consistencyscore.moc"
