// The feed client against real servers on loopback: FeedServer, and a raw QWebSocketServer for
// what a well-behaved server never sends.
#include "feedclient.h"
#include "feedserver.h"
#include "testcertificates.h"

#include <QJsonObject>
#include <QSignalSpy>
#include <QJsonDocument>
#include <QTimer>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

#include <set>

using namespace StateScope;

class TestFeedClient : public QObject
{
    Q_OBJECT

private slots:
    void resumesAcrossRestartsWithoutLossOrDuplicates();
    void resumeFailedRecordsTheGap();
    void resumeFailedTwiceGoesLive();
    void badFramesAreCountedAndTheFeedGoesOn();
    void heartbeatLossReconnects();
    void bearerToken();
    void tlsNeedsTheNamedCa();
    void endOfFeedFinishes();

private:
    struct Received
    {
        std::vector<quint64> seqs;
        std::vector<FeedEvent> events;
    };
    static FeedClientOptions fastOptions(const QUrl &url)
    {
        FeedClientOptions o;
        o.url = url;
        o.initialBackoffMs = 20;
        o.maxBackoffMs = 200;
        o.batchIntervalMs = 1;
        return o;
    }
    static void collect(FeedClient &client, Received &into)
    {
        QObject::connect(&client, &FeedClient::eventsReceived, &client, [&into](const FeedBatch &batch) {
            for (const FeedEvent &e : *batch) {
                into.seqs.push_back(e.seq);
                into.events.push_back(e);
            }
        });
    }
    static QJsonObject transition(int n)
    {
        return QJsonObject{{QStringLiteral("type"), QStringLiteral("transition")},
                           {QStringLiteral("workflowId"), QStringLiteral("wf")},
                           {QStringLiteral("executionId"), QStringLiteral("e%1").arg(n % 7)},
                           {QStringLiteral("payload"), QJsonObject{{QStringLiteral("fromState"), QStringLiteral("a")},
                                                                   {QStringLiteral("toState"), QStringLiteral("b")},
                                                                   {QStringLiteral("timestamp"), 1767225600000LL + n}}}};
    }
};

void TestFeedClient::resumesAcrossRestartsWithoutLossOrDuplicates()
{
    FeedServer server(FeedServerOptions{});
    QString error;
    QVERIFY2(server.listen(&error), qPrintable(error));
    const quint16 port = server.port();
    FeedClient client(fastOptions(server.url()));
    Received got;
    collect(client, got);
    QSignalSpy subscribed(&server, &FeedServer::subscribed);
    client.start();
    QVERIFY(subscribed.wait(10000));
    int published = 0;
    for (int restart = 0; restart < 6; ++restart) {
        for (int i = 0; i < 200; ++i)
            server.publish(transition(++published));
        QTest::qWait(30);
        // A restart: clients are dropped; events go on being produced while nobody listens.
        server.close();
        for (int i = 0; i < 50; ++i)
            server.publish(transition(++published));
        QTRY_VERIFY(server.listen(&error));
        QCOMPARE(server.port(), port);
        // The client comes back and resumes from the last seq it has.
        QVERIFY(subscribed.wait(10000));
        QCOMPARE(subscribed.last().at(1).toULongLong(), quint64(got.seqs.empty() ? 0 : got.seqs.back()));
    }
    for (int i = 0; i < 100; ++i)
        server.publish(transition(++published));
    QTRY_COMPARE_WITH_TIMEOUT(got.seqs.size(), size_t(published), 20000);
    for (size_t i = 0; i < got.seqs.size(); ++i)
        QCOMPARE(got.seqs[i], quint64(i + 1)); // every event once, in order
    const FeedStats stats = [&client] {
        QSignalSpy finished(&client, &FeedClient::finished);
        client.stop();
        return finished.at(0).at(1).value<FeedStats>();
    }();
    QCOMPARE(stats.events, quint64(published));
    QCOMPARE(stats.reconnects, quint64(6)); // one per restart
    QVERIFY(stats.gaps.empty());
    QCOMPARE(stats.problems.total(), quint64(0));
}

