// EngineRecoveryClient against `statescope simulate` run as a process: the engine's REST API
// (SPEC 5.4), its feed (the recovery_* events, SPEC 4) and its database, where the Recovery
// pane's preview takes the state version from.
#include "enginerecoveryclient.h"
#include "feedclient.h"
#include "livetestutil.h"
#include "sqliteconnection.h"

#include <QFile>
#include <QHash>
#include <QNetworkInterface>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <optional>

using namespace StateScope;

namespace {
const QByteArray kToken = "engine-test-token";
const QString kUnknownId = QStringLiteral("00000000-0000-4000-8000-000000000000");
} // namespace

class TestEngineRecovery : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void recoversAndTheFeedReportsIt();
    void staleVersionIsAConflict();
    void unknownCheckpointIsNotFound();
    void unrecoverableCheckpointIsRefused();
    void wrongTokenIsNotAuthorized_data();
    void wrongTokenIsNotAuthorized();
    void plainHttpToARemoteHostIsRefusedBeforeSending();
    void closedPortIsConnectionRefused();

private:
    struct Checkpoint
    {
        QString id;
        bool recoverable = true;
    };
    struct Execution
    {
        QString id;
        QString workflowId;
        std::vector<Checkpoint> checkpoints;
        bool finished = false;
        bool used = false; // each test takes its own execution
    };
    using Match = std::function<const Checkpoint *(const Execution &)>;

    // An execution (not used by another test) with a checkpoint `match` picks, waiting for the feed to bring one.
    std::optional<std::pair<Execution, Checkpoint>> take(const Match &match, int timeoutMs = 10000);
    EngineRecoveryRequest request(const Execution &e, const QString &checkpointId, qint64 version,
                                  const QUrl &base = {}) const;
    static EngineRecoveryReply send(const EngineRecoveryRequest &request);
    // workflow_states.state_version: the version the Recovery pane's preview shows.
    qint64 databaseVersion(const QString &executionId) const;
    qint64 recoveryRows(const QString &executionId, const QString &recoveryId = {}) const;
    const FeedEvent *recoveryEvent(FeedEventType type, const QByteArray &recoveryId) const;

    QTemporaryDir m_dir;
    QProcess m_simulate;
    QUrl m_api;
    std::unique_ptr<FeedClient> m_feed;
    QHash<QString, Execution> m_executions;
    std::vector<FeedEvent> m_recoveryEvents;
    std::unique_ptr<SqliteConnection> m_db;
};

void TestEngineRecovery::initTestCase()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("STATESCOPE_ENGINE_TOKEN"), QString::fromLatin1(kToken));
    m_simulate.setProcessEnvironment(env);
    const QString db = m_dir.filePath(QStringLiteral("engine.sqlite"));
    // --duration bounds an engine a crashed test would leave behind.
    const QUrl feed = LiveTest::startSimulate(m_simulate,
                                              {QStringLiteral("simulate"), QStringLiteral("--db"), db, QStringLiteral("--rate"),
                                               QStringLiteral("200"), QStringLiteral("--dwell-scale"), QStringLiteral("0.01"),
                                               QStringLiteral("--duration"), QStringLiteral("120")},
                                              &m_api);
    QVERIFY2(feed.isValid() && m_api.isValid(), m_simulate.readAllStandardError().constData());
    QCOMPARE(m_api.scheme(), QStringLiteral("http"));
    QVERIFY(EngineRecoveryClient::isLoopbackHost(m_api.host()));

    FeedClientOptions options;
    options.url = feed;
    options.topics = {QStringLiteral("checkpoint:*"), QStringLiteral("execution:*"), QStringLiteral("recovery:*")};
    m_feed = std::make_unique<FeedClient>(options);
    connect(m_feed.get(), &FeedClient::eventsReceived, this, [this](const FeedBatch &batch) {
        for (const FeedEvent &e : *batch) {
            const QString id = QString::fromUtf8(e.executionId);
            Execution &x = m_executions[id];
            x.id = id;
            x.workflowId = QString::fromUtf8(e.workflowId);
            if (e.type == FeedEventType::CheckpointCreated)
                x.checkpoints.push_back({QString::fromUtf8(e.checkpointId), e.recoverable});
            else if (e.type == FeedEventType::ExecutionCompleted || e.type == FeedEventType::ExecutionFailed)
                x.finished = true;
            else if (e.type == FeedEventType::RecoveryInitiated || e.type == FeedEventType::RecoveryCompleted)
                m_recoveryEvents.push_back(e);
        }
    });
    m_feed->start();

    QString error;
    QVERIFY(QTest::qWaitFor([&] { return QFile::exists(db); }, 5000));
    m_db = SqliteConnection::open(db, true, false, &error);
    QVERIFY2(m_db, qPrintable(error));
}

