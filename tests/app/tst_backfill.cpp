// SPEC 4's client duty "on resume_failed, fill the gap from a connected database", end to end:
// `watch` loses its connection (a relay cuts it) while `simulate` goes on writing its database
// and publishing; simulate is then killed (SIGKILL) and restarted on the same port and database
// without a feed log, so its resume buffer is gone and watch's resume is answered resume_failed.
// With --backfill the transitions of the outage come from the database: checked against the
// database row by row. (A kill alone would leave next to nothing to fill: the engine sends each
// tick's events right after committing them. The cut makes watch miss a second of them.)
#include "livetestutil.h"
#include "sqlconnection.h"
#include "tcprelay.h"
#include "timeutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace StateScope;

namespace {

struct Transition
{
    QByteArray key; // execution, transition id, from, to and time: what must arrive exactly once
    TimeMs at = kUnknownTime;
};

// Every transition in a state database (SPEC 2.1), sorted by key.
std::vector<Transition> transitionsIn(const QString &path, QString *error)
{
    std::vector<Transition> out;
    const auto db = openSqlConnection(locateSource(path), true, error);
    const auto q = db ? db->prepare("SELECT s.execution_id, t.transition_id, t.from_state, t.to_state, t.timestamp "
                                    "FROM state_transitions t JOIN workflow_states s ON s.id = t.workflow_state_id",
                                    error)
                      : nullptr;
    while (q && q->next()) {
        Transition t;
        if (!TimeUtil::parse(q->text(4), &t.at))
            *error = QStringLiteral("%1: bad timestamp %2").arg(path, QString::fromUtf8(q->text(4)));
        t.key = q->text(0).toByteArray() + ' ' + q->text(1).toByteArray() + ' ' + q->text(2).toByteArray() + "->"
            + q->text(3).toByteArray() + " @" + QByteArray::number(t.at);
        out.push_back(std::move(t));
    }
    if (q && !q->error().isEmpty())
        *error = q->error();
    std::sort(out.begin(), out.end(), [](const Transition &a, const Transition &b) { return a.key < b.key; });
    return out;
}

QList<QByteArray> keysOf(const std::vector<Transition> &transitions, TimeMs from, TimeMs to)
{
    QList<QByteArray> keys;
    for (const Transition &t : transitions) {
        if (t.at >= from && t.at <= to)
            keys.append(t.key);
    }
    return keys;
}

TimeMs timeOf(const QJsonValue &value)
{
    TimeMs t = kUnknownTime;
    return TimeUtil::parse(value.toString(), &t) ? t : kUnknownTime;
}

// What one run of the outage left behind.
struct Outage
{
    QJsonObject report; // watch's JSON report
    QJsonObject ingest;
    QJsonObject gap; // ingest.gapDetails[0]
    TimeMs gapFrom = kUnknownTime; // its time range: the last event before it, the first after
    TimeMs gapTo = kUnknownTime;
    std::vector<Transition> database; // the engine's rows after both runs
    std::vector<Transition> recorded; // what watch ingested (its --record file)
    TimeMs firstSeen = kUnknownTime;  // the time span of what watch ingested
    TimeMs lastSeen = kUnknownTime;
};

} // namespace

class TestBackfill : public QObject
{
    Q_OBJECT

private slots:
    void gapIsFilledFromTheDatabase();
    void gapWithoutBackfillIsReported();

private:
    static void runOutage(bool backfill, Outage *outage);
};