void TestFeedClient::resumeFailedRecordsTheGap()
{
    FeedServer server(FeedServerOptions{});
    QString error;
    QVERIFY(server.listen(&error));
    FeedClient client(fastOptions(server.url()));
    Received got;
    collect(client, got);
    QSignalSpy gaps(&client, &FeedClient::gapDetected);
    QSignalSpy subscribed(&server, &FeedServer::subscribed);
    client.start();
    QVERIFY(subscribed.wait(10000));
    for (int i = 1; i <= 10; ++i)
        server.publish(transition(i));
    QTRY_COMPARE(got.seqs.size(), size_t(10));
    server.close();
    for (int i = 11; i <= 30; ++i)
        server.publish(transition(i));
    server.dropBufferBefore(25); // the server forgot 11..24
    QVERIFY(server.listen(&error));
    QTRY_COMPARE_WITH_TIMEOUT(got.seqs.size(), size_t(16), 10000);
    QCOMPARE(got.seqs[10], quint64(25));
    QCOMPARE(got.seqs.back(), quint64(30));
    QTRY_COMPARE(gaps.count(), 1);
    const FeedGap gap = gaps.at(0).at(0).value<FeedGap>();
    QCOMPARE(gap.afterSeq, quint64(10));
    QCOMPARE(gap.resumedAtSeq, quint64(25));
    QCOMPARE(gap.missedEvents, qint64(14));
    QCOMPARE(gap.from, TimeMs(1767225600000LL + 10)); // the last event before
    QCOMPARE(gap.to, TimeMs(1767225600000LL + 25));   // the first event after
    server.publish(transition(31));
    QTRY_COMPARE(got.seqs.back(), quint64(31)); // and live again
}

// A fast server trims its buffer every tick: the oldest event it named may be gone by the time
// the client resubscribes from it. The second resume_failed for one gap takes the feed live
// instead of chasing the edge forever; the gap ends at the first event that arrives.
void TestFeedClient::resumeFailedTwiceGoesLive()
{
    QWebSocketServer raw(QStringLiteral("raw"), QWebSocketServer::NonSecureMode);
    QVERIFY(raw.listen(QHostAddress::LocalHost));
    QList<QWebSocket *> sockets;
    QList<QJsonValue> sinceSeqs; // of every subscribe, in order (undefined = none)
    auto event = [](int seq) {
        return QStringLiteral(R"({"type":"transition","seq":%1,"workflowId":"wf","executionId":"e","payload":{"fromState":"a","toState":"b","timestamp":%2}})")
            .arg(seq).arg(1000 + seq);
    };
    connect(&raw, &QWebSocketServer::newConnection, this, [&] {
        QWebSocket *s = raw.nextPendingConnection();
        sockets.append(s);
        s->sendTextMessage(QStringLiteral(R"({"type":"hello","payload":{"protocol":"statescope-feed/1","serverTime":0,"oldestSeq":1,"latestSeq":0}})"));
        connect(s, &QWebSocket::textMessageReceived, this, [&, s](const QString &text) {
            const QJsonValue since = QJsonDocument::fromJson(text.toUtf8()).object().value(QStringLiteral("sinceSeq"));
            sinceSeqs.append(since);
            if (sinceSeqs.size() == 1) { // first connection: two events, then the line drops
                s->sendTextMessage(event(1));
                s->sendTextMessage(event(2));
                QTimer::singleShot(50, s, [s] { s->close(); });
            } else if (sinceSeqs.size() == 2) {
                s->sendTextMessage(QStringLiteral(R"({"type":"resume_failed","oldestSeq":10})"));
            } else if (sinceSeqs.size() == 3) { // the edge moved on meanwhile
                s->sendTextMessage(QStringLiteral(R"({"type":"resume_failed","oldestSeq":20})"));
            } else {
                s->sendTextMessage(event(50));
                s->sendTextMessage(event(51));
            }
        });
    });
    FeedClient client(fastOptions(QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(raw.serverPort()))));
    Received got;
    collect(client, got);
    QSignalSpy gaps(&client, &FeedClient::gapDetected);
    client.start();
    QTRY_COMPARE_WITH_TIMEOUT(got.seqs.size(), size_t(4), 10000);
    QCOMPARE(got.seqs, (std::vector<quint64>{1, 2, 50, 51}));
    QCOMPARE(sinceSeqs.size(), 4);
    QVERIFY(sinceSeqs[0].isUndefined());
    QCOMPARE(sinceSeqs[1].toInteger(), 2);
    QCOMPARE(sinceSeqs[2].toInteger(), 9);
    QVERIFY2(sinceSeqs[3].isUndefined(), "the second resume_failed must subscribe live");
    QTRY_COMPARE(gaps.count(), 1);
    const FeedGap gap = gaps.at(0).at(0).value<FeedGap>();
    QCOMPARE(gap.afterSeq, quint64(2));
    QCOMPARE(gap.resumedAtSeq, quint64(50));
    QCOMPARE(gap.missedEvents, qint64(47));
    QCOMPARE(gap.to, TimeMs(1050));
    QCOMPARE(client.stats().gaps.size(), size_t(1));
    qDeleteAll(sockets);
}

