#include "feedservertestutil.h"
#include "testcertificates.h"

#include <QHostAddress>
#include <QTcpSocket>

using namespace StateScope;
using namespace StateScope::FeedServerTest;

// The feed server under bad or hostile conditions: bad requests, raw handshakes, bearer tokens,
// wss:// certificates, backpressure and clients that fall behind, ports it cannot listen on.
class TestFeedServerLimits : public QObject
{
    Q_OBJECT

private slots:
    void badMessages_data();
    void badMessages();
    void bearerToken();
    void rawHandshakes();
    void backpressureAndLaggingClient();
    void listenErrors();
    void secureWebSocket();
};

void TestFeedServerLimits::badMessages_data()
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

void TestFeedServerLimits::badMessages()
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

void TestFeedServerLimits::bearerToken()
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

void TestFeedServerLimits::rawHandshakes()
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

void TestFeedServerLimits::backpressureAndLaggingClient()
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

void TestFeedServerLimits::listenErrors()
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

void TestFeedServerLimits::secureWebSocket()
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

QTEST_GUILESS_MAIN(TestFeedServerLimits)
#include "tst_feedserverlimits.moc"
