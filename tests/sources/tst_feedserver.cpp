#include "feedserver.h"
#include "testcertificates.h"
#include "timeutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

#include <functional>

using namespace StateScope;

namespace {

QString s(const char *text)
{
    return QString::fromLatin1(text);
}

QJsonObject makeEvent(const char *type, const char *workflowId, int n = 0)
{
    return QJsonObject {{s("type"), s(type)},
                        {s("workflowId"), s(workflowId)},
                        {s("executionId"), QString(s("ex-") + QString::number(n))},
                        {s("payload"), QJsonObject {{s("n"), n}}}};
}

// A real QWebSocket client on loopback that records what the server sends.
class TestClient final : public QObject
{
public:
    explicit TestClient(const QSslConfiguration &ssl = QSslConfiguration::defaultConfiguration())
    {
        m_socket.setSslConfiguration(ssl);
        connect(&m_socket, &QWebSocket::textMessageReceived, this, [this](const QString &message) {
            const QByteArray bytes = message.toUtf8();
            frames.append(bytes);
            const QJsonDocument doc = QJsonDocument::fromJson(bytes);
            const QJsonArray items = doc.isArray() ? doc.array() : QJsonArray {doc.object()};
            if (doc.isArray())
                ++arrayFrames;
            for (const QJsonValue &v : items) {
                const QJsonObject o = v.toObject();
                (o.contains(s("seq")) ? events : controls).append(o);
            }
        });
        connect(&m_socket, &QWebSocket::sslErrors, this, [this](const QList<QSslError> &e) { sslErrors += e; });
    }

    bool open(const QUrl &url, const QByteArray &token = {})
    {
        QNetworkRequest request(url);
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token);
        QSignalSpy connected(&m_socket, &QWebSocket::connected);
        QSignalSpy disconnected(&m_socket, &QWebSocket::disconnected);
        m_socket.open(request);
        for (int i = 0; i < 50 && connected.isEmpty() && disconnected.isEmpty(); ++i)
            QTest::qWait(100); // not a spy wait: either of two signals ends it
        return !connected.isEmpty() && m_socket.state() == QAbstractSocket::ConnectedState
            && waitUntil([this] { return !controls.isEmpty(); }) && type(controls.first()) == u"hello";
    }

    bool waitUntil(const std::function<bool()> &done, int timeoutMs = 10000)
    {
        QSignalSpy spy(&m_socket, &QWebSocket::textMessageReceived);
        QDeadlineTimer deadline(timeoutMs);
        while (!done()) {
            if (deadline.hasExpired())
                return false;
            spy.wait(int(std::max<qint64>(1, deadline.remainingTime())));
        }
        return true;
    }
    bool waitForEvents(int count)
    {
        return waitUntil([&] { return events.size() >= count; });
    }
    bool waitForControl(QStringView t)
    {
        return waitUntil([&] { return !controls.isEmpty() && type(controls.last()) == t; });
    }
    bool waitForDisconnect()
    {
        if (m_socket.state() == QAbstractSocket::UnconnectedState)
            return true;
        QSignalSpy spy(&m_socket, &QWebSocket::disconnected);
        return spy.wait(10000);
    }

    void send(const QByteArray &json) { m_socket.sendTextMessage(QString::fromUtf8(json)); }
    void subscribe(const QStringList &topics, qint64 sinceSeq = -1)
    {
        QJsonObject request {{s("action"), s("subscribe")}, {s("topics"), QJsonArray::fromStringList(topics)}};
        if (sinceSeq >= 0)
            request.insert(s("sinceSeq"), sinceSeq);
        send(QJsonDocument(request).toJson(QJsonDocument::Compact));
    }
    QList<qint64> seqs() const
    {
        QList<qint64> out;
        for (const QJsonObject &e : events)
            out.append(e.value(s("seq")).toInteger());
        return out;
    }
    static QString type(const QJsonObject &o) { return o.value(s("type")).toString(); }

