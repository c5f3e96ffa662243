#include "watchcommand.h"

#include "analyzer.h"
#include "commandlinetools.h"
#include "eventstore.h"
#include "feedclient.h"
#include "feedingestor.h"
#include "feedrecorder.h"
#include "gapbackfill.h"
#include "sqlconnection.h"
#include "liveanalytics.h"
#include "memorybudget.h"
#include "reportjson.h"
#include "reporttext.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QThread>
#include <QTimer>

#include <cmath>

#include <sys/resource.h>

namespace StateScope {

namespace {

// Process CPU time (user + system, every thread) in microseconds.
qint64 processCpuUs()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return qint64(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000000 + usage.ru_utime.tv_usec + usage.ru_stime.tv_usec;
}

QJsonObject ingestJson(const FeedStats &s, double seconds, qint64 cpuUs, const std::vector<qint64> &backfilled)
{
    QJsonArray gaps;
    qint64 backfilledTotal = 0;
    for (size_t i = 0; i < s.gaps.size(); ++i) {
        const FeedGap &g = s.gaps[i];
        const qint64 filled = i < backfilled.size() ? backfilled[i] : -1;
        backfilledTotal += std::max<qint64>(0, filled);
        gaps.append(QJsonObject{{QStringLiteral("backfilledEvents"), filled < 0 ? QJsonValue() : QJsonValue(filled)},{QStringLiteral("afterSeq"), qint64(g.afterSeq)},
                                {QStringLiteral("resumedAtSeq"), qint64(g.resumedAtSeq)},
                                {QStringLiteral("from"), g.from == kUnknownTime ? QJsonValue() : QJsonValue(TimeUtil::formatUtcString(g.from))},
                                {QStringLiteral("to"), g.to == kUnknownTime ? QJsonValue() : QJsonValue(TimeUtil::formatUtcString(g.to))},
                                {QStringLiteral("missedEvents"), g.missedEvents < 0 ? QJsonValue() : QJsonValue(g.missedEvents)}});
    }
    QJsonObject problems;
    for (int p = 0; p < int(FeedProblem::Count); ++p)
        problems.insert(QString::fromLatin1(feedProblemName(FeedProblem(p))), qint64(s.problems[FeedProblem(p)]));
    return QJsonObject{{QStringLiteral("events"), qint64(s.events)},
                       {QStringLiteral("eventsPerS"), seconds > 0 ? double(s.events) / seconds : 0.0},
                       {QStringLiteral("malformed"), qint64(s.malformed())},
                       {QStringLiteral("unknownTypes"), qint64(s.unknownTypes())},
                       {QStringLiteral("duplicates"), qint64(s.duplicates)},
                       {QStringLiteral("gaps"), qint64(s.gaps.size())},
                       {QStringLiteral("reconnects"), qint64(s.reconnects)},
                       // Reading paused while the store and recording caught up (R3).
                       {QStringLiteral("backpressureWaitMs"), qint64(s.backpressureWaitMs)},
                       {QStringLiteral("gapDetails"), gaps},
                       {QStringLiteral("backfilled"), backfilledTotal},
                       {QStringLiteral("problems"), problems},
                       {QStringLiteral("frames"), qint64(s.frames)},
                       {QStringLiteral("bytes"), qint64(s.bytes)},
                       {QStringLiteral("firstSeq"), qint64(s.firstSeq)},
                       {QStringLiteral("lastSeq"), qint64(s.lastSeq)},
                       {QStringLiteral("seconds"), seconds},
                       // CPU of receiving, parsing, storing and folding into live analytics (BARS P1).
                       {QStringLiteral("cpuMs"), double(cpuUs) / 1000.0},
                       {QStringLiteral("cpuUsPerEvent"), s.events ? double(cpuUs) / double(s.events) : 0.0}};
}

QJsonObject memoryJson(const MemoryCounters &m, const QString &recording)
{
    return QJsonObject{{QStringLiteral("budgetBytes"), qint64(m.budgetBytes)},
                       {QStringLiteral("requestedBudgetBytes"), qint64(m.requestedBudgetBytes)},
                       {QStringLiteral("baselineBytes"), qint64(m.baselineBytes)},
                       {QStringLiteral("storeLimitBytes"), qint64(m.storeLimitBytes)},
                       {QStringLiteral("peakStoreBytes"), qint64(m.peakStoreBytes)},
                       {QStringLiteral("peakRssBytes"), qint64(MemoryBudget::peakResidentBytes())},
                       {QStringLiteral("compactions"), qint64(m.compactions)},
                       {QStringLiteral("summarizedExecutions"), qint64(m.summarizedExecutions)},
                       {QStringLiteral("summarizedTransitions"), qint64(m.summarizedTransitions)},
                       {QStringLiteral("summarizedRunning"), qint64(m.summarizedRunning)},
                       {QStringLiteral("compactionMs"), m.compactionMs},
                       {QStringLiteral("longestCompactionMs"), m.longestCompactionMs},
                       // Where the detail of summarized executions can still be read.
                       {QStringLiteral("detailKeptIn"), recording.isEmpty() ? QJsonValue() : QJsonValue(recording)}};
}

QString memoryText(const MemoryCounters &m, const QString &recording)
{
    const auto mib = [](quint64 bytes) { return QString::number(double(bytes) / double(1 << 20), 'f', 0); };
    QString out = QStringLiteral("  memory: budget %1 MiB, peak RSS %2 MiB").arg(mib(m.budgetBytes), mib(MemoryBudget::peakResidentBytes()));
    if (m.budgetBytes > m.requestedBudgetBytes)
        out += QStringLiteral(" (raised from %1 MiB: the process alone used %2 MiB)").arg(mib(m.requestedBudgetBytes), mib(m.baselineBytes));
    if (m.compactions == 0)
        return out + QLatin1Char('\n');
    out += QStringLiteral(", %1 older executions (%2 transitions) summarized in %3 compactions")
               .arg(m.summarizedExecutions).arg(m.summarizedTransitions).arg(m.compactions);
    if (m.summarizedRunning > 0)
        out += QStringLiteral(", %1 of them still running").arg(m.summarizedRunning);
    if (!recording.isEmpty())
        out += QStringLiteral("; their detail is in %1").arg(recording);
    return out + QLatin1Char('\n');
}

QString ingestText(const FeedStats &s, double seconds)
{
    QString out = QStringLiteral("Ingest\n  events: %1 in %2 s (%3/s), frames: %4, duplicates dropped: %5, reconnects: %6\n"
                                 "  malformed: %7, unknown types: %8, gaps: %9\n")
                      .arg(s.events).arg(seconds, 0, 'f', 1).arg(seconds > 0 ? double(s.events) / seconds : 0.0, 0, 'f', 0)
                      .arg(s.frames).arg(s.duplicates).arg(s.reconnects).arg(s.malformed()).arg(s.unknownTypes())
                      .arg(s.gaps.size());
    for (const FeedGap &g : s.gaps) {
        out += QStringLiteral("  gap after seq %1 until seq %2: %3 .. %4, %5 events missed\n")
                   .arg(g.afterSeq).arg(g.resumedAtSeq)
                   .arg(g.from == kUnknownTime ? QStringLiteral("?") : TimeUtil::formatUtcString(g.from),
                        g.to == kUnknownTime ? QStringLiteral("?") : TimeUtil::formatUtcString(g.to),
                        g.missedEvents < 0 ? QStringLiteral("unknown") : QString::number(g.missedEvents));
    }
    return out;
}

} // namespace

int WatchCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Ingests a live statescope-feed/1 feed and prints the report over what "
                                                    "arrived. The bearer token, if any, is read from STATESCOPE_FEED_TOKEN."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("FEED_URL"), QStringLiteral("ws:// or wss:// URL of the feed"));
    parser.addOption({QStringLiteral("duration"), QStringLiteral("Stop after this many seconds."), QStringLiteral("SECONDS")});
    parser.addOption({QStringLiteral("format"), QStringLiteral("Report format: text or json."), QStringLiteral("FORMAT"),
                      QStringLiteral("text")});
    parser.addOption({QStringLiteral("record"), QStringLiteral("Also record what arrives into this SQLite file (SPEC 2.1 schema)."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("backfill"), QStringLiteral("Fill gaps the server can no longer replay from this state "
                                                                 "database (SQLite file or postgresql:// URL)."),
                      QStringLiteral("SOURCE")});
    parser.addOption({QStringLiteral("ca-file"), QStringLiteral("Also trust this CA certificate (PEM) for wss://."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("memory-budget"), QStringLiteral("Memory for the whole process (default 1GiB, at least 48MiB). "
                                                                      "Past it the oldest executions are summarized: counts stay "
                                                                      "exact, their detail stays in the --record file if any."),
                      QStringLiteral("SIZE"), QStringLiteral("1GiB")});
    if (const std::optional<int> exitCode = Cli::parseArguments(parser, arguments))
        return *exitCode;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return Cli::fail(QStringLiteral("watch: expected one FEED_URL"));
    const QUrl url(positional.first(), QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != QLatin1String("ws") && url.scheme() != QLatin1String("wss")) || url.host().isEmpty())
        return Cli::fail(QStringLiteral("%1: not a feed URL (expected ws://HOST:PORT/... or wss://...)").arg(positional.first()));
    const QString format = parser.value(QStringLiteral("format"));
    if (format != QLatin1String("text") && format != QLatin1String("json"))
        return Cli::fail(QStringLiteral("--format: \"%1\" is not text or json").arg(format));
    double duration = 0;
    if (parser.isSet(QStringLiteral("duration"))) {
        bool ok = false;
        duration = parser.value(QStringLiteral("duration")).toDouble(&ok);
        if (!ok || !(duration > 0) || duration > 30.0 * 86400)
            return Cli::fail(QStringLiteral("--duration: \"%1\" is not a positive number of seconds")
                                 .arg(parser.value(QStringLiteral("duration"))));
    }

    QString sizeError;
    const std::optional<quint64> budgetBytes = MemoryBudget::parseSize(parser.value(QStringLiteral("memory-budget")), &sizeError);
    if (!budgetBytes)
        return Cli::fail(QStringLiteral("--memory-budget: ") + sizeError);

    FeedClientOptions options;
    options.url = url;
    // Events waiting for the store and the recording: about 1 KB each, 4% of the budget.
    options.inFlight = std::make_shared<FeedInFlight>(std::max<qint64>(4096, qint64(*budgetBytes / 25 / 1024)));
    options.bearerToken = qgetenv("STATESCOPE_FEED_TOKEN");
    options.caFile = parser.value(QStringLiteral("ca-file"));
    if (duration == 0)
        options.giveUpAfterMs = 60000; // no duration: a feed gone for a minute has closed for good

    FeedRecorder recorder;
    const bool recording = parser.isSet(QStringLiteral("record"));
    QString recordError;
    if (recording && !recorder.open(parser.value(QStringLiteral("record")), &recordError))
        return Cli::fail(QStringLiteral("--record: ") + recordError);

    std::unique_ptr<SqlConnection> backfillDb;
    if (parser.isSet(QStringLiteral("backfill"))) {
        QString error;
        backfillDb = openSqlConnection(locateSource(parser.value(QStringLiteral("backfill"))), true, &error);
        if (!backfillDb)
            return Cli::fail(QStringLiteral("--backfill: ") + error);
    }

    EventStore store;
    LiveAnalytics live; // the dashboard's ingest path folds into live analytics too
    FeedIngestor ingestor(store, &live);
    MemoryBudget budget(*budgetBytes); // its baseline is measured once the feed is connected
    QThread socketThread;
    socketThread.setObjectName(QStringLiteral("statescope-feed"));
    auto *client = new FeedClient(options);
    client->moveToThread(&socketThread);
    QObject::connect(&socketThread, &QThread::finished, client, &QObject::deleteLater);
    // Everything that reaches the store reaches the recording too, until it fails once.
    auto apply = [&](const std::vector<FeedEvent> &events) {
        ingestor.apply(events);
        if (recording && recordError.isEmpty() && !recorder.record(events)) {
            recordError = recorder.error();
            Cli::warn(QStringLiteral("--record: %1; the recording stops here").arg(recordError));
        }
        budget.enforce(store);
    };
    QObject::connect(client, &FeedClient::eventsReceived, QCoreApplication::instance(),
                     [&apply, inFlight = options.inFlight](const FeedBatch &batch) {
                         apply(*batch);
                         inFlight->acknowledge(qint64(batch->size()));
                     }, Qt::QueuedConnection);
    QObject::connect(client, &FeedClient::errorOccurred, QCoreApplication::instance(),
                     [](const QString &message) { Cli::warn(message); }, Qt::QueuedConnection);
    std::vector<qint64> backfilled; // per gap, in order: events read from the database
    QObject::connect(client, &FeedClient::gapDetected, QCoreApplication::instance(), [&](const FeedGap &gap) {
        if (!backfillDb) {
            backfilled.push_back(-1);
            return;
        }
        std::vector<FeedEvent> events;
        QString error;
        if (!GapBackfill(*backfillDb).read(gap.from, gap.to, &events, &error)) {
            Cli::warn(QStringLiteral("--backfill: %1").arg(error));
            backfilled.push_back(-1);
            return;
        }
        apply(events);
        backfilled.push_back(qint64(events.size()));
        Cli::warn(QStringLiteral("gap after seq %1 filled with %2 transitions from the database").arg(gap.afterSeq).arg(events.size()));
    }, Qt::QueuedConnection);
    bool everConnected = false;
    QObject::connect(client, &FeedClient::stateChanged, QCoreApplication::instance(),
                     [&everConnected](FeedClient::State state, const QString &) {
                         everConnected = everConnected || state == FeedClient::State::Connected;
                     }, Qt::QueuedConnection);
    FeedStats stats;
    QString endReason;
    QObject::connect(client, &FeedClient::finished, QCoreApplication::instance(),
                     [&](const QString &why, const FeedStats &finalStats) {
                         stats = finalStats;
                         endReason = why;
                         QCoreApplication::quit();
                     }, Qt::QueuedConnection);
    QElapsedTimer elapsed;
    elapsed.start();
    const qint64 cpuAtStart = processCpuUs();
    socketThread.start();
    QMetaObject::invokeMethod(client, &FeedClient::start, Qt::QueuedConnection);
    if (duration > 0)
        QTimer::singleShot(std::chrono::milliseconds(qint64(duration * 1000)), QCoreApplication::instance(),
                           [client] { QMetaObject::invokeMethod(client, &FeedClient::stop, Qt::QueuedConnection); });
    // Ctrl+C or SIGTERM ends the watch like --duration does: with the report over what arrived.
    Cli::onInterrupt([client] { QMetaObject::invokeMethod(client, &FeedClient::stop, Qt::QueuedConnection); });
    QCoreApplication::exec();
    const double seconds = double(elapsed.elapsed()) / 1000.0;
    socketThread.quit();
    socketThread.wait();
    QCoreApplication::processEvents(); // the last queued batches
    const qint64 ingestCpuUs = processCpuUs() - cpuAtStart;

    if (!everConnected)
        return Cli::fail(QStringLiteral("%1: could not connect (%2)").arg(url.toDisplayString(), endReason));
    AnalysisOptions analysisOptions;
    analysisOptions.sourceLabel = url.toDisplayString();
    const AnalysisReport report = analyze(store, analysisOptions);
    // Summarized detail is still in the recording, unless the recording failed.
    const QString detailKeptIn = recording && recordError.isEmpty() ? parser.value(QStringLiteral("record")) : QString();
    if (format == QLatin1String("json")) {
        QJsonObject json = reportToJson(report);
        QJsonObject ingest = ingestJson(stats, seconds, ingestCpuUs, backfilled);
        ingest.insert(QStringLiteral("memory"), memoryJson(budget.counters(), detailKeptIn));
        ingest.insert(QStringLiteral("transitions"), qint64(ingestor.counters().transitions)); // applied to the store
        json.insert(QStringLiteral("ingest"), ingest);
        Cli::printOut(QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Indented)));
    } else {
        Cli::printOut(ingestText(stats, seconds) + memoryText(budget.counters(), detailKeptIn) + QLatin1Char('\n')
                      + reportToText(report));
    }
    return Cli::kExitOk;
}

} // namespace StateScope
