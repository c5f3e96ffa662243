// Benchmark for the probability matrix (BARS P6: a 200 × 200 heat map paints in ≤ 16 ms on an
// offscreen raster of 1920 × 1080). Prints one JSON line per figure, medians in milliseconds:
//   matrix_paint_200x200_ms     a full repaint, 200 states, 10,000 edges
//   matrix_paint_60x60_ms       a full repaint, 60 states (labels and numbers drawn)
//   matrix_setreport_200_ms     applying a live report of 200 states (recolor, no relayout)
//   matrix_edgedwell_1M_ms      the mean-dwell-per-edge walk over 1,000,000 transitions

#include "edgedwell.h"
#include "eventstore.h"
#include "matrixview.h"

#include <QApplication>
#include <QImage>
#include <QPainter>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <random>
#include <vector>

using namespace StateScope;

namespace {

// A workflow-shaped report: each row has a dominant next step, a few nearby forward moves and
// low-count jumps anywhere, `edges` distinct edges in all.
AnalysisReport denseReport(int states, int edges, unsigned seed)
{
    std::mt19937 rng(seed);
    AnalysisReport report;
    for (int i = 0; i < states; ++i) {
        AnalysisReport::StateRow row;
        row.name = QStringLiteral("State %1 %2")
                       .arg(i, 3, 10, QLatin1Char('0'))
                       .arg(i % 4 ? QStringLiteral("review") : QStringLiteral("validate order"));
        row.steadyState = std::uniform_real_distribution<double>(0.001, 0.02)(rng);
        row.timeShare = std::uniform_real_distribution<double>(0.001, 0.02)(rng);
        report.states.push_back(row);
    }
    const int perRow = edges / states;
    for (int i = 0; i < states; ++i) {
        std::vector<int> targets;
        targets.push_back((i + 1) % states);
        while (int(targets.size()) < perRow) {
            const int t = std::uniform_int_distribution<int>(0, states - 1)(rng);
            if (std::find(targets.begin(), targets.end(), t) == targets.end())
                targets.push_back(t);
        }
        std::sort(targets.begin(), targets.end());
        quint64 total = 0;
        std::vector<quint64> counts;
        for (int t : targets) {
            counts.push_back(t == (i + 1) % states ? 500 : std::uniform_int_distribution<quint64>(1, 30)(rng));
            total += counts.back();
        }
        for (size_t k = 0; k < targets.size(); ++k)
            report.edges.push_back({i, targets[k], counts[k], double(counts[k]) / double(total)});
    }
    return report;
}

double medianMs(int runs, const std::function<void()> &work)
{
    std::vector<double> times;
    for (int r = 0; r < runs; ++r) {
        const auto start = std::chrono::steady_clock::now();
        work();
        times.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

void report(const char *metric, double value)
{
    std::printf("{\"metric\":\"%s\",\"value\":%.3f,\"unit\":\"ms\",\"peer\":null,"
                "\"peerValue\":null,\"ratio\":null}\n",
                metric, value);
}

// With --save DIR, the measured frames are written there too, to look at.
QString g_saveDir;

double paintMs(const AnalysisReport &data)
{
    MatrixView view;
    view.resize(1920, 1080);
    view.setReport(data);
    QImage target(1920, 1080, QImage::Format_ARGB32_Premultiplied);
    view.render(&target); // warm up: pending resize, glyph caches
    const double ms = medianMs(31, [&] {
        QPainter painter(&target);
        view.render(&painter);
    });
    if (!g_saveDir.isEmpty())
        target.save(QStringLiteral("%1/bench-matrix-%2.png").arg(g_saveDir).arg(data.states.size()));
    return ms;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList args = QApplication::arguments();
    if (args.size() > 2 && args[1] == QLatin1String("--save"))
        g_saveDir = args[2];

    const AnalysisReport large = denseReport(200, 10000, 20240601u);
    report("matrix_paint_200x200_ms", paintMs(large));
    report("matrix_paint_60x60_ms", paintMs(denseReport(60, 900, 20240602u)));

    {
        MatrixView view;
        view.resize(1920, 1080);
        view.setReport(large);
        AnalysisReport live = large;
        int k = 0;
        report("matrix_setreport_200_ms", medianMs(31, [&] {
                   live.edges[size_t(k++ % 100)].count += 1; // names unchanged: a recolor only
                   view.setReport(live);
               }));
    }

    {
        EventStore store;
        std::mt19937 rng(7);
        std::uniform_int_distribution<int> state(0, 49);
        std::uniform_int_distribution<int> stay(10, 5000);
        QList<StateId> ids;
        for (int s = 0; s < 50; ++s)
            ids.append(store.internState(QByteArray(QByteArray("S") + QByteArray::number(s))));
        const quint32 workflow = store.ensureWorkflow("wf");
        for (int e = 0; e < 100000; ++e) {
            const ExecutionIndex x = store.addExecution(QByteArray(QByteArray("e") + QByteArray::number(e)), workflow,
                                                        e, ExecutionStatus::Completed);
            TimeMs t = e;
            StateId from = ids[state(rng)];
            for (int i = 0; i < 10; ++i) {
                const StateId to = ids[state(rng)];
                t += stay(rng);
                store.appendTransition(x, from, to, t, TransitionType::Normal);
                from = to;
            }
        }
        double sink = 0;
        report("matrix_edgedwell_1M_ms",
               medianMs(7, [&] { sink += double(EdgeDwell::compute(store).entries().size()); }));
        if (sink <= 0)
            std::fprintf(stderr, "warning: no edges\n");
    }
    return 0;
}