    QWebSocket m_socket;
    QList<QByteArray> frames;
    QList<QJsonObject> events; // objects carrying a seq
    QList<QJsonObject> controls; // hello, heartbeat, subscribed, resume_failed, error
    QList<QSslError> sslErrors;
    int arrayFrames = 0;
};

QList<qint64> range(qint64 first, qint64 last)
{
    QList<qint64> out;
    for (qint64 i = first; i <= last; ++i)
        out.append(i);
    return out;
}

// Subscribes and waits until the server has taken the subscription.
bool subscribeAndWait(FeedServer &server, TestClient &client, const QStringList &topics, qint64 sinceSeq = -1)
{
    QSignalSpy spy(&server, &FeedServer::subscribed);
    client.subscribe(topics, sinceSeq);
    return spy.wait(10000) && client.waitForControl(u"subscribed");
}

} // namespace

class TestFeedServer : public QObject
{
    Q_OBJECT

private slots:
    void hello();
    void liveEventsMatchTopics();
    void replaySinceSeq();
    void resumeFailed();
    void unsubscribe();
    void badMessages_data();
    void badMessages();
    void heartbeats();
    void bearerToken();
    void rawHandshakes();
    void batching();
    void backpressureAndLaggingClient();
    void restartOnSamePort();
    void publishSerialized();
    void listenErrors();
    void secureWebSocket();
};

void TestFeedServer::hello()
{
    FeedServer server({});
    QVERIFY(server.listen(nullptr));
    QCOMPARE(server.url().scheme(), s("ws"));
    QCOMPARE(server.url().host(), s("127.0.0.1"));
    TestClient empty;
    QVERIFY(empty.open(server.url()));
    QJsonObject payload = empty.controls.first().value(s("payload")).toObject();
    QCOMPARE(payload.value(s("protocol")).toString(), s("statescope-feed/1"));
    QCOMPARE(payload.value(s("oldestSeq")).toInteger(), 1);
    QCOMPARE(payload.value(s("latestSeq")).toInteger(), 0);
    TimeMs t = kUnknownTime;
    QVERIFY(TimeUtil::parse(payload.value(s("serverTime")).toString(), &t));
    QVERIFY(qAbs(t - QDateTime::currentMSecsSinceEpoch()) < 60000);

    for (int i = 0; i < 3; ++i)
        QCOMPARE(server.publish(makeEvent("transition", "wf-1", i)), quint64(i + 1));
    TestClient client;
    QVERIFY(client.open(server.url()));
    payload = client.controls.first().value(s("payload")).toObject();
    QCOMPARE(payload.value(s("oldestSeq")).toInteger(), 1);
    QCOMPARE(payload.value(s("latestSeq")).toInteger(), 3);
    QCOMPARE(server.clientCount(), 2);
    QVERIFY(client.events.isEmpty()); // nothing without a subscription
}

void TestFeedServer::liveEventsMatchTopics()
{
    FeedServer server({});
    QVERIFY(server.listen(nullptr));
    server.publish(makeEvent("transition", "wf-1")); // before the subscription: not sent
    TestClient client;
    QVERIFY(client.open(server.url()));
    QVERIFY(subscribeAndWait(server, client, {s("transition:wf-1"), s("state:*")}));
    const QJsonObject reply = client.controls.last();
    QCOMPARE(reply.value(s("topics")).toArray().size(), 2);
    QCOMPARE(reply.value(s("replayFrom")).toInteger(), 2);

    server.publish(makeEvent("transition", "wf-1", 1)); // 2 yes
    server.publish(makeEvent("transition", "wf-2", 2)); // 3 no
    server.publish(makeEvent("state_change", "wf-2", 3)); // 4 yes (state:*)
    server.publish(makeEvent("alert_triggered", "wf-1")); // 5 no
    server.publish(makeEvent("metric_update", "wf-1")); // 6 no
    server.publish(makeEvent("execution_started", "wf-1")); // 7 no
    server.publish(makeEvent("transition", "wf-1", 8)); // 8 yes
    QVERIFY(client.waitForEvents(3));
    QCOMPARE(client.seqs(), QList<qint64>({2, 4, 8}));
    QCOMPARE(client.events[1].value(s("type")).toString(), s("state_change"));
    QCOMPARE(client.events[1].value(s("payload")).toObject().value(s("n")).toInt(), 3);
    QCOMPARE(client.events[0].value(s("workflowId")).toString(), s("wf-1"));

    // A second client with every transition: gets wf-2 too, and types without a topic.
    TestClient all;
    QVERIFY(all.open(server.url()));
    QVERIFY(subscribeAndWait(server, all, {s("transition:*")}));
    server.publish(makeEvent("transition", "wf-2")); // 9 all only
    server.publish(makeEvent("mystery_type", "wf-9")); // 10 both: unknown types go to every subscriber
    QVERIFY(all.waitForEvents(2));
    QCOMPARE(all.seqs(), QList<qint64>({9, 10}));
    QVERIFY(client.waitForEvents(4));
    QCOMPARE(client.seqs(), QList<qint64>({2, 4, 8, 10}));
}

