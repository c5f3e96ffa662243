// BARS R4 cost: what watching a loaded database costs while the dashboard shows it. Runs the
// SourceMonitor's probe (one count query) on SOURCE, first cold then RUNS times, and prints one
// JSON line: the first and median query times, the probe interval they lead to (5 s, or 20x the
// query on a big database) and the share of one core that takes.
//   bench_sourcemonitor SOURCE [RUNS]

#include "sourcemonitor.h"

#include <QCoreApplication>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace StateScope;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: bench_sourcemonitor SOURCE [RUNS]\n");
        return 2;
    }
    const int runs = args.size() > 2 ? std::max(1, args.at(2).toInt()) : 20;
    SourceMonitor monitor;
    std::vector<qint64> ms;
    qint64 first = -1;
    for (int i = 0; i <= runs; ++i) {
        QByteArray print;
        QString error;
        qint64 queryMs = 0;
        if (!monitor.probeOnce(args.at(1), &print, &queryMs, &error)) {
            std::fprintf(stderr, "bench_sourcemonitor: %s\n", qPrintable(error));
            return 1;
        }
        if (i == 0)
            first = queryMs;
        else
            ms.push_back(queryMs);
    }
    std::sort(ms.begin(), ms.end());
    const qint64 median = ms[ms.size() / 2];
    const qint64 interval = std::clamp<qint64>(20 * median, SourceMonitor::Options{}.probeIntervalMs, 120000);
    std::printf("{\"bench\":\"source_probe\",\"first_ms\":%lld,\"median_ms\":%lld,\"interval_ms\":%lld,"
                "\"core_share_pct\":%.2f}\n",
                static_cast<long long>(first), static_cast<long long>(median), static_cast<long long>(interval),
                100.0 * double(median) / double(interval));
    return 0;
}