void TestEngineRecovery::cleanupTestCase()
{
    m_feed.reset();
    m_db.reset();
    if (m_simulate.state() != QProcess::NotRunning) {
        m_simulate.terminate(); // SIGTERM: simulate commits and ends cleanly
        if (!m_simulate.waitForFinished(10000))
            m_simulate.kill();
    }
}

std::optional<std::pair<TestEngineRecovery::Execution, TestEngineRecovery::Checkpoint>>
TestEngineRecovery::take(const Match &match, int timeoutMs)
{
    std::optional<std::pair<Execution, Checkpoint>> found;
    [[maybe_unused]] const bool taken = QTest::qWaitFor(
        [&] {
            for (Execution &e : m_executions) {
                if (const Checkpoint *c = e.used ? nullptr : match(e)) {
                    e.used = true;
                    found.emplace(e, *c);
                    return true;
                }
            }
            return false;
        },
        timeoutMs);
    return found;
}

EngineRecoveryRequest TestEngineRecovery::request(const Execution &e, const QString &checkpointId, qint64 version,
                                                  const QUrl &base) const
{
    EngineRecoveryRequest r;
    r.baseUrl = base.isEmpty() ? m_api : base;
    r.bearerToken = kToken;
    r.workflowId = e.workflowId;
    r.executionId = e.id;
    r.checkpointId = checkpointId;
    r.reason = QStringLiteral("test: roll back a bad step");
    r.actor = QStringLiteral("tst_enginerecovery");
    r.expectedStateVersion = version;
    return r;
}

EngineRecoveryReply TestEngineRecovery::send(const EngineRecoveryRequest &request)
{
    EngineRecoveryClient client;
    std::optional<EngineRecoveryReply> reply;
    connect(&client, &EngineRecoveryClient::finished, &client, [&reply](const EngineRecoveryReply &r) { reply = r; });
    client.recover(request);
    if (!QTest::qWaitFor([&] { return reply.has_value(); }, 20000))
        return EngineRecoveryReply {};
    return *reply;
}

qint64 TestEngineRecovery::databaseVersion(const QString &executionId) const
{
    QString error;
    auto q = m_db->prepare("SELECT state_version FROM workflow_states WHERE execution_id = $1", &error);
    if (!q)
        return -1;
    q->bindText(1, executionId.toUtf8());
    return q->next() ? q->int64(0) : -1;
}

qint64 TestEngineRecovery::recoveryRows(const QString &executionId, const QString &recoveryId) const
{
    QString error;
    auto q = m_db->prepare(
        "SELECT count(*) FROM state_recovery_log r JOIN workflow_states s ON s.id = r.workflow_state_id "
        "WHERE s.execution_id = $1 AND ($2 = '' OR r.id = $2) AND r.success = 1",
        &error);
    if (!q)
        return -1;
    q->bindText(1, executionId.toUtf8());
    q->bindText(2, recoveryId.toUtf8());
    return q->next() ? q->int64(0) : -1;
}

const FeedEvent *TestEngineRecovery::recoveryEvent(FeedEventType type, const QByteArray &recoveryId) const
{
    for (const FeedEvent &e : m_recoveryEvents) {
        if (e.type == type && e.recoveryId == recoveryId)
            return &e;
    }
    return nullptr;
}

// The round trip the Recovery pane makes: the version from the database, the request, the
// answer, then the engine's feed and database telling the same story.
void TestEngineRecovery::recoversAndTheFeedReportsIt()
{
    // A finished execution: its version no longer moves while the test reads it.
    const auto picked = take([](const Execution &e) -> const Checkpoint * {
        for (const Checkpoint &c : e.checkpoints) {
            if (e.finished && c.recoverable)
                return &c;
        }
        return nullptr;
    });
    QVERIFY2(picked, "no finished execution with a recoverable checkpoint on the feed");
    const auto &[execution, checkpoint] = *picked;
    const qint64 version = databaseVersion(execution.id);
    QVERIFY(version > 0);

    const EngineRecoveryReply reply = send(request(execution, checkpoint.id, version));
    QVERIFY2(reply.ok(), qPrintable(reply.summary));
    qInfo() << reply.summary;
    QCOMPARE(reply.httpStatus, 200);
    QVERIFY(!reply.recoveryId.isEmpty());
    QCOMPARE(reply.stateVersion, version + 1);
    QVERIFY(!reply.toState.isEmpty());
    QVERIFY(reply.error.isEmpty());
    QCOMPARE(reply.executionId, execution.id);
    QCOMPARE(reply.checkpointId, checkpoint.id);
    QVERIFY2(reply.summary.contains(reply.recoveryId) && reply.summary.startsWith(QLatin1String("Recovered")),
             qPrintable(reply.summary));

    // The feed carries the recovery, with what was asked.
    const QByteArray recoveryId = reply.recoveryId.toUtf8();
    QVERIFY2(
        QTest::qWaitFor([&] { return recoveryEvent(FeedEventType::RecoveryCompleted, recoveryId) != nullptr; }, 10000),
        "no recovery_completed on the feed");
    const FeedEvent *initiated = recoveryEvent(FeedEventType::RecoveryInitiated, recoveryId);
    QVERIFY(initiated);
    QCOMPARE(initiated->actor, QByteArray("tst_enginerecovery"));
    QCOMPARE(initiated->reason, QByteArray("test: roll back a bad step"));
    const FeedEvent *completed = recoveryEvent(FeedEventType::RecoveryCompleted, recoveryId);
    QCOMPARE(completed->executionId, execution.id.toUtf8());
    QCOMPARE(completed->workflowId, execution.workflowId.toUtf8());
    QCOMPARE(completed->checkpointId, checkpoint.id.toUtf8());
    QCOMPARE(completed->stateName, reply.toState.toUtf8());
    QCOMPARE(completed->success, 1);
    // ... and the database: the engine commits before it sends, so the rows are there.
    QCOMPARE(recoveryRows(execution.id, reply.recoveryId), qint64(1));
    QVERIFY(databaseVersion(execution.id) >= reply.stateVersion);
}