void TestFeedServer::replaySinceSeq()
{
    FeedServer server({});
    QVERIFY(server.listen(nullptr));
    for (int i = 1; i <= 250; ++i)
        server.publish(makeEvent(i % 5 == 0 ? "alert_triggered" : "transition", i % 2 ? "wf-a" : "wf-b", i));
    QList<qint64> expected;
    for (qint64 i = 101; i <= 250; ++i)
        if (i % 5 != 0)
            expected.append(i);

    TestClient client;
    QVERIFY(client.open(server.url()));
    QSignalSpy spy(&server, &FeedServer::subscribed);
    QVERIFY(subscribeAndWait(server, client, {s("transition:*")}, 100));
    QCOMPARE(spy.first().at(1).value<quint64>(), quint64(100));
    QCOMPARE(client.controls.last().value(s("replayFrom")).toInteger(), 101);
    QVERIFY(client.waitForEvents(int(expected.size())));
    for (int i = 251; i <= 260; ++i)
        server.publish(makeEvent("transition", "wf-a", i));
    expected += range(251, 260);
    QVERIFY(client.waitForEvents(int(expected.size())));
    QCOMPARE(client.seqs(), expected); // exact, in order, no gaps, no duplicates

    // A workflow-specific replay from the very start.
    TestClient one;
    QVERIFY(one.open(server.url()));
    QVERIFY(subscribeAndWait(server, one, {s("transition:wf-b")}, 0));
    QVERIFY(one.waitForEvents(100)); // even i in 1..250, not multiples of 5
    for (const QJsonObject &e : std::as_const(one.events))
        QCOMPARE(e.value(s("workflowId")).toString(), s("wf-b"));
    QCOMPARE(one.seqs().first(), 2);
    QCOMPARE(one.seqs().last(), 248);
}

void TestFeedServer::resumeFailed()
{
    FeedServerOptions options;
    options.resumeBufferEvents = 40;
    FeedServer server(options);
    QVERIFY(server.listen(nullptr));
    for (int i = 1; i <= 50; ++i)
        server.publish(makeEvent("transition", "wf-1", i));
    server.flush();
    QCOMPARE(server.oldestSeq(), quint64(11));
    server.dropBufferBefore(30);
    QCOMPARE(server.oldestSeq(), quint64(30));
    QCOMPARE(server.latestSeq(), quint64(50));

    TestClient client;
    QVERIFY(client.open(server.url()));
    QSignalSpy failed(&server, &FeedServer::resumeFailed);
    client.subscribe({s("transition:*")}, 10);
    QVERIFY(client.waitForControl(u"resume_failed"));
    QCOMPARE(client.controls.last().value(s("oldestSeq")).toInteger(), 30);
    QCOMPARE(failed.size(), 1);
    client.subscribe({s("transition:*")}, 99); // ahead of the feed: not resumable either
    QVERIFY(client.waitUntil([&] { return failed.size() == 2; }));

    // Live only after the failure.
    QVERIFY(subscribeAndWait(server, client, {s("transition:*")}));
    QCOMPARE(client.controls.last().value(s("replayFrom")).toInteger(), 51);
    server.publish(makeEvent("transition", "wf-1"));
    QVERIFY(client.waitForEvents(1));
    QCOMPARE(client.seqs(), QList<qint64>({51}));

    // The oldest held event's predecessor is still a valid resume point.
    TestClient edge;
    QVERIFY(edge.open(server.url()));
    QVERIFY(subscribeAndWait(server, edge, {s("transition:*")}, 29));
    QVERIFY(edge.waitForEvents(22));
    QCOMPARE(edge.seqs(), range(30, 51));
}

