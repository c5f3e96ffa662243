#include "simulatecommand.h"

#include "commandlinetools.h"
#include "definitionparser.h"
#include "enginehttpapi.h"
#include "feedlog.h"
#include "feedserver.h"
#include "pgconnection.h"
#include "schemainstaller.h"
#include "simulatedengine.h"
#include "sqliteconnection.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTimer>


namespace StateScope {

namespace {

bool parseHostPort(const QString &text, QHostAddress *address, quint16 *port)
{
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon < 0)
        return false;
    QString host = text.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const uint p = text.mid(colon + 1).toUInt(&ok);
    if (!ok || p > 65535)
        return false;
    *address = host == QLatin1String("localhost") ? QHostAddress(QHostAddress::LocalHost) : QHostAddress(host);
    *port = quint16(p);
    return !address->isNull();
}

bool positiveNumber(const QCommandLineParser &parser, const QString &name, double *out, QString *error)
{
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    *out = parser.value(name).toDouble(&ok);
    if (!ok || !(*out > 0)) {
        *error = QStringLiteral("--%1: \"%2\" is not a positive number").arg(name, parser.value(name));
        return false;
    }
    return true;
}

std::unique_ptr<SqlConnection> openDatabase(const QString &source, QString *error)
{
    std::unique_ptr<SqlConnection> c;
    if (source.startsWith(QLatin1String("postgres"))) {
        c = PgConnection::open(source, false, error);
    } else {
        auto sqlite = SqliteConnection::open(source, false, true, error);
        // WAL: a dashboard or analyze can read the file while the engine writes it.
        if (sqlite && !sqlite->execScript("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;", error))
            sqlite.reset();
        c = std::move(sqlite);
    }
    if (c && !installSchema(*c, error))
        return nullptr;
    return c;
}

// The seed for a run on this database: the given one, or, when the database already holds a run
// with it (a restart, or a second run on the same file), the first seed derived from it that no
// run used. Ids and the state_machines row (name, "sim-SEED") come from the seed: they then
// never collide with the earlier runs' rows.
bool unusedSeed(SqlConnection &db, const QString &machineName, quint64 *seed, QString *error)
{
    auto q = db.prepare("SELECT 1 FROM state_machines WHERE name = $1 AND version = $2", error);
    if (!q)
        return false;
    for (int attempt = 0; attempt < 1000; ++attempt) {
        q->reset();
        q->bindText(1, machineName.toUtf8());
        q->bindText(2, QByteArray("sim-" + QByteArray::number(*seed)));
        if (!q->next()) {
            if (!q->error().isEmpty()) {
                *error = q->error();
                return false;
            }
            return true;
        }
        *seed = *seed * 6364136223846793005ULL + 1442695040888963407ULL; // the next seed (an LCG step)
    }
    *error = QStringLiteral("no unused seed after 1000 runs");
    return false;
}

} // namespace

int SimulateCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Runs a simulated workflow engine: executions of a state machine, written to a database and published as a "
        "statescope-feed/1 server, with checkpoints, replica consistency samples and a recovery REST API. Tokens: "
        "STATESCOPE_FEED_TOKEN (feed) and STATESCOPE_ENGINE_TOKEN (REST API), from the environment."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({
        {QStringLiteral("db"), QStringLiteral("Write to this SQLite file (created if missing) or postgresql:// URL."), QStringLiteral("SOURCE")},
        {QStringLiteral("listen"), QStringLiteral("Serve the feed on HOST:PORT (default 127.0.0.1:0, any free port)."), QStringLiteral("HOST:PORT")},
        {QStringLiteral("api-listen"), QStringLiteral("Serve the REST API on HOST:PORT (default: the feed's port + 1, or any free port when that one is taken)."), QStringLiteral("HOST:PORT")},
        {QStringLiteral("rate"), QStringLiteral("Events per second, approximately (default 200)."), QStringLiteral("EVENTS_PER_S")},
        {QStringLiteral("executions"), QStringLiteral("Start this many executions, then end when all have finished."), QStringLiteral("N")},
        {QStringLiteral("duration"), QStringLiteral("Stop after this many seconds."), QStringLiteral("SECONDS")},
        {QStringLiteral("seed"), QStringLiteral("Random seed (default 42; on a --db that already holds a run with it, a "
                                                "seed derived from it)."), QStringLiteral("N")},
        {QStringLiteral("definition"), QStringLiteral("Simulate this state machine definition instead of the built-in one."), QStringLiteral("FILE")},
        {QStringLiteral("dwell-scale"), QStringLiteral("Multiply mean dwell times (default 1; 0.01 runs 100x faster)."), QStringLiteral("X")},
        {QStringLiteral("failure-scale"), QStringLiteral("Multiply the probability of failures and retries (default 1)."), QStringLiteral("X")},
        {QStringLiteral("cert"), QStringLiteral("Serve wss:// with this certificate (PEM); needs --key."), QStringLiteral("FILE")},
        {QStringLiteral("key"), QStringLiteral("Private key (PEM) for --cert."), QStringLiteral("FILE")},
        {QStringLiteral("feed-log"), QStringLiteral("Keep a durable log of the feed in this SQLite file; a restarted simulate "
                                                    "resumes its clients from it. Without it, a restart on the same --db numbers "
                                                    "past the earlier run's seqs: clients are told resume_failed."), QStringLiteral("FILE")},
        {QStringLiteral("frame-events"), QStringLiteral("At most this many events per feed frame (default 100; 1 = one event per frame)."), QStringLiteral("N")},
    });
    if (const std::optional<int> exitCode = Cli::parseArguments(parser, arguments))
        return *exitCode;
    if (!parser.positionalArguments().isEmpty())
        return Cli::fail(QStringLiteral("simulate: unexpected argument \"%1\"").arg(parser.positionalArguments().first()));

    QString error;
    SimulationOptions options;
    double duration = 0, executions = 0, seed = 0;
    if (!positiveNumber(parser, QStringLiteral("rate"), &options.eventsPerSecond, &error)
        || !positiveNumber(parser, QStringLiteral("duration"), &duration, &error)
        || !positiveNumber(parser, QStringLiteral("executions"), &executions, &error)
        || !positiveNumber(parser, QStringLiteral("dwell-scale"), &options.dwellScale, &error)
        || !positiveNumber(parser, QStringLiteral("failure-scale"), &options.failureScale, &error))
        return Cli::fail(error);
    if (parser.isSet(QStringLiteral("seed"))) {
        bool ok = false;
        options.seed = parser.value(QStringLiteral("seed")).toULongLong(&ok);
        if (!ok)
            return Cli::fail(QStringLiteral("--seed: \"%1\" is not a number").arg(parser.value(QStringLiteral("seed"))));
    }
    Q_UNUSED(seed);
    options.executions = quint64(executions);

    MachineModel machine = MachineModel::orderProcessing();
    if (parser.isSet(QStringLiteral("definition"))) {
        const DefinitionParseResult d = parseDefinitionFile(parser.value(QStringLiteral("definition")));
        if (!d.ok())
            return Cli::fail(QStringLiteral("--definition: ") + d.error);
        if (d.definition.states.empty() && d.definition.transitions.empty())
            return Cli::fail(QStringLiteral("--definition: the machine has no states"));
        machine = MachineModel::fromDefinition(d.definition);
    }

    FeedServerOptions feedOptions;
    feedOptions.address = QHostAddress(QHostAddress::LocalHost);
    if (parser.isSet(QStringLiteral("listen"))
        && !parseHostPort(parser.value(QStringLiteral("listen")), &feedOptions.address, &feedOptions.port))
        return Cli::fail(QStringLiteral("--listen: \"%1\" is not HOST:PORT").arg(parser.value(QStringLiteral("listen"))));
    feedOptions.bearerToken = qgetenv("STATESCOPE_FEED_TOKEN");
    feedOptions.certificateFile = parser.value(QStringLiteral("cert"));
    feedOptions.privateKeyFile = parser.value(QStringLiteral("key"));
    if (parser.isSet(QStringLiteral("frame-events"))) {
        bool ok = false;
        feedOptions.maxBatchEvents = parser.value(QStringLiteral("frame-events")).toInt(&ok);
        if (!ok || feedOptions.maxBatchEvents < 1)
            return Cli::fail(QStringLiteral("--frame-events: \"%1\" is not a positive integer").arg(parser.value(QStringLiteral("frame-events"))));
    }
    if (feedOptions.certificateFile.isEmpty() != feedOptions.privateKeyFile.isEmpty())
        return Cli::fail(QStringLiteral("--cert and --key go together"));

    std::unique_ptr<SqlConnection> db;
    if (parser.isSet(QStringLiteral("db"))) {
        db = openDatabase(parser.value(QStringLiteral("db")), &error);
        if (!db)
            return Cli::fail(QStringLiteral("--db: ") + error);
    }
    FeedServer server(feedOptions);
    FeedLog feedLog;
    if (parser.isSet(QStringLiteral("feed-log"))) {
        if (!feedLog.open(parser.value(QStringLiteral("feed-log")), &error))
            return Cli::fail(QStringLiteral("--feed-log: ") + error);
        // A restart: the newest events go back into the resume buffer with their seqs, and new
        // executions get ids no earlier run used.
        const std::vector<FeedLog::Entry> entries = feedLog.newest(feedOptions.resumeBufferEvents, &error);
        if (!entries.empty()) {
            server.setNextSeq(entries.front().seq);
            for (const FeedLog::Entry &e : entries)
                server.publishSerialized(e.json, e.type, e.workflowId);
            server.setNextSeq(feedLog.lastSeq() + 1);
            options.seed ^= feedLog.lastSeq() * 0x9e3779b97f4a7c15ULL;
        }
    }
    if (db && !unusedSeed(*db, machine.definition().name, &options.seed, &error))
        return Cli::fail(QStringLiteral("--db: ") + error);
    if (db && !parser.isSet(QStringLiteral("feed-log"))) {
        // A restart without a log: number past every seq an earlier run on this database can
        // have sent, so that a client resuming with sinceSeq is told resume_failed instead of
        // being replayed other events under its seqs.
        quint64 used = 0;
        if (!SimulatedEngine::seqsUsedBound(*db, &used, &error))
            return Cli::fail(QStringLiteral("--db: ") + error);
        server.setNextSeq(used + 1);
    }
    if (!server.listen(&error))
        return Cli::fail(QStringLiteral("--listen: ") + error);
    SimulatedEngine engine(machine, options);
    engine.setFeedServer(&server);
    if (parser.isSet(QStringLiteral("feed-log")))
        engine.setFeedLog(&feedLog);
    if (db && !engine.setDatabase(db.get(), &error))
        return Cli::fail(QStringLiteral("--db: ") + error);
    EngineHttpApi api(engine, qgetenv("STATESCOPE_ENGINE_TOKEN"));
    QHostAddress apiAddress = feedOptions.address;
    quint16 apiPort = feedOptions.port ? quint16(feedOptions.port + 1) : 0;
    if (parser.isSet(QStringLiteral("api-listen"))
        && !parseHostPort(parser.value(QStringLiteral("api-listen")), &apiAddress, &apiPort))
        return Cli::fail(QStringLiteral("--api-listen: \"%1\" is not HOST:PORT").arg(parser.value(QStringLiteral("api-listen"))));
    // The default port (the feed's + 1) is a convenience: when something else holds it, any
    // free port does (the "api:" line says which). A port the user named must be that one.
    const bool apiPortChosen = parser.isSet(QStringLiteral("api-listen"));
    if (!api.listen(apiAddress, apiPort, &error) && (apiPortChosen || apiPort == 0 || !api.listen(apiAddress, 0, &error)))
        return Cli::fail(QStringLiteral("--api-listen: ") + error);

    // Ctrl+C and SIGTERM end the run cleanly: pending rows are committed.
    Cli::onInterrupt([] { QCoreApplication::quit(); });
    QObject::connect(&engine, &SimulatedEngine::errorOccurred, QCoreApplication::instance(),
                     [](const QString &message) { Cli::warn(message); });
    QObject::connect(&engine, &SimulatedEngine::allFinished, QCoreApplication::instance(), [] {
        QTimer::singleShot(200, QCoreApplication::instance(), [] { QCoreApplication::quit(); }); // let the last frames go out
    });
    if (duration > 0)
        QTimer::singleShot(std::chrono::milliseconds(qint64(duration * 1000)), QCoreApplication::instance(),
                           [] { QCoreApplication::quit(); });
    // An engine's log of who follows it: operators (and tests) see when a client is back.
    QObject::connect(&server, &FeedServer::subscribed, QCoreApplication::instance(),
                     [](const QStringList &topics, quint64 sinceSeq) {
                         Cli::printOut(QStringLiteral("subscribed: %1 %2\n")
                                           .arg(topics.join(QLatin1Char(',')),
                                                sinceSeq == FeedServer::kLiveOnly ? QStringLiteral("live")
                                                                                  : QStringLiteral("since %1").arg(sinceSeq)));
                     });
    Cli::printOut(QStringLiteral("feed: %1\napi: %2\n").arg(server.url().toString(), api.baseUrl().toString()));
    engine.start();
    QCoreApplication::exec();
    engine.stop();
    server.flush();
    const SimulationStats &s = engine.stats();
    Cli::printOut(QStringLiteral("simulated %1 events: %2 executions started, %3 finished, %4 transitions, %5 checkpoints, "
                                 "%6 recoveries%7\n")
                      .arg(s.events).arg(s.executionsStarted).arg(s.executionsFinished).arg(s.transitions)
                      .arg(s.checkpoints).arg(s.recoveries)
                      .arg(s.databaseErrors ? QStringLiteral(", %1 database errors").arg(s.databaseErrors) : QString()));
    // Clients see the end of the feed (and do not reconnect); give the close frames a moment.
    server.endFeed();
    QTimer::singleShot(300, QCoreApplication::instance(), [] { QCoreApplication::quit(); });
    QCoreApplication::exec();
    return s.databaseErrors ? Cli::kExitFailure : Cli::kExitOk;
}

} // namespace StateScope
