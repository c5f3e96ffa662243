// BARS P4 (CSV): parse + ingest of a ~500 MB CSV event log, beside python3-pandas reading the
// same file and computing the same counts when pandas is installed.
//
//   bench_csvreader [--file PATH] [--mb N] [--runs N] [--chunk KiB] [--python PATH] [--no-pandas]
//
// Generates the file once (default /tmp/statescope-bench/events.csv): a case id (UUID-like
// text), a state of ten, an RFC 3339 time and a resource column; time-ordered, with about 2,000
// cases open at a time, as an engine's log is. Prints one JSON line per figure (medians of
// --runs, the file warm in the page cache):
//   {"bench":"csv_read","mb":..,"seconds":..,"mb_per_s":..,"rows":..}      read + intern (CsvReader)
//   {"bench":"csv_load","mb":..,"seconds":..,"mb_per_s":..,"rows":..}      the same + building the store
//   {"bench":"csv_counts","seconds":..,"pairs":..}   cases, entries per state, transitions per
//                                                   (from, to) pair, counted from the store
//   {"bench":"csv_pandas","seconds":..,"ours_seconds":..,"ratio":..,"same_counts":..}
//       pandas: read_csv, to_datetime, each case in time order, the same counts; ours_seconds is
//       csv_load + csv_counts, ratio = pandas / ours. Or {"bench":"csv_pandas","skipped":".."}.
//       Exits 1 when the counts differ.

#include "benchstats.h"
#include "caseentrybuilder.h"
#include "csvreader.h"
#include "eventstore.h"
#include "timeutil.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>

#include <algorithm>
#include <cstdio>
#include <map>
#include <vector>

using namespace StateScope;

namespace {

using StateScope::Bench::median;

bool generate(const QString &path, qint64 targetBytes)
{
    static const char *const kStates[] = {"received", "validated", "payment_pending", "paid",      "picking",
                                          "packed",   "shipped",   "delivered",       "cancelled", "refunded"};
    static const char *const kResources[] = {"ann", "bob", "cy", "dee", "system"};
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path + QStringLiteral(".part"));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    QRandomGenerator random(20260101);
    struct Open
    {
        QByteArray id;
        int step = 0;
        int length = 0;
    };
    std::vector<Open> open(2000);
    const auto fresh = [&random] {
        char id[40];
        std::snprintf(id, sizeof id, "%08x-%04x-4%03x-a%03x-%08x%04x", random.generate(), random.bounded(0x10000),
                      random.bounded(0x1000), random.bounded(0x1000), random.generate(), random.bounded(0x10000));
        return Open {QByteArray(id), 0, 4 + int(random.bounded(7))};
    };
    for (Open &o : open)
        o = fresh();
    TimeMs time = 1767225600000LL;
    QByteArray out = "case_id,state,timestamp,resource\n";
    qint64 written = 0;
    while (written + out.size() < targetBytes) {
        Open &o = open[random.bounded(quint32(open.size()))];
        const int state = o.step == 0 ? 0 : std::min(9, o.step + int(random.bounded(2)));
        time += random.bounded(40);
        out += o.id + ',' + kStates[state] + ',' + TimeUtil::formatUtc(time) + ',' + kResources[random.bounded(5)]
            + '\n';
        if (++o.step >= o.length)
            o = fresh();
        if (out.size() > (1 << 22)) {
            written += file.write(out);
            out.clear();
        }
    }
    written += file.write(out);
    file.close();
    QFile::remove(path);
    return file.rename(path);
}

// What both sides count: cases, entries per state, transitions per "from>to" pair.
struct LogCounts
{
    qint64 rows = 0;
    qint64 cases = 0;
    std::map<QByteArray, qint64> states;
    std::map<QByteArray, qint64> pairs;
};