void TestFeedServer::unsubscribe()
{
    FeedServer server({});
    QVERIFY(server.listen(nullptr));
    TestClient client;
    QVERIFY(client.open(server.url()));
    QVERIFY(subscribeAndWait(server, client, {s("transition:*"), s("alert:*")}));
    server.publish(makeEvent("transition", "wf-1"));
    server.publish(makeEvent("alert_triggered", "wf-1"));
    QVERIFY(client.waitForEvents(2));
    QSignalSpy spy(&server, &FeedServer::unsubscribed);
    client.send(R"({"action":"unsubscribe","topics":["transition:*","state:never-held"]})");
    QVERIFY(spy.wait(10000));
    server.publish(makeEvent("transition", "wf-1")); // 3: no longer
    server.publish(makeEvent("alert_resolved", "wf-1")); // 4
    QVERIFY(client.waitForEvents(3));
    QCOMPARE(client.seqs(), QList<qint64>({1, 2, 4}));
}

void TestFeedServer::badMessages_data()
{
    QTest::addColumn<QByteArray>("message");
    // The full matrix of bad requests is in tst_feedcontrol; here: the connection survives them.
    QTest::newRow("not json") << QByteArray("hello?");
    QTest::newRow("array") << QByteArray("[1,2]");
    QTest::newRow("unknown action") << QByteArray(R"({"action":"dance","topics":["state:*"]})");
    QTest::newRow("topics string") << QByteArray(R"({"action":"subscribe","topics":"state:*"})");
    QTest::newRow("topic category") << QByteArray(R"({"action":"subscribe","topics":["nope:*"]})");
    QTest::newRow("since fraction") << QByteArray(R"({"action":"subscribe","topics":["state:*"],"sinceSeq":1.5})");
    QTest::newRow("deep") << QByteArray(5000, '[') + QByteArray(5000, ']');
}

void TestFeedServer::badMessages()
{
    QFETCH(QByteArray, message);
    FeedServer server({});
    QVERIFY(server.listen(nullptr));
    TestClient client;
    QVERIFY(client.open(server.url()));
    client.send(message);
    QVERIFY(client.waitForControl(u"error"));
    const QJsonObject error = client.controls.last();
    QCOMPARE(error.value(s("code")).toString(), s("bad_request"));
    QVERIFY(!error.value(s("message")).toString().isEmpty());
    client.m_socket.sendBinaryMessage("{}"); // binary frames: an error too
    QVERIFY(client.waitUntil([&] { return client.controls.size() == 3; }));

    // The connection is still usable.
    QVERIFY(subscribeAndWait(server, client, {s("state:*")}));
    server.publish(makeEvent("state_change", "wf-1"));
    QVERIFY(client.waitForEvents(1));
    QCOMPARE(server.clientCount(), 1);
}

void TestFeedServer::heartbeats()
{
    FeedServerOptions options;
    options.heartbeatIntervalMs = 100;
    FeedServer server(options);
    QVERIFY(server.listen(nullptr));
    TestClient client;
    QVERIFY(client.open(server.url()));
    QVERIFY(client.waitUntil([&] { return client.controls.size() >= 3; })); // hello + 2 heartbeats
    for (int i = 1; i < 3; ++i) {
        const QJsonObject beat = client.controls[i];
        QCOMPARE(TestClient::type(beat), s("heartbeat"));
        QVERIFY(!beat.contains(s("seq")));
        TimeMs t = kUnknownTime;
        QVERIFY(TimeUtil::parse(beat.value(s("payload")).toObject().value(s("serverTime")).toString(), &t));
    }
}