void TestEngineRecovery::staleVersionIsAConflict()
{
    const auto picked = take([](const Execution &e) -> const Checkpoint * {
        return e.finished && !e.checkpoints.empty() && e.checkpoints.front().recoverable ? &e.checkpoints.front()
                                                                                         : nullptr;
    });
    QVERIFY(picked);
    const auto &[execution, checkpoint] = *picked;
    const qint64 version = databaseVersion(execution.id);
    QVERIFY(version > 1);

    const EngineRecoveryReply reply = send(request(execution, checkpoint.id, version - 1));
    QCOMPARE(reply.outcome, EngineRecoveryReply::Outcome::Conflict);
    QCOMPARE(reply.httpStatus, 409);
    QCOMPARE(reply.stateVersion, version); // the engine says where the execution is now
    QVERIFY(reply.recoveryId.isEmpty());
    QVERIFY2(reply.summary.contains(QLatin1String("moved on")) && reply.summary.contains(QString::number(version)),
             qPrintable(reply.summary));
    QVERIFY2(reply.error.contains(QLatin1String("state version")), qPrintable(reply.error));
    // Nothing was applied: no recovery row, the version unchanged.
    QTest::qWait(100);
    QCOMPARE(recoveryRows(execution.id), qint64(0));
    QCOMPARE(databaseVersion(execution.id), version);
}

void TestEngineRecovery::unknownCheckpointIsNotFound()
{
    const auto picked = take([](const Execution &e) -> const Checkpoint * {
        return e.finished && !e.checkpoints.empty() ? &e.checkpoints.front() : nullptr;
    });
    QVERIFY(picked);
    const auto &[execution, checkpoint] = *picked;
    const qint64 version = databaseVersion(execution.id);

    const EngineRecoveryReply noCheckpoint = send(request(execution, kUnknownId, version));
    QCOMPARE(noCheckpoint.outcome, EngineRecoveryReply::Outcome::NotFound);
    QCOMPARE(noCheckpoint.httpStatus, 404);
    QCOMPARE(noCheckpoint.error, QStringLiteral("no such checkpoint for this execution"));
    QVERIFY2(noCheckpoint.summary.contains(kUnknownId), qPrintable(noCheckpoint.summary));

    Execution stranger = execution;
    stranger.id = kUnknownId;
    const EngineRecoveryReply noExecution = send(request(stranger, checkpoint.id, version));
    QCOMPARE(noExecution.outcome, EngineRecoveryReply::Outcome::NotFound);
    QCOMPARE(noExecution.error, QStringLiteral("no such execution in this workflow"));
    QCOMPARE(recoveryRows(execution.id), qint64(0));
}

void TestEngineRecovery::unrecoverableCheckpointIsRefused()
{
    // About 1 checkpoint in 20 is not recoverable.
    const auto picked = take(
        [](const Execution &e) -> const Checkpoint * {
            for (const Checkpoint &c : e.checkpoints) {
                if (!c.recoverable)
                    return &c;
            }
            return nullptr;
        },
        15000);
    if (!picked)
        QSKIP("the engine created no unrecoverable checkpoint in 15 s");
    const auto &[execution, checkpoint] = *picked;
    // A running execution moves on: take the version the engine names in its 409 and ask again.
    qint64 version = databaseVersion(execution.id);
    EngineRecoveryReply reply;
    for (int attempt = 0; attempt < 10; ++attempt) {
        reply = send(request(execution, checkpoint.id, version));
        if (reply.outcome != EngineRecoveryReply::Outcome::Conflict)
            break;
        version = reply.stateVersion;
    }
    QCOMPARE(reply.outcome, EngineRecoveryReply::Outcome::Refused);
    QCOMPARE(reply.httpStatus, 422);
    QCOMPARE(reply.error, QStringLiteral("the checkpoint is not recoverable"));
    QVERIFY2(reply.summary.contains(QLatin1String("refused")) && reply.summary.contains(reply.error),
             qPrintable(reply.summary));
    QCOMPARE(recoveryRows(execution.id), qint64(0));
}