LogCounts countStore(const EventStore &store)
{
    const quint32 stateCount = store.stateCount();
    std::vector<qint64> entries(stateCount, 0);
    std::vector<qint64> moves(size_t(stateCount) * stateCount, 0);
    for (ExecutionIndex e = 0; e < store.executionCount(); ++e) {
        const StateId first = store.executionInitialState(e);
        if (first != kNoState)
            ++entries[first];
    }
    for (quint32 t = 0; t < store.transitionCount(); ++t) {
        ++entries[store.transitionTo(t)];
        ++moves[size_t(store.transitionFrom(t)) * stateCount + store.transitionTo(t)];
    }
    LogCounts counts;
    counts.cases = store.executionCount();
    for (StateId s = 0; s < stateCount; ++s) {
        if (entries[s] > 0)
            counts.states[store.stateNameUtf8(s).toByteArray()] = entries[s];
        for (StateId to = 0; to < stateCount; ++to) {
            if (const qint64 n = moves[size_t(s) * stateCount + to])
                counts.pairs[store.stateNameUtf8(s).toByteArray() + '>' + store.stateNameUtf8(to).toByteArray()] = n;
        }
    }
    for (const auto &[state, n] : counts.states)
        counts.rows += n;
    return counts;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("file"), QStringLiteral("CSV file (generated if missing)"), QStringLiteral("path"),
                      QStringLiteral("/tmp/statescope-bench/events.csv")});
    parser.addOption(
        {QStringLiteral("mb"), QStringLiteral("size to generate"), QStringLiteral("MB"), QStringLiteral("500")});
    parser.addOption(
        {QStringLiteral("chunk"), QStringLiteral("read size (default: the reader's)"), QStringLiteral("KiB")});
    parser.addOption(
        {QStringLiteral("runs"), QStringLiteral("runs (median)"), QStringLiteral("n"), QStringLiteral("3")});
    parser.addOption({QStringLiteral("python"), QStringLiteral("interpreter with pandas"), QStringLiteral("path")});
    parser.addOption({QStringLiteral("no-pandas"), QStringLiteral("our figures only")});
    parser.process(app);
    const QString path = parser.value(QStringLiteral("file"));
    if (!QFileInfo::exists(path)) {
        std::fprintf(stderr, "generating %s\n", qPrintable(path));
        if (!generate(path, parser.value(QStringLiteral("mb")).toLongLong() * 1000 * 1000)) {
            std::fprintf(stderr, "cannot write %s\n", qPrintable(path));
            return 1;
        }
    }
    const double mb = double(QFileInfo(path).size()) / 1e6;
    const int runs = std::max(1, parser.value(QStringLiteral("runs")).toInt());

    std::vector<double> readSeconds, loadSeconds;
    qint64 rows = 0;
    std::shared_ptr<EventStore> lastStore;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        CaseEntryBuilder builder;
        CsvReader reader;
        if (parser.isSet(QStringLiteral("chunk")))
            reader.setChunkSize(parser.value(QStringLiteral("chunk")).toLongLong() * 1024);
        LoadResult result;
        if (!reader.read(path, builder, &result)) {
            std::fprintf(stderr, "%s\n", qPrintable(result.error));
            return 1;
        }
        readSeconds.push_back(double(timer.nsecsElapsed()) / 1e9);
        rows = reader.rowsRead();
        const auto store = builder.build(QStringLiteral("events"));
        loadSeconds.push_back(double(timer.nsecsElapsed()) / 1e9);
        if (run == 0)
            std::fprintf(stderr, "%lld rows, %u executions, %u transitions, %llu issues, store %.1f MB\n",
                         qlonglong(rows), store->executionCount(), store->transitionCount(),
                         qulonglong(result.issueCount), double(store->memoryBytes()) / 1e6);
        lastStore = store;
    }
    const double read = median(readSeconds), load = median(loadSeconds);
    std::printf("{\"bench\":\"csv_read\",\"mb\":%.1f,\"seconds\":%.3f,\"mb_per_s\":%.1f,\"rows\":%lld}\n", mb, read,
                mb / read, qlonglong(rows));
    std::printf("{\"bench\":\"csv_load\",\"mb\":%.1f,\"seconds\":%.3f,\"mb_per_s\":%.1f,\"rows\":%lld}\n", mb, load,
                mb / load, qlonglong(rows));

    // Our counts, from the store the load built: the figures pandas computes below.
    QElapsedTimer countTimer;
    countTimer.start();
    const LogCounts ours = countStore(*lastStore);
    const double countSeconds = double(countTimer.nsecsElapsed()) / 1e9;
    std::printf("{\"bench\":\"csv_counts\",\"seconds\":%.3f,\"pairs\":%zu}\n", countSeconds, ours.pairs.size());

    if (parser.isSet(QStringLiteral("no-pandas")))
        return 0;
    // The peer: pandas reads the same file, puts each case's entries in time order (ties in file
    // order, as the builder does) and counts cases, entries per state and transitions per
    // (from, to) pair; the counts must equal ours.
    const QString script
        = QStringLiteral("import json, sys, time\n"
                         "try:\n    import pandas\nexcept ImportError:\n    print('missing'); sys.exit(0)\n"
                         "times = []\n"
                         "for _ in range(int(sys.argv[2])):\n"
                         "    t = time.perf_counter()\n"
                         "    df = pandas.read_csv(sys.argv[1], usecols=['case_id', 'state', 'timestamp'])\n"
                         "    df['timestamp'] = pandas.to_datetime(df['timestamp'], utc=True)\n"
                         "    df = df.sort_values('timestamp', kind='stable')\n"
                         "    previous = df.groupby('case_id', sort=False)['state'].shift()\n"
                         "    moves = pandas.DataFrame({'f': previous, 't': df['state']}).dropna()\n"
                         "    pairs = moves.groupby(['f', 't']).size()\n"
                         "    states = df['state'].value_counts()\n"
                         "    cases = df['case_id'].nunique()\n"
                         "    times.append(time.perf_counter() - t)\n"
                         "print(json.dumps({'seconds': sorted(times)[len(times) // 2], 'rows': len(df), 'cases': cases,\n"
                         "                  'states': {k: int(v) for k, v in states.items()},\n"
                         "                  'pairs': {f + '>' + t: int(v) for (f, t), v in pairs.items()}}))\n");
    // Debian's interpreter has python3-pandas; a python3 earlier on PATH (pyenv, venv) may not.
    const QString python = parser.isSet(QStringLiteral("python")) ? parser.value(QStringLiteral("python"))
        : QFileInfo::exists(QStringLiteral("/usr/bin/python3"))   ? QStringLiteral("/usr/bin/python3")
                                                                  : QStringLiteral("python3");
    QProcess process;
    process.start(python, {QStringLiteral("-c"), script, path, QString::number(runs)});
    if (!process.waitForFinished(-1) || process.exitCode() != 0) {
        std::printf("{\"bench\":\"csv_pandas\",\"skipped\":\"python3 failed\"}\n");
        return 0;
    }
    const QJsonObject answer = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
    if (!answer.contains(QStringLiteral("seconds"))) {
        std::printf("{\"bench\":\"csv_pandas\",\"skipped\":\"python3-pandas not installed\"}\n");
        return 0;
    }
    LogCounts theirs;
    theirs.rows = answer.value(QStringLiteral("rows")).toInteger();
    theirs.cases = answer.value(QStringLiteral("cases")).toInteger();
    const QJsonObject states = answer.value(QStringLiteral("states")).toObject();
    for (auto it = states.begin(); it != states.end(); ++it)
        theirs.states[it.key().toUtf8()] = it.value().toInteger();
    const QJsonObject pairs = answer.value(QStringLiteral("pairs")).toObject();
    for (auto it = pairs.begin(); it != pairs.end(); ++it)
        theirs.pairs[it.key().toUtf8()] = it.value().toInteger();
    const bool same = theirs.rows == rows && theirs.cases == ours.cases && theirs.states == ours.states
        && theirs.pairs == ours.pairs;
    const double pandas = answer.value(QStringLiteral("seconds")).toDouble();
    const double total = load + countSeconds;
    std::printf("{\"bench\":\"csv_pandas\",\"seconds\":%.3f,\"ours_seconds\":%.3f,\"ratio\":%.2f,"
                "\"same_counts\":%s}\n",
                pandas, total, pandas / total, same ? "true" : "false");
    return same ? 0 : 1;
}