void TestFeedServer::bearerToken()
{
    FeedServerOptions options;
    options.bearerToken = "s3cret-token";
    FeedServer server(options);
    QVERIFY(server.listen(nullptr));
    QSignalSpy connected(&server, &FeedServer::clientConnected);
    TestClient none;
    QVERIFY(!none.open(server.url()));
    // Refused at the HTTP level: QWebSocket reports the status in its error string.
    QVERIFY2(none.m_socket.errorString().contains(s("401")), qPrintable(none.m_socket.errorString()));
    TestClient wrong;
    QVERIFY(!wrong.open(server.url(), "s3cret-tokem"));
    TestClient prefix;
    QVERIFY(!prefix.open(server.url(), "s3cret"));
    QCOMPARE(connected.size(), 0);
    QCOMPARE(server.clientCount(), 0);
    TestClient right;
    QVERIFY(right.open(server.url(), "s3cret-token"));
    QCOMPARE(connected.size(), 1);
    QVERIFY(subscribeAndWait(server, right, {s("transition:*")}));
    server.publish(makeEvent("transition", "wf-1"));
    QVERIFY(right.waitForEvents(1));
}

void TestFeedServer::rawHandshakes()
{
    // Whatever arrives before the upgrade, the server answers or hangs up, and stays up.
    FeedServerOptions options;
    options.bearerToken = "token";
    FeedServer server(options);
    QVERIFY(server.listen(nullptr));
    auto exchange = [&](const QByteArray &request) -> QByteArray {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, server.port());
        if (!socket.waitForConnected(5000))
            return "not connected";
        socket.write(request);
        QByteArray answer;
        QSignalSpy closed(&socket, &QTcpSocket::disconnected);
        QDeadlineTimer deadline(10000);
        // Until the server hangs up, or has upgraded the connection (then the client hangs up).
        while (closed.isEmpty() && !deadline.hasExpired() && !answer.startsWith("HTTP/1.1 101")) {
            closed.wait(100);
            answer += socket.readAll();
        }
        return closed.isEmpty() && !answer.startsWith("HTTP/1.1 101") ? QByteArray("still open")
                                                                      : answer + socket.readAll();
    };
    const QByteArray upgrade = "GET / HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                               "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n";
    QVERIFY(exchange(upgrade + "\r\n").startsWith("HTTP/1.1 401"));
    QVERIFY(exchange(upgrade + "Authorization: Basic dG9rZW4=\r\n\r\n").startsWith("HTTP/1.1 401"));
    QVERIFY(exchange(upgrade + "authorization: bearer\r\n\r\n").startsWith("HTTP/1.1 401"));
    QVERIFY(exchange(QByteArray(20000, 'x')).startsWith("HTTP/1.1 431"));
    QVERIFY(!exchange("GARBAGE\r\n\r\n").startsWith("HTTP/1.1 101"));
    QVERIFY(!exchange("GET / HTTP/1.1\r\nAuthorization: Bearer token\r\n\r\n").startsWith("HTTP/1.1 101"));
    QSignalSpy gone(&server, &FeedServer::clientDisconnected);
    QVERIFY(exchange(upgrade + "AUTHORIZATION:  Bearer token \r\n\r\n").startsWith("HTTP/1.1 101"));
    QVERIFY(gone.wait(10000));
    QCOMPARE(server.clientCount(), 0);
    TestClient client;
    QVERIFY(client.open(server.url(), "token"));
}

