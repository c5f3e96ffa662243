// EngineRecoveryClient against engines other than `statescope simulate`: a loopback HTTPS server
// signed by a throwaway CA (BARS S2), answering as other engines do (FastAPI's "detail",
// snake_case fields, proxies' HTML pages, redirects), and a server that never answers.
#include "enginerecoveryclient.h"
#include "testcertificates.h"

#include <QFile>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSslCertificate>
#include <QSslKey>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <optional>

using namespace StateScope;
using Outcome = EngineRecoveryReply::Outcome;

class TestEngineRecoveryClient : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void endpointKeepsThePrefixAndEncodesTheWorkflow();
    void sendsTheSpecRequest();
    void untrustedCertificateIsRefused();
    void certificateForAnotherHostIsRefused();
    void unreadableCaFileIsNotSent();
    void incompleteRequestsAreNotSent_data();
    void incompleteRequestsAreNotSent();
    void otherEnginesAnswers_data();
    void otherEnginesAnswers();
    void silentEngineTimesOut();
    void oneRequestAtATimeAndAbort();

private:
    struct Canned
    {
        int status = 200;
        QByteArray contentType = "application/json";
        QByteArray body;
        QByteArray location;
    };
    struct Received
    {
        QString workflowId;
        QByteArray authorization;
        QByteArray contentType;
        QByteArray body;
    };

    bool startServer(QHttpServer &server, const QHostAddress &address, quint16 *port, QString *error);
    EngineRecoveryRequest request(const QString &workflowId) const;
    static EngineRecoveryReply send(EngineRecoveryClient &client, const EngineRecoveryRequest &request);
    static EngineRecoveryReply send(const EngineRecoveryRequest &request)
    {
        EngineRecoveryClient client;
        return send(client, request);
    }

    TestCertificates m_certificates;
    QHttpServer m_server;
    QUrl m_base;
    QHash<QString, Canned> m_answers;
    std::vector<Received> m_received;
};

bool TestEngineRecoveryClient::startServer(QHttpServer &server, const QHostAddress &address, quint16 *port,
                                           QString *error)
{
    QFile certificate(m_certificates.certificateFile());
    QFile key(m_certificates.privateKeyFile());
    if (!certificate.open(QIODevice::ReadOnly) || !key.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read the test certificate");
        return false;
    }
    server.sslSetup(QSslCertificate(certificate.readAll()), QSslKey(key.readAll(), QSsl::Rsa));
    const auto answer = [this](const QString &workflowId, const QHttpServerRequest &request) {
        m_received.push_back(
            {workflowId, request.value("Authorization"), request.value("Content-Type"), request.body()});
        const Canned canned = m_answers.value(workflowId);
        QHttpServerResponse response(canned.contentType, canned.body, QHttpServerResponse::StatusCode(canned.status));
        if (!canned.location.isEmpty())
            response.setHeader("Location", canned.location);
        return response;
    };
    using Method = QHttpServerRequest::Method;
    server.route(QStringLiteral("/api/v1/workflow-state-analytics/states/<arg>/recover"), Method::Post, answer);
    server.route(QStringLiteral("/engine/api/v1/workflow-state-analytics/states/<arg>/recover"), Method::Post, answer);
    *port = server.listen(address);
    if (*port == 0)
        *error = QStringLiteral("cannot listen on %1").arg(address.toString());
    return *port != 0;
}

void TestEngineRecoveryClient::initTestCase()
{
    QString error;
    if (!m_certificates.create(&error))
        QSKIP(qPrintable(error));
    quint16 port = 0;
    QVERIFY2(startServer(m_server, QHostAddress::LocalHost, &port, &error), qPrintable(error));
    m_base = QUrl(QStringLiteral("https://127.0.0.1:%1").arg(port));
}

EngineRecoveryRequest TestEngineRecoveryClient::request(const QString &workflowId) const
{
    EngineRecoveryRequest r;
    r.baseUrl = m_base;
    r.caFile = m_certificates.caFile();
    r.bearerToken = "secret-token";
    r.workflowId = workflowId;
    r.executionId = QStringLiteral("exec-1");
    r.checkpointId = QStringLiteral("cp-1");
    r.reason = QStringLiteral("undo a bad deploy");
    r.actor = QStringLiteral("alice");
    r.expectedStateVersion = 7;
    return r;
}

EngineRecoveryReply TestEngineRecoveryClient::send(EngineRecoveryClient &client, const EngineRecoveryRequest &request)
{
    std::optional<EngineRecoveryReply> reply;
    const auto connection = connect(&client, &EngineRecoveryClient::finished, &client,
                                    [&reply](const EngineRecoveryReply &r) { reply = r; });
    client.recover(request);
    [[maybe_unused]] const bool answered = QTest::qWaitFor([&] { return reply.has_value(); }, 20000);
    disconnect(connection);
    return reply.value_or(EngineRecoveryReply {});
}

