// `statescope simulate` and `statescope watch` talking to each other, as two processes.
#include "eventstore.h"
#include "storeloader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace StateScope;

class TestLiveCommands : public QObject
{
    Q_OBJECT

private slots:
    void watchReportsWhatSimulatePublished();
    void simulateEndsAfterItsExecutions();
    void recordingOpensOfflineWithTheSameReport();
    void watchStaysWithinItsMemoryBudget();
    void badArguments_data();
    void badArguments();

private:
    static quint16 freePort()
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost);
        return probe.serverPort();
    }
    static QByteArray waitForLine(QProcess &p, const QByteArray &prefix)
    {
        QByteArray all;
        for (int i = 0; i < 100 && !all.contains(prefix); ++i) {
            p.waitForReadyRead(100);
            all += p.readAllStandardOutput();
        }
        return all;
    }
};

void TestLiveCommands::watchReportsWhatSimulatePublished()
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("live.sqlite"));
    const quint16 port = freePort();
    QProcess simulate;
    simulate.start(QStringLiteral(STATESCOPE_BINARY),
                   {QStringLiteral("simulate"), QStringLiteral("--db"), db, QStringLiteral("--listen"),
                    QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("--rate"), QStringLiteral("3000"),
                    QStringLiteral("--dwell-scale"), QStringLiteral("0.005"), QStringLiteral("--duration"), QStringLiteral("6")});
    QVERIFY(simulate.waitForStarted());
    QVERIFY(waitForLine(simulate, "feed: ws://").contains(QByteArray("ws://127.0.0.1:" + QByteArray::number(port))));

    QProcess watch;
    watch.start(QStringLiteral(STATESCOPE_BINARY), {QStringLiteral("watch"), QStringLiteral("ws://127.0.0.1:%1").arg(port),
                                                    QStringLiteral("--duration"), QStringLiteral("3"), QStringLiteral("--format"),
                                                    QStringLiteral("json")});
    QVERIFY(watch.waitForFinished(30000));
    QCOMPARE(watch.exitCode(), 0);
    const QJsonObject report = QJsonDocument::fromJson(watch.readAllStandardOutput()).object();
    const QJsonObject ingest = report.value(QStringLiteral("ingest")).toObject();
    for (const char *key : {"events", "eventsPerS", "malformed", "unknownTypes", "duplicates", "gaps", "reconnects"})
        QVERIFY2(ingest.contains(QLatin1String(key)), key);
    QVERIFY2(ingest.value(QStringLiteral("events")).toInteger() > 3000, qPrintable(QString::number(ingest.value(QStringLiteral("events")).toInteger())));
    QCOMPARE(ingest.value(QStringLiteral("malformed")).toInteger(), 0);
    QCOMPARE(ingest.value(QStringLiteral("duplicates")).toInteger(), 0);
    QVERIFY(report.value(QStringLiteral("transitions")).toInteger() > 1000);
    QVERIFY(report.value(QStringLiteral("states")).toArray().contains(QStringLiteral("processing")));
    QVERIFY(report.value(QStringLiteral("consistency")).toObject().size() == 3);

    QVERIFY(simulate.waitForFinished(30000));
    QCOMPARE(simulate.exitCode(), 0);
    QVERIFY(simulate.readAllStandardOutput().contains("simulated "));
    // The engine's database holds the same kind of data, readable offline, with valid checksums.
    LoadResult load;
    const auto store = loadSource(db, &load);
    QVERIFY2(store, qPrintable(load.error));
    QCOMPARE(load.issueCount, quint64(0));
    QVERIFY(store->transitionCount() > 1000);
    quint64 verified = 0;
    for (const CheckpointInfo &c : store->checkpoints())
        verified += c.status == CheckpointStatus::Verified ? 1 : 0;
    QVERIFY(verified > 0);
    QCOMPARE(verified, quint64(store->checkpoints().size()));
}