void TestFeedServer::batching()
{
    FeedServer server({});
    QVERIFY(server.listen(nullptr));
    TestClient client;
    QVERIFY(client.open(server.url()));
    QVERIFY(subscribeAndWait(server, client, {s("transition:*")}));
    const qsizetype framesBefore = client.frames.size();
    for (int i = 0; i < 100; ++i) // one event-loop turn
        server.publish(makeEvent("transition", "wf-1", i));
    QVERIFY(client.waitForEvents(100));
    QVERIFY(client.frames.size() - framesBefore <= 2);
    QCOMPARE(client.arrayFrames, 1);
    QVERIFY(client.frames.last().startsWith('['));
    QCOMPARE(client.seqs(), range(1, 100));

    // A single event goes as a bare object; maxBatchEvents splits bigger turns.
    server.publish(makeEvent("transition", "wf-1"));
    QVERIFY(client.waitForEvents(101));
    QVERIFY(client.frames.last().startsWith('{'));

    FeedServerOptions options;
    options.maxBatchEvents = 30;
    FeedServer small(options);
    QVERIFY(small.listen(nullptr));
    TestClient split;
    QVERIFY(split.open(small.url()));
    QVERIFY(subscribeAndWait(small, split, {s("transition:*")}));
    for (int i = 0; i < 100; ++i)
        small.publish(makeEvent("transition", "wf-1", i));
    QVERIFY(split.waitForEvents(100));
    QCOMPARE(split.arrayFrames, 4); // 30 + 30 + 30 + 10
    QCOMPARE(split.seqs(), range(1, 100));
}

void TestFeedServer::backpressureAndLaggingClient()
{
    // With a one-byte backlog budget the server waits for the socket after every frame:
    // everything still arrives, in order.
    FeedServerOptions options;
    options.maxClientBacklogBytes = 1;
    options.maxBatchEvents = 10;
    FeedServer server(options);
    QVERIFY(server.listen(nullptr));
    TestClient client;
    QVERIFY(client.open(server.url()));
    QVERIFY(subscribeAndWait(server, client, {s("transition:*")}));
    for (int i = 0; i < 1000; ++i)
        server.publish(makeEvent("transition", "wf-1", i));
    QVERIFY(client.waitForEvents(1000));
    QCOMPARE(client.seqs(), range(1, 1000));

    // A replay bigger than one turn's share (4 MiB) goes on over several turns, still in order.
    FeedServer big({});
    QVERIFY(big.listen(nullptr));
    for (int i = 0; i < 60000; ++i) // about 5.5 MB
        big.publish(makeEvent("transition", "wf-1", i));
    big.flush();
    TestClient replaying;
    QVERIFY(replaying.open(big.url()));
    QVERIFY(subscribeAndWait(big, replaying, {s("transition:*")}, 0));
    QVERIFY(replaying.waitForEvents(60000));
    QCOMPARE(replaying.seqs(), range(1, 60000));

    // A client that falls behind the resume buffer is disconnected, not queued for without end.
    options.resumeBufferEvents = 50;
    FeedServer tight(options);
    QVERIFY(tight.listen(nullptr));
    TestClient slow;
    QVERIFY(slow.open(tight.url()));
    QVERIFY(subscribeAndWait(tight, slow, {s("transition:*")}));
    QSignalSpy dropped(&tight, &FeedServer::slowClientDropped);
    for (int i = 0; i < 1000; ++i)
        tight.publish(makeEvent("transition", "wf-1", i));
    tight.flush();
    QCOMPARE(dropped.size(), 1);
    QVERIFY(slow.waitForDisconnect());
    QCOMPARE(tight.oldestSeq(), quint64(951));
}