void TestEngineRecoveryClient::endpointKeepsThePrefixAndEncodesTheWorkflow()
{
    const auto endpoint = [](const char *base, const QString &workflow) {
        return EngineRecoveryClient::endpoint(QUrl(QLatin1String(base)), workflow).toString(QUrl::FullyEncoded);
    };
    QCOMPARE(endpoint("https://engine:8443", QStringLiteral("wf")),
             QStringLiteral("https://engine:8443/api/v1/workflow-state-analytics/states/wf/recover"));
    QCOMPARE(endpoint("https://engine/prefix/?q=1#f", QStringLiteral("a/b c?")),
             QStringLiteral("https://engine/prefix/api/v1/workflow-state-analytics/states/a%2Fb%20c%3F/recover"));
}

// The request on the wire is SPEC 5.4's: the path (with the base's prefix), the bearer token,
// and a JSON body with exactly the five fields.
void TestEngineRecoveryClient::sendsTheSpecRequest()
{
    m_answers.insert(QStringLiteral("wf 1"),
                     {200, "application/json", R"({"success":true,"recoveryId":"r-9","stateVersion":8})", {}});
    EngineRecoveryRequest r = request(QStringLiteral("wf 1"));
    r.baseUrl = m_base.resolved(QUrl(QStringLiteral("/engine/")));
    m_received.clear();
    const EngineRecoveryReply reply = send(r);
    QVERIFY2(reply.ok(), qPrintable(reply.summary));
    QCOMPARE(reply.recoveryId, QStringLiteral("r-9"));
    QCOMPARE(m_received.size(), size_t(1));
    const Received &got = m_received.front();
    QCOMPARE(got.workflowId, QStringLiteral("wf 1"));
    QCOMPARE(got.authorization, QByteArray("Bearer secret-token"));
    QCOMPARE(got.contentType, QByteArray("application/json"));
    const QJsonObject body = QJsonDocument::fromJson(got.body).object();
    QCOMPARE(body,
             (QJsonObject {{QStringLiteral("executionId"), QStringLiteral("exec-1")},
                           {QStringLiteral("checkpointId"), QStringLiteral("cp-1")},
                           {QStringLiteral("reason"), QStringLiteral("undo a bad deploy")},
                           {QStringLiteral("actor"), QStringLiteral("alice")},
                           {QStringLiteral("expectedStateVersion"), 7}}));
}

void TestEngineRecoveryClient::untrustedCertificateIsRefused()
{
    m_received.clear();
    EngineRecoveryRequest r = request(QStringLiteral("ours-200"));
    r.caFile.clear(); // the system's CAs do not know the test CA
    const EngineRecoveryReply reply = send(r);
    QCOMPARE(reply.outcome, Outcome::TlsError);
    QCOMPARE(reply.httpStatus, 0);
    QVERIFY2(reply.summary.startsWith(QLatin1String("TLS: the certificate of "))
                 && reply.summary.contains(QLatin1String("CA file")),
             qPrintable(reply.summary));
    QVERIFY2(reply.error.contains(QLatin1String("certificate"), Qt::CaseInsensitive), qPrintable(reply.error));
    QVERIFY(m_received.empty()); // the request never left the client
}

void TestEngineRecoveryClient::certificateForAnotherHostIsRefused()
{
    // The certificate names localhost and 127.0.0.1; the same server at 127.0.0.2 is another host.
    QHttpServer other;
    quint16 port = 0;
    QString error;
    if (!startServer(other, QHostAddress(QStringLiteral("127.0.0.2")), &port, &error))
        QSKIP(qPrintable(error));
    m_received.clear();
    EngineRecoveryRequest r = request(QStringLiteral("ours-200"));
    r.baseUrl = QUrl(QStringLiteral("https://127.0.0.2:%1").arg(port));
    const EngineRecoveryReply reply = send(r);
    QCOMPARE(reply.outcome, Outcome::TlsError);
    QVERIFY2(reply.error.contains(QLatin1String("host name"), Qt::CaseInsensitive), qPrintable(reply.error));
    QVERIFY(m_received.empty());
}

void TestEngineRecoveryClient::unreadableCaFileIsNotSent()
{
    EngineRecoveryRequest r = request(QStringLiteral("ours-200"));
    r.caFile = QStringLiteral("/nonexistent/ca.pem");
    const EngineRecoveryReply reply = send(r);
    QCOMPARE(reply.outcome, Outcome::NotSent);
    QCOMPARE(reply.error, QStringLiteral("/nonexistent/ca.pem: no CA certificate could be read"));
}