void TestLiveCommands::simulateEndsAfterItsExecutions()
{
    const quint16 port = freePort();
    QProcess simulate;
    simulate.start(QStringLiteral(STATESCOPE_BINARY), {QStringLiteral("simulate"), QStringLiteral("--listen"),
                                                       QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("--executions"),
                                                       QStringLiteral("50"), QStringLiteral("--rate"), QStringLiteral("2000"),
                                                       QStringLiteral("--dwell-scale"), QStringLiteral("0.002")});
    QVERIFY(simulate.waitForStarted());
    waitForLine(simulate, "feed: ");
    // watch without --duration: it ends when the feed ends for good.
    QProcess watch;
    watch.start(QStringLiteral(STATESCOPE_BINARY), {QStringLiteral("watch"), QStringLiteral("ws://127.0.0.1:%1").arg(port)});
    QVERIFY(watch.waitForFinished(60000));
    QCOMPARE(watch.exitCode(), 0);
    const QByteArray text = watch.readAllStandardOutput();
    QVERIFY2(text.contains("Ingest"), text.constData());
    QVERIFY(simulate.waitForFinished(30000));
    QCOMPARE(simulate.exitCode(), 0);
    QVERIFY(simulate.readAllStandardOutput().contains("50 executions started, 50 finished"));
}

void TestLiveCommands::recordingOpensOfflineWithTheSameReport()
{
    QTemporaryDir dir;
    const QString recording = dir.filePath(QStringLiteral("session.sqlite"));
    const quint16 port = freePort();
    QProcess simulate;
    simulate.start(QStringLiteral(STATESCOPE_BINARY), {QStringLiteral("simulate"), QStringLiteral("--listen"),
                                                       QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("--rate"),
                                                       QStringLiteral("2000"), QStringLiteral("--dwell-scale"),
                                                       QStringLiteral("0.01"), QStringLiteral("--duration"), QStringLiteral("5")});
    QVERIFY(simulate.waitForStarted());
    waitForLine(simulate, "feed: ");
    QProcess watch;
    watch.start(QStringLiteral(STATESCOPE_BINARY), {QStringLiteral("watch"), QStringLiteral("ws://127.0.0.1:%1").arg(port),
                                                    QStringLiteral("--duration"), QStringLiteral("2"), QStringLiteral("--record"),
                                                    recording, QStringLiteral("--format"), QStringLiteral("json"),
                                                    QStringLiteral("--memory-budget"), QStringLiteral("48MiB")});
    QVERIFY(watch.waitForFinished(30000));
    QCOMPARE(watch.exitCode(), 0);
    QJsonObject live = QJsonDocument::fromJson(watch.readAllStandardOutput()).object();
    // Whatever the budget summarizes, the recording holds in detail.
    QCOMPARE(live[QStringLiteral("ingest")][QStringLiteral("memory")][QStringLiteral("detailKeptIn")].toString(), recording);
    QProcess analyze;
    analyze.start(QStringLiteral(STATESCOPE_BINARY), {QStringLiteral("analyze"), recording, QStringLiteral("--format"),
                                                      QStringLiteral("json")});
    QVERIFY(analyze.waitForFinished(30000));
    QCOMPARE(analyze.exitCode(), 0);
    QJsonObject offline = QJsonDocument::fromJson(analyze.readAllStandardOutput()).object();
    QVERIFY(live.value(QStringLiteral("transitions")).toInteger() > 500);
    for (const char *key : {"executions", "transitions", "states", "terminal", "transitionCounts", "transitionMatrix",
                            "steadyState", "dwellMs", "variants", "variantCount", "checkpoints", "recovery", "consistency"})
        QVERIFY2(live.value(QLatin1String(key)) == offline.value(QLatin1String(key)), key);
    QVERIFY(simulate.waitForFinished(30000));
}

