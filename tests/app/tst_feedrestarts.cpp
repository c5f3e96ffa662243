// BARS R1: the feed server is killed (SIGKILL) and restarted 20 times while `watch` ingests;
// with its durable log, every event arrives exactly once. Also: SIGTERM ends `watch` with its report.
#include "livetestutil.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

namespace {

// True once the simulated engine logs a client's subscription (its "subscribed: " line).
bool waitForSubscriber(QProcess &server)
{
    const QDeadlineTimer deadline(20000);
    while (!deadline.hasExpired()) {
        while (server.canReadLine()) {
            if (server.readLine().startsWith("subscribed: "))
                return true;
        }
        server.waitForReadyRead(100);
    }
    return false;
}

} // namespace

class TestFeedRestarts : public QObject
{
    Q_OBJECT

private slots:
    void killedServerLosesAndDuplicatesNothing();
};

void TestFeedRestarts::killedServerLosesAndDuplicatesNothing()
{
    QTemporaryDir dir;
    quint16 port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        port = probe.serverPort();
    }
    const QStringList simulateArgs{QStringLiteral("simulate"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(port),
                                   QStringLiteral("--rate"), QStringLiteral("4000"), QStringLiteral("--dwell-scale"),
                                   QStringLiteral("0.01"), QStringLiteral("--feed-log"), dir.filePath(QStringLiteral("feed.log"))};
    auto server = std::make_unique<QProcess>();
    QVERIFY(!StateScope::LiveTest::startSimulate(*server, simulateArgs).isEmpty());

    // No --duration: SIGTERM ends the watch after the last restart, with its report (as Ctrl+C does).
    QProcess watch;
    watch.start(QStringLiteral(STATESCOPE_BINARY), {QStringLiteral("watch"), QStringLiteral("ws://127.0.0.1:%1").arg(port),
                                                    QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY(watch.waitForStarted());
    for (int restart = 0; restart < 20; ++restart) {
        // Each incarnation is killed only once the client is back on it and some time has passed:
        // 20 kills are 20 reconnects, however slow the machine.
        QVERIFY2(waitForSubscriber(*server), qPrintable(QStringLiteral("no client came back after restart %1").arg(restart)));
        QTest::qWait(300 + 40 * (restart % 5));
        server->kill(); // SIGKILL: no goodbye, no flush
        QVERIFY(server->waitForFinished(10000));
        server = std::make_unique<QProcess>();
        QVERIFY(!StateScope::LiveTest::startSimulate(*server, simulateArgs).isEmpty()); // it waits while the port is still taken
    }
    QVERIFY(waitForSubscriber(*server));
    QTest::qWait(1000);
    watch.terminate();
    QVERIFY(watch.waitForFinished(60000));
    QCOMPARE(watch.exitStatus(), QProcess::NormalExit);
    QCOMPARE(watch.exitCode(), 0);
    server->terminate();
    server->waitForFinished(10000);

    const QJsonObject ingest = QJsonDocument::fromJson(watch.readAllStandardOutput()).object().value(QStringLiteral("ingest")).toObject();
    const qint64 events = ingest.value(QStringLiteral("events")).toInteger();
    const qint64 first = ingest.value(QStringLiteral("firstSeq")).toInteger();
    const qint64 last = ingest.value(QStringLiteral("lastSeq")).toInteger();
    qInfo() << "events" << events << "seq" << first << ".." << last << "reconnects" << ingest.value(QStringLiteral("reconnects"));
    QVERIFY(events > 20000);
    QCOMPARE(events, last - first + 1); // every seq once: nothing lost
    QCOMPARE(ingest.value(QStringLiteral("duplicates")).toInteger(), 0);
    QCOMPARE(ingest.value(QStringLiteral("gaps")).toInteger(), 0);
    QCOMPARE(ingest.value(QStringLiteral("reconnects")).toInteger(), 20);
}

QTEST_GUILESS_MAIN(TestFeedRestarts)
#include "tst_feedrestarts.moc"
