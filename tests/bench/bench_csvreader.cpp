// BARS P4 (CSV): parse + ingest of a ~500 MB CSV event log, beside python3-pandas reading the
// same file and counting entries per state when pandas is installed.
//
//   bench_csvreader [--file PATH] [--mb N] [--runs N] [--chunk KiB]
//
// Generates the file once (default /tmp/statescope-bench/events.csv): a case id (UUID-like
// text), a state of ten, an RFC 3339 time and a resource column; time-ordered, with about 2,000
// cases open at a time, as an engine's log is. Prints one JSON line per figure (medians of
// --runs, the file warm in the page cache):
//   {"bench":"csv_read","mb":..,"seconds":..,"mb_per_s":..,"rows":..}      read + intern (CsvReader)
//   {"bench":"csv_load","mb":..,"seconds":..,"mb_per_s":..,"rows":..}      the same + building the store
//   {"bench":"csv_pandas","seconds":..,"ratio":..} or {"bench":"csv_pandas","skipped":".."}

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
#include <QProcess>
#include <QRandomGenerator>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace StateScope;

namespace {

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

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
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
            std::fprintf(stderr, "%lld rows, %u executions, %u transitions, %llu issues\n", qlonglong(rows),
                         store->executionCount(), store->transitionCount(), qulonglong(result.issueCount));
    }
    const double read = median(readSeconds), load = median(loadSeconds);
    std::printf("{\"bench\":\"csv_read\",\"mb\":%.1f,\"seconds\":%.3f,\"mb_per_s\":%.1f,\"rows\":%lld}\n", mb, read,
                mb / read, qlonglong(rows));
    std::printf("{\"bench\":\"csv_load\",\"mb\":%.1f,\"seconds\":%.3f,\"mb_per_s\":%.1f,\"rows\":%lld}\n", mb, load,
                mb / load, qlonglong(rows));

    // The peer: pandas reads the file and counts entries per state (the same counts).
    const QString script
        = QStringLiteral("import sys, time\n"
                         "try:\n    import pandas\nexcept ImportError:\n    print('missing'); sys.exit(0)\n"
                         "best = []\n"
                         "for _ in range(int(sys.argv[2])):\n"
                         "    t = time.perf_counter()\n"
                         "    df = pandas.read_csv(sys.argv[1])\n"
                         "    counts = df.groupby('state').size()\n"
                         "    best.append(time.perf_counter() - t)\n"
                         "print(sorted(best)[len(best) // 2])\n");
    QProcess python;
    python.start(QStringLiteral("python3"), {QStringLiteral("-c"), script, path, QString::number(runs)});
    if (!python.waitForFinished(-1) || python.exitCode() != 0) {
        std::printf("{\"bench\":\"csv_pandas\",\"skipped\":\"python3 failed\"}\n");
        return 0;
    }
    const QByteArray answer = python.readAllStandardOutput().trimmed();
    bool ok = false;
    const double pandas = answer.toDouble(&ok);
    if (!ok) {
        std::printf("{\"bench\":\"csv_pandas\",\"skipped\":\"python3-pandas not installed\"}\n");
        return 0;
    }
    std::printf("{\"bench\":\"csv_pandas\",\"seconds\":%.3f,\"ratio\":%.2f}\n", pandas, pandas / load);
    return 0;
}