void TestFeedServer::restartOnSamePort()
{
    auto first = std::make_unique<FeedServer>(FeedServerOptions {});
    QVERIFY(first->listen(nullptr));
    const QUrl url = first->url();
    TestClient client;
    QVERIFY(client.open(url));
    QVERIFY(subscribeAndWait(*first, client, {s("transition:*")}));
    for (int i = 1; i <= 20; ++i)
        first->publish(makeEvent("transition", "wf-1", i));
    QVERIFY(client.waitForEvents(20));
    first->close();
    QVERIFY(client.waitForDisconnect());
    first.reset();

    FeedServerOptions options;
    options.port = url.port();
    FeedServer second(options);
    second.setNextSeq(21);
    QString error;
    QVERIFY2(second.listen(&error), qPrintable(error));
    QCOMPARE(second.url(), url);
    TestClient again;
    QVERIFY(again.open(url));
    const QJsonObject payload = again.controls.first().value(s("payload")).toObject();
    QCOMPARE(payload.value(s("latestSeq")).toInteger(), 20);
    QCOMPARE(payload.value(s("oldestSeq")).toInteger(), 21);
    again.subscribe({s("transition:*")}, 15); // events 16..20 died with the first server
    QVERIFY(again.waitForControl(u"resume_failed"));
    QVERIFY(subscribeAndWait(second, again, {s("transition:*")}, client.seqs().last()));
    QCOMPARE(again.controls.last().value(s("replayFrom")).toInteger(), 21);
    for (int i = 21; i <= 30; ++i)
        QCOMPARE(second.publish(makeEvent("transition", "wf-1", i)), quint64(i));
    QVERIFY(again.waitForEvents(10));
    QCOMPARE(again.seqs(), range(21, 30));
}

void TestFeedServer::publishSerialized()
{
    FeedServer server({});
    QCOMPARE(server.publishSerialized("[1]", "transition", "wf"), quint64(0));
    QCOMPARE(server.publishSerialized("{}", "x", "wf"), quint64(1));
    QCOMPARE(server.publishSerialized(R"({"type":"transition","workflowId":"wf"})", "transition", "wf"), quint64(2));
    server.setNextSeq(10);
    server.setNextSeq(5); // never backwards
    QCOMPARE(server.publish(QJsonObject {{s("type"), s("x")}, {s("seq"), 999}}), quint64(10));
    QCOMPARE(server.latestSeq(), quint64(10));
    QCOMPARE(server.bufferedEvents(), 3);
}

void TestFeedServer::listenErrors()
{
    FeedServer first({});
    QVERIFY(first.listen(nullptr));
    FeedServerOptions options;
    options.port = first.port();
    FeedServer second(options);
    QString error;
    QVERIFY(!second.listen(&error));
    QVERIFY2(error.contains(QString::number(first.port())), qPrintable(error));

    options.port = 0;
    options.certificateFile = s("/nonexistent/cert.pem");
    options.privateKeyFile = s("/nonexistent/key.pem");
    FeedServer third(options);
    QVERIFY(!third.listen(&error));
    QVERIFY2(error.contains(s("/nonexistent/cert.pem")), qPrintable(error));
}

void TestFeedServer::secureWebSocket()
{
    TestCertificates certificates;
    QString certificateError;
    if (!certificates.create(&certificateError))
        QSKIP(qPrintable(certificateError));
    FeedServerOptions options;
    options.certificateFile = certificates.certificateFile();
    options.privateKeyFile = certificates.privateKeyFile();
    FeedServer server(options);
    QString error;
    QVERIFY2(server.listen(&error), qPrintable(error));
    QCOMPARE(server.url().scheme(), s("wss"));
    QCOMPARE(server.url().host(), s("localhost"));

    QSslConfiguration trusting = QSslConfiguration::defaultConfiguration();
    QVERIFY(trusting.addCaCertificates(certificates.caFile()));
    TestClient trusted(trusting);
    QVERIFY(trusted.open(server.url()));
    QVERIFY(trusted.sslErrors.isEmpty());
    QVERIFY(subscribeAndWait(server, trusted, {s("transition:*")}));
    server.publish(makeEvent("transition", "wf-1"));
    QVERIFY(trusted.waitForEvents(1));

    TestClient untrusted; // the system CAs only: the self-signed chain is refused
    QVERIFY(!untrusted.open(server.url()));
    QVERIFY(!untrusted.sslErrors.isEmpty());
    QVERIFY(untrusted.controls.isEmpty());
}

QTEST_GUILESS_MAIN(TestFeedServer)
#include "tst_feedserver.moc"