void TestEngineRecovery::wrongTokenIsNotAuthorized_data()
{
    QTest::addColumn<QByteArray>("token");
    QTest::newRow("wrong token") << QByteArray("not-the-token");
    QTest::newRow("no token") << QByteArray();
}

void TestEngineRecovery::wrongTokenIsNotAuthorized()
{
    QFETCH(QByteArray, token);
    const auto picked = take([](const Execution &e) -> const Checkpoint * {
        return e.finished && !e.checkpoints.empty() && e.checkpoints.front().recoverable ? &e.checkpoints.front()
                                                                                         : nullptr;
    });
    QVERIFY(picked);
    const auto &[execution, checkpoint] = *picked;
    EngineRecoveryRequest r = request(execution, checkpoint.id, databaseVersion(execution.id));
    r.bearerToken = token;
    const EngineRecoveryReply reply = send(r);
    QCOMPARE(reply.outcome, EngineRecoveryReply::Outcome::NotAuthorized);
    QCOMPARE(reply.httpStatus, 401);
    QCOMPARE(reply.error, QStringLiteral("missing or wrong bearer token"));
    QVERIFY2(reply.summary.contains(QLatin1String("Not authorized")), qPrintable(reply.summary));
    QCOMPARE(recoveryRows(execution.id), qint64(0));
}

// The token must not travel in clear: a plain http:// URL to a host that is not loopback is
// refused before any connection. A listener on this machine's own non-loopback address proves
// that nothing connected.
void TestEngineRecovery::plainHttpToARemoteHostIsRefusedBeforeSending()
{
    QHostAddress remote;
    for (const QHostAddress &a : QNetworkInterface::allAddresses()) {
        if (!a.isLoopback() && a.protocol() == QAbstractSocket::IPv4Protocol)
            remote = a;
    }
    QTcpServer listener;
    QUrl base(QStringLiteral("http://engine.example.invalid:8080"));
    if (!remote.isNull() && listener.listen(remote))
        base = QUrl(QStringLiteral("http://%1:%2").arg(remote.toString()).arg(listener.serverPort()));
    qInfo() << "plain http:// to" << base.toString();

    Execution e;
    e.id = kUnknownId;
    e.workflowId = QStringLiteral("wf");
    const EngineRecoveryReply reply = send(request(e, kUnknownId, 1, base));
    QCOMPARE(reply.outcome, EngineRecoveryReply::Outcome::NotSent);
    QCOMPARE(reply.httpStatus, 0);
    QVERIFY2(reply.error.contains(QLatin1String("plain http://")) && reply.error.contains(QLatin1String("in clear"))
                 && reply.error.contains(base.host()),
             qPrintable(reply.error));
    QVERIFY(reply.summary.startsWith(QLatin1String("Not sent")));
    QTest::qWait(200);
    QVERIFY(!listener.hasPendingConnections());
    // The same host over https:// would be sent; loopback names may use http://.
    QVERIFY(EngineRecoveryClient::isLoopbackHost(QStringLiteral("localhost")));
    QVERIFY(EngineRecoveryClient::isLoopbackHost(QStringLiteral("::1")));
    QVERIFY(!EngineRecoveryClient::isLoopbackHost(QStringLiteral("localhost.example.com")));
}

void TestEngineRecovery::closedPortIsConnectionRefused()
{
    quint16 port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        port = probe.serverPort();
    }
    Execution e;
    e.id = kUnknownId;
    e.workflowId = QStringLiteral("wf");
    const EngineRecoveryReply reply
        = send(request(e, kUnknownId, 1, QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port))));
    QCOMPARE(reply.outcome, EngineRecoveryReply::Outcome::NetworkError);
    QCOMPARE(reply.httpStatus, 0);
    QVERIFY2(reply.error.contains(QLatin1String("refused"), Qt::CaseInsensitive), qPrintable(reply.error));
    QVERIFY2(reply.summary.contains(QStringLiteral("Could not reach the engine at http://127.0.0.1:%1").arg(port)),
             qPrintable(reply.summary));
}

QTEST_GUILESS_MAIN(TestEngineRecovery)
#include "tst_enginerecovery.moc"