void TestBackfill::runOutage(bool backfill, Outage *outage)
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("engine.sqlite"));
    const QString recording = dir.filePath(QStringLiteral("watch.sqlite"));
    // No --feed-log: a restarted engine has lost its resume buffer.
    auto simulateArgs = [&db](quint16 port) {
        return QStringList{QStringLiteral("simulate"), QStringLiteral("--db"), db,
                           QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(port),
                           QStringLiteral("--api-listen"), QStringLiteral("127.0.0.1:0"),
                           QStringLiteral("--rate"), QStringLiteral("2000"),
                           QStringLiteral("--dwell-scale"), QStringLiteral("0.01")};
    };
    QProcess first;
    const QUrl feed = LiveTest::startSimulate(first, simulateArgs(0));
    QVERIFY(feed.port() > 0);
    TcpRelay network(quint16(feed.port()));
    QVERIFY(network.listen());
    QStringList watchArgs{QStringLiteral("watch"), QStringLiteral("ws://127.0.0.1:%1").arg(network.port()),
                          QStringLiteral("--duration"), QStringLiteral("60"), QStringLiteral("--format"),
                          QStringLiteral("json"), QStringLiteral("--record"), recording};
    if (backfill)
        watchArgs << QStringLiteral("--backfill") << db;
    QProcess watch;
    watch.start(QStringLiteral(STATESCOPE_BINARY), watchArgs);
    QVERIFY(watch.waitForStarted());
    // The event loop must run while the relay carries the feed: waits below spin it.
    QVERIFY(QTest::qWaitFor([&] { return network.bytesToClients() > 200000; }, 15000));

    network.cut(); // the outage: the engine goes on writing and publishing what watch never gets
    QTest::qWait(1000);
    first.kill(); // SIGKILL: the resume buffer dies with it
    QVERIFY(first.waitForFinished(10000));
    QProcess second; // on the same port and database
    QCOMPARE(LiveTest::startSimulate(second, simulateArgs(quint16(feed.port()))), feed);
    QVERIFY(network.restore());
    const qint64 before = network.bytesToClients();
    QVERIFY(QTest::qWaitFor(
        [&] { return network.connectionsAccepted() >= 2 && network.bytesToClients() > before + 200000; }, 20000));
    second.terminate(); // a clean end: the feed ends for good and watch prints its report
    QVERIFY(QTest::qWaitFor(
        [&] { return second.state() == QProcess::NotRunning && watch.state() == QProcess::NotRunning; }, 20000));
    QCOMPARE(second.exitCode(), 0);
    const QByteArray errors = watch.readAllStandardError();
    QVERIFY2(watch.exitStatus() == QProcess::NormalExit && watch.exitCode() == 0, errors.constData());

    outage->report = QJsonDocument::fromJson(watch.readAllStandardOutput()).object();
    outage->ingest = outage->report.value(QStringLiteral("ingest")).toObject();
    QString error;
    outage->database = transitionsIn(db, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    outage->recorded = transitionsIn(recording, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(outage->recorded.size() > 100);
    const auto [earliest, latest] = std::minmax_element(outage->recorded.begin(), outage->recorded.end(),
                                                        [](const Transition &a, const Transition &b) { return a.at < b.at; });
    outage->firstSeen = earliest->at;
    outage->lastSeen = latest->at;
    // watch saw the feed to its end: the engine wrote nothing after the last transition it sent.
    for (const Transition &t : outage->database)
        QVERIFY2(t.at <= outage->lastSeen, t.key.constData());

    // One gap, reported with its seqs and time range.
    QCOMPARE(outage->ingest.value(QStringLiteral("gaps")).toInteger(), 1);
    QCOMPARE(outage->ingest.value(QStringLiteral("duplicates")).toInteger(), 0);
    outage->gap = outage->ingest.value(QStringLiteral("gapDetails")).toArray().first().toObject();
    const qint64 afterSeq = outage->gap.value(QStringLiteral("afterSeq")).toInteger();
    QVERIFY(afterSeq > 0);
    QVERIFY(outage->gap.value(QStringLiteral("resumedAtSeq")).toInteger() > afterSeq + 1);
    outage->gapFrom = timeOf(outage->gap.value(QStringLiteral("from")));
    outage->gapTo = timeOf(outage->gap.value(QStringLiteral("to")));
    QVERIFY(outage->gapFrom > outage->firstSeen);
    QVERIFY(outage->gapTo > outage->gapFrom);
    // The restarted engine numbers past every seq the killed one can have sent: the seqs skipped
    // hold at least the transitions the engine wrote during the outage.
    const QJsonValue missedEvents = outage->gap.value(QStringLiteral("missedEvents"));
    QVERIFY(!missedEvents.isNull());
    QVERIFY(missedEvents.toInteger() >= keysOf(outage->database, outage->gapFrom + 1, outage->gapTo - 1).size());
}

void TestBackfill::gapIsFilledFromTheDatabase()
{
    Outage outage;
    runOutage(true, &outage);
    if (QTest::currentTestFailed())
        return;
    // The transitions the engine wrote during the outage: strictly inside the gap.
    const qsizetype missed = keysOf(outage.database, outage.gapFrom + 1, outage.gapTo - 1).size();
    QVERIFY(missed > 0);
    QCOMPARE(outage.gap.value(QStringLiteral("backfilledEvents")).toInteger(-1), missed);
    QCOMPARE(outage.ingest.value(QStringLiteral("backfilled")).toInteger(), missed);

    // Every transition in the database from the first to the last one watch ingested, exactly
    // once: none lost, none twice.
    const QList<QByteArray> expected = keysOf(outage.database, outage.firstSeen, outage.lastSeen);
    QCOMPARE(keysOf(outage.recorded, outage.firstSeen, outage.lastSeen), expected);
    QCOMPARE(outage.report.value(QStringLiteral("transitions")).toInteger(), expected.size());
}

void TestBackfill::gapWithoutBackfillIsReported()
{
    Outage outage;
    runOutage(false, &outage);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(outage.gap.contains(QStringLiteral("backfilledEvents")));
    QVERIFY(outage.gap.value(QStringLiteral("backfilledEvents")).isNull());
    QCOMPARE(outage.ingest.value(QStringLiteral("backfilled")).toInteger(), 0);

    // What watch holds is the database without exactly the transitions inside the gap.
    QList<QByteArray> expected;
    qsizetype missed = 0;
    for (const Transition &t : outage.database) {
        if (t.at > outage.gapFrom && t.at < outage.gapTo)
            ++missed;
        else if (t.at >= outage.firstSeen && t.at <= outage.lastSeen)
            expected.append(t.key);
    }
    QVERIFY(missed > 0);
    QCOMPARE(keysOf(outage.recorded, outage.firstSeen, outage.lastSeen), expected);
    QCOMPARE(outage.report.value(QStringLiteral("transitions")).toInteger(), expected.size());
}

QTEST_GUILESS_MAIN(TestBackfill)
#include "tst_backfill.moc"