void TestEngineRecoveryClient::incompleteRequestsAreNotSent_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");
    QTest::newRow("no reason") << QStringLiteral("reason") << QStringLiteral("a reason is required");
    QTest::newRow("no version") << QStringLiteral("version") << QStringLiteral("the expected state version");
    QTest::newRow("no checkpoint") << QStringLiteral("checkpoint")
                                   << QStringLiteral("a workflow, an execution and a checkpoint");
    QTest::newRow("ftp url") << QStringLiteral("url") << QStringLiteral("is not an engine API URL");
    QTest::newRow("token with newline") << QStringLiteral("token") << QStringLiteral("control characters");
}

void TestEngineRecoveryClient::incompleteRequestsAreNotSent()
{
    QFETCH(QString, field);
    QFETCH(QString, message);
    EngineRecoveryRequest r = request(QStringLiteral("ours-200"));
    if (field == QLatin1String("reason"))
        r.reason = QStringLiteral("  ");
    else if (field == QLatin1String("version"))
        r.expectedStateVersion = -1;
    else if (field == QLatin1String("checkpoint"))
        r.checkpointId.clear();
    else if (field == QLatin1String("url"))
        r.baseUrl = QUrl(QStringLiteral("ftp://127.0.0.1/"));
    else
        r.bearerToken = "abc\r\nX-Injected: 1";
    m_received.clear();
    const EngineRecoveryReply reply = send(r);
    QCOMPARE(reply.outcome, Outcome::NotSent);
    QVERIFY2(reply.error.contains(message), qPrintable(reply.error));
    QVERIFY(m_received.empty());
}

void TestEngineRecoveryClient::otherEnginesAnswers_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("outcome");
    QTest::addColumn<QString>("recoveryId");
    QTest::addColumn<qint64>("stateVersion");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QString>("summaryHas");
    const QByteArray json = "application/json";
    QTest::newRow("ours-200, extra fields")
        << 200 << json
        << QByteArray(R"({"success":true,"recoveryId":"rec-1","stateVersion":8,"toState":"shipping",)"
                      R"("engine":"x","links":{"self":"/r"}})")
        << int(Outcome::Recovered) << QStringLiteral("rec-1") << qint64(8) << QString()
        << QStringLiteral("(state \"shipping\")");
    QTest::newRow("snake-200") << 200 << json << QByteArray(R"({"recovery_id":"rec-2","state_version":"9"})")
                               << int(Outcome::Recovered) << QStringLiteral("rec-2") << qint64(9) << QString()
                               << QStringLiteral("state version now 9");
    QTest::newRow("false-200") << 200 << json << QByteArray(R"({"success":false,"error":"engine busy"})")
                               << int(Outcome::Refused) << QString() << qint64(-1) << QStringLiteral("engine busy")
                               << QStringLiteral("failed");
    QTest::newRow("text-200") << 200 << QByteArray("text/plain") << QByteArray("OK") << int(Outcome::UnexpectedAnswer)
                              << QString() << qint64(-1) << QStringLiteral("OK")
                              << QStringLiteral("may have been applied");
    QTest::newRow("fastapi-400") << 400 << json << QByteArray(R"({"detail":"Invalid checkpoint id"})")
                                 << int(Outcome::BadRequest) << QString() << qint64(-1)
                                 << QStringLiteral("Invalid checkpoint id") << QStringLiteral("malformed");
    QTest::newRow("forbidden-403") << 403 << json << QByteArray(R"({"message":"token lacks the recover scope"})")
                                   << int(Outcome::NotAuthorized) << QString() << qint64(-1)
                                   << QStringLiteral("token lacks the recover scope") << QStringLiteral("HTTP 403");
    QTest::newRow("fastapi-404") << 404 << json << QByteArray(R"({"detail":"Checkpoint not found"})")
                                 << int(Outcome::NotFound) << QString() << qint64(-1)
                                 << QStringLiteral("Checkpoint not found") << QStringLiteral("exec-1");
    QTest::newRow("conflict-409") << 409 << json << QByteArray(R"({"error":"stale","currentStateVersion":12})")
                                  << int(Outcome::Conflict) << QString() << qint64(12) << QStringLiteral("stale")
                                  << QStringLiteral("state version 12, the preview showed 7");
    QTest::newRow("bare-409") << 409 << json << QByteArray("{}") << int(Outcome::Conflict) << QString() << qint64(-1)
                              << QString() << QStringLiteral("no longer 7");
    QTest::newRow("fastapi-422")
        << 422 << json
        << QByteArray(R"({"detail":[{"loc":["body","reason"],"msg":"field required","type":"value_error.missing"},)"
                      R"({"msg":"too long"}]})")
        << int(Outcome::Refused) << QString() << qint64(-1) << QStringLiteral("field required; too long")
        << QStringLiteral("refused");
    QTest::newRow("proxy-502") << 502 << QByteArray("text/html") << QByteArray("<html><body>Bad gateway</body></html>")
                               << int(Outcome::ServerError) << QString() << qint64(-1) << QString()
                               << QStringLiteral("HTTP 502");
    QTest::newRow("redirect-307") << 307 << json << QByteArray("{}") << int(Outcome::UnexpectedAnswer) << QString()
                                  << qint64(-1) << QStringLiteral("https://elsewhere.example/api")
                                  << QStringLiteral("redirects are not followed");
    QTest::newRow("teapot-418") << 418 << QByteArray("text/plain") << QByteArray("short\nand stout")
                                << int(Outcome::UnexpectedAnswer) << QString() << qint64(-1)
                                << QStringLiteral("short and stout") << QStringLiteral("HTTP 418");
}