void TestFeedClient::badFramesAreCountedAndTheFeedGoesOn()
{
    QWebSocketServer raw(QStringLiteral("raw"), QWebSocketServer::NonSecureMode);
    QVERIFY(raw.listen(QHostAddress::LocalHost));
    QList<QWebSocket *> sockets;
    connect(&raw, &QWebSocketServer::newConnection, this, [&] {
        QWebSocket *s = raw.nextPendingConnection();
        sockets.append(s);
        s->sendTextMessage(QStringLiteral(R"({"type":"hello","payload":{"protocol":"statescope-feed/1","serverTime":0,"oldestSeq":1,"latestSeq":0}})"));
        s->sendTextMessage(QStringLiteral("{not json"));
        s->sendTextMessage(QStringLiteral(R"({"type":"teleport","workflowId":"wf","payload":{}})"));
        s->sendTextMessage(QStringLiteral(R"({"type":"transition","seq":1,"workflowId":"wf","executionId":"e","payload":{"fromState":"a"}})"));
        s->sendTextMessage(QString(17 * 1024 * 1024, QLatin1Char(' '))); // over the 16 MiB frame limit
        s->sendTextMessage(QStringLiteral(R"([{"type":"transition","seq":2,"workflowId":"wf","executionId":"e","payload":{"fromState":"a","toState":"b","timestamp":5}},7])"));
    });
    FeedClient client(fastOptions(QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(raw.serverPort()))));
    Received got;
    collect(client, got);
    QSignalSpy errors(&client, &FeedClient::errorOccurred);
    client.start();
    QTRY_COMPARE_WITH_TIMEOUT(got.seqs.size(), size_t(1), 10000);
    QCOMPARE(got.events.front().toState, QByteArray("b"));
    const FeedStats stats = client.stats();
    QCOMPARE(stats.problems[FeedProblem::MalformedJson], quint64(2)); // "{not json", and the 7 in the array
    QCOMPARE(stats.problems[FeedProblem::UnknownType], quint64(1));
    QCOMPARE(stats.problems[FeedProblem::MissingField], quint64(1));
    QCOMPARE(stats.problems[FeedProblem::FrameTooLarge], quint64(1));
    QCOMPARE(stats.reconnects, quint64(0)); // never ended the connection
    QCOMPARE(errors.count(), 4);            // logged once per kind
    qDeleteAll(sockets);
}