// BARS R3: a feed faster than the budget holds. The oldest executions are summarized, the
// counts stay exact, the process stays under its budget and the counters say what happened.
void TestLiveCommands::watchStaysWithinItsMemoryBudget()
{
    const quint16 port = freePort();
    QProcess simulate;
    simulate.start(QStringLiteral(STATESCOPE_BINARY), {QStringLiteral("simulate"), QStringLiteral("--listen"),
                                                       QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("--rate"),
                                                       QStringLiteral("60000"), QStringLiteral("--frame-events"), QStringLiteral("50"),
                                                       QStringLiteral("--dwell-scale"), QStringLiteral("0.01"),
                                                       QStringLiteral("--duration"), QStringLiteral("16")});
    QVERIFY(simulate.waitForStarted());
    waitForLine(simulate, "feed: ");
    QProcess watch;
    watch.start(QStringLiteral(STATESCOPE_BINARY), {QStringLiteral("watch"), QStringLiteral("ws://127.0.0.1:%1").arg(port),
                                                    QStringLiteral("--duration"), QStringLiteral("13"), QStringLiteral("--format"),
                                                    QStringLiteral("json"), QStringLiteral("--memory-budget"), QStringLiteral("64MiB")});
    QVERIFY(watch.waitForFinished(60000));
    QCOMPARE(watch.exitCode(), 0);
    const QJsonObject report = QJsonDocument::fromJson(watch.readAllStandardOutput()).object();
    const QJsonObject ingest = report[QStringLiteral("ingest")].toObject();
    const QJsonObject memory = ingest[QStringLiteral("memory")].toObject();
    const qint64 summarized = memory[QStringLiteral("summarizedTransitions")].toInteger();
    qInfo() << "events" << ingest[QStringLiteral("events")].toInteger() << "memory" << memory;
    // Every transition applied is in the report: held in detail or summarized.
    QCOMPARE(report[QStringLiteral("transitions")].toInteger(), ingest[QStringLiteral("transitions")].toInteger());
    QCOMPARE(memory[QStringLiteral("requestedBudgetBytes")].toInteger(), qint64(64) << 20);
    QVERIFY(memory[QStringLiteral("detailKeptIn")].isNull());
#if defined(__SANITIZE_ADDRESS__)
    // The sanitizers' shadow memory and slower ingest make RSS and rate figures meaningless.
    Q_UNUSED(summarized)
#else
    QVERIFY(memory[QStringLiteral("compactions")].toInteger() >= 1);
    QVERIFY(summarized > 0);
    QCOMPARE(memory[QStringLiteral("summarizedRunning")].toInteger(), 0);
    QVERIFY2(memory[QStringLiteral("peakRssBytes")].toInteger() <= memory[QStringLiteral("budgetBytes")].toInteger(),
             qPrintable(QStringLiteral("peak RSS %1 over the budget %2").arg(memory[QStringLiteral("peakRssBytes")].toInteger())
                            .arg(memory[QStringLiteral("budgetBytes")].toInteger())));
    QVERIFY(QJsonDocument(report[QStringLiteral("notes")].toArray()).toJson().contains("summarized"));
#endif
    QVERIFY(simulate.waitForFinished(30000));
}

void TestLiveCommands::badArguments_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("watch without url") << QStringList{QStringLiteral("watch")} << QStringLiteral("expected one FEED_URL");
    QTest::newRow("watch http url") << QStringList{QStringLiteral("watch"), QStringLiteral("http://x")} << QStringLiteral("not a feed URL");
    QTest::newRow("watch bad duration") << QStringList{QStringLiteral("watch"), QStringLiteral("ws://127.0.0.1:1"), QStringLiteral("--duration"), QStringLiteral("-3")}
                                        << QStringLiteral("--duration");
    QTest::newRow("watch nobody there") << QStringList{QStringLiteral("watch"), QStringLiteral("ws://127.0.0.1:1"), QStringLiteral("--duration"), QStringLiteral("1")}
                                        << QStringLiteral("could not connect");
    QTest::newRow("watch unwritable recording") << QStringList{QStringLiteral("watch"), QStringLiteral("ws://127.0.0.1:1"), QStringLiteral("--record"), QStringLiteral("/nonexistent/dir/x.sqlite")}
                                                << QStringLiteral("--record");
    QTest::newRow("watch budget too small") << QStringList{QStringLiteral("watch"), QStringLiteral("ws://127.0.0.1:1"), QStringLiteral("--memory-budget"), QStringLiteral("16MiB")}
                                            << QStringLiteral("--memory-budget: \"16MiB\" is outside the possible range");
    QTest::newRow("watch budget not a size") << QStringList{QStringLiteral("watch"), QStringLiteral("ws://127.0.0.1:1"), QStringLiteral("--memory-budget"), QStringLiteral("plenty")}
                                             << QStringLiteral("is not a size");
    QTest::newRow("simulate bad rate") << QStringList{QStringLiteral("simulate"), QStringLiteral("--rate"), QStringLiteral("fast")}
                                       << QStringLiteral("--rate");
    QTest::newRow("simulate bad listen") << QStringList{QStringLiteral("simulate"), QStringLiteral("--listen"), QStringLiteral("nowhere")}
                                         << QStringLiteral("--listen");
    QTest::newRow("simulate bad definition") << QStringList{QStringLiteral("simulate"), QStringLiteral("--definition"), QStringLiteral("/nonexistent.json")}
                                             << QStringLiteral("--definition");
}

void TestLiveCommands::badArguments()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    QProcess p;
    p.start(QStringLiteral(STATESCOPE_BINARY), arguments);
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 2);
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QVERIFY2(err.contains(message), qPrintable(err));
}

QTEST_GUILESS_MAIN(TestLiveCommands)
#include "tst_livecommands.moc"