void TestEngineRecoveryClient::otherEnginesAnswers()
{
    QFETCH(int, status);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(int, outcome);
    QFETCH(QString, recoveryId);
    QFETCH(qint64, stateVersion);
    QFETCH(QString, error);
    QFETCH(QString, summaryHas);
    const QString workflow = QString::fromLatin1(QTest::currentDataTag()).section(QLatin1Char(','), 0, 0);
    const QByteArray location = status / 100 == 3 ? QByteArray("https://elsewhere.example/api") : QByteArray();
    m_answers.insert(workflow, {status, contentType, body, location});
    const EngineRecoveryReply reply = send(request(workflow));
    QCOMPARE(int(reply.outcome), outcome);
    QCOMPARE(reply.httpStatus, status);
    QCOMPARE(reply.recoveryId, recoveryId);
    QCOMPARE(reply.stateVersion, stateVersion);
    QCOMPARE(reply.error, error);
    QVERIFY2(reply.summary.contains(summaryHas), qPrintable(reply.summary));
    QVERIFY(!reply.summary.contains(QLatin1Char('\n')));
}

void TestEngineRecoveryClient::silentEngineTimesOut()
{
    QTcpServer silent; // accepts, never answers
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    EngineRecoveryRequest r = request(QStringLiteral("wf"));
    r.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(silent.serverPort()));
    r.timeoutMs = 300;
    const EngineRecoveryReply reply = send(r);
    QCOMPARE(reply.outcome, Outcome::TimedOut);
    QCOMPARE(reply.httpStatus, 0);
    QVERIFY2(reply.summary.contains(QLatin1String("within 0.3 s"))
                 && reply.summary.contains(QLatin1String("may or may not")),
             qPrintable(reply.summary));
}

void TestEngineRecoveryClient::oneRequestAtATimeAndAbort()
{
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    EngineRecoveryRequest r = request(QStringLiteral("wf"));
    r.baseUrl = QUrl(QStringLiteral("http://localhost:%1").arg(silent.serverPort()));
    EngineRecoveryClient client;
    std::vector<EngineRecoveryReply> replies;
    connect(&client, &EngineRecoveryClient::finished, &client,
            [&replies](const EngineRecoveryReply &reply) { replies.push_back(reply); });
    client.recover(r);
    QVERIFY(client.isBusy());
    client.recover(r);
    // The first request reaches the engine, which never answers.
    QVERIFY(QTest::qWaitFor([&] { return silent.hasPendingConnections(); }, 5000));
    QTcpSocket *engine = silent.nextPendingConnection();
    QByteArray received;
    QVERIFY(QTest::qWaitFor(
        [&] {
            received += engine->readAll();
            return received.contains("\"expectedStateVersion\":7") && received.endsWith('}'); // the whole body
        },
        5000));
    client.abort();
    QVERIFY(!client.isBusy());
    QVERIFY(QTest::qWaitFor([&] { return replies.size() == 2; }, 5000));
    QTest::qWait(50);
    QCOMPARE(replies.size(), size_t(2));
    const bool cancelledFirst = replies[0].outcome == Outcome::Cancelled;
    const EngineRecoveryReply &cancelled = replies[cancelledFirst ? 0 : 1];
    const EngineRecoveryReply &refused = replies[cancelledFirst ? 1 : 0];
    QCOMPARE(cancelled.outcome, Outcome::Cancelled);
    QVERIFY(cancelled.summary.contains(QLatin1String("may or may not")));
    QCOMPARE(refused.outcome, Outcome::NotSent);
    QCOMPARE(refused.error, QStringLiteral("a recovery request is still in progress"));
}

QTEST_GUILESS_MAIN(TestEngineRecoveryClient)
#include "tst_enginerecoveryclient.moc"