void TestFeedClient::heartbeatLossReconnects()
{
    QWebSocketServer silent(QStringLiteral("silent"), QWebSocketServer::NonSecureMode);
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    int connections = 0;
    connect(&silent, &QWebSocketServer::newConnection, this, [&] {
        silent.nextPendingConnection()->setParent(&silent); // accepts, then never says a word
        ++connections;
    });
    FeedClientOptions options = fastOptions(QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(silent.serverPort())));
    options.heartbeatTimeoutMs = 300;
    FeedClient client(options);
    QSignalSpy errors(&client, &FeedClient::errorOccurred);
    client.start();
    QTRY_VERIFY_WITH_TIMEOUT(connections >= 2, 10000);
    QVERIFY(client.stats().heartbeatTimeouts >= 1);
    QVERIFY(errors.count() >= 1);
    QVERIFY(errors.at(0).at(0).toString().contains(QLatin1String("heartbeat lost")));
}

void TestFeedClient::bearerToken()
{
    FeedServerOptions options;
    options.bearerToken = "s3cret";
    FeedServer server(options);
    QString error;
    QVERIFY(server.listen(&error));
    {
        FeedClient refused(fastOptions(server.url()));
        QSignalSpy finished(&refused, &FeedClient::finished);
        refused.start();
        QVERIFY(finished.wait(10000));
        QVERIFY2(finished.at(0).at(0).toString().contains(QLatin1String("401")), qPrintable(finished.at(0).at(0).toString()));
    }
    FeedClientOptions withToken = fastOptions(server.url());
    withToken.bearerToken = "s3cret";
    FeedClient accepted(withToken);
    Received got;
    collect(accepted, got);
    QSignalSpy subscribed(&server, &FeedServer::subscribed);
    accepted.start();
    QVERIFY(subscribed.wait(10000));
    server.publish(transition(1));
    QTRY_COMPARE(got.seqs.size(), size_t(1));
}

void TestFeedClient::tlsNeedsTheNamedCa()
{
    TestCertificates certificates;
    QString error;
    if (!certificates.create(&error))
        QSKIP(qPrintable(error));
    FeedServerOptions options;
    options.certificateFile = certificates.certificateFile();
    options.privateKeyFile = certificates.privateKeyFile();
    FeedServer server(options);
    QVERIFY2(server.listen(&error), qPrintable(error));
    {
        FeedClientOptions o = fastOptions(server.url());
        o.giveUpAfterMs = 1500;
        FeedClient untrusting(o);
        QSignalSpy errors(&untrusting, &FeedClient::errorOccurred);
        QSignalSpy finished(&untrusting, &FeedClient::finished);
        untrusting.start();
        QVERIFY(finished.wait(10000));
        QVERIFY(!errors.isEmpty());
        QVERIFY2(errors.at(0).at(0).toString().contains(QLatin1String("TLS certificate rejected")),
                 qPrintable(errors.at(0).at(0).toString()));
        QCOMPARE(untrusting.stats().events, quint64(0));
    }
    FeedClientOptions o = fastOptions(server.url());
    o.caFile = certificates.caFile();
    FeedClient trusting(o);
    Received got;
    collect(trusting, got);
    QSignalSpy subscribed(&server, &FeedServer::subscribed);
    trusting.start();
    QVERIFY(subscribed.wait(10000));
    server.publish(transition(1));
    QTRY_COMPARE(got.seqs.size(), size_t(1));
}

void TestFeedClient::endOfFeedFinishes()
{
    FeedServer server(FeedServerOptions{});
    QString error;
    QVERIFY(server.listen(&error));
    FeedClient client(fastOptions(server.url()));
    Received got;
    collect(client, got);
    QSignalSpy finished(&client, &FeedClient::finished);
    QSignalSpy subscribed(&server, &FeedServer::subscribed);
    client.start();
    QVERIFY(subscribed.wait(10000));
    server.publish(transition(1));
    server.endFeed();
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.at(0).at(0).toString(), QStringLiteral("the server ended the feed"));
    QCOMPARE(got.seqs.size(), size_t(1)); // what was sent before the end arrived
    QCOMPARE(client.stats().reconnects, quint64(0));
}

QTEST_GUILESS_MAIN(TestFeedClient)
#include "tst_feedclient.moc"
