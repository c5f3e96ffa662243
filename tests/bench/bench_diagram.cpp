// Benchmark for the state diagram (BARS P6): layout of a 200-state / 1,000-edge graph (from
// setReport until the layout is shown: Graphviz on the worker plus the view's path caches),
// and painting it offscreen at 1920x1080 (median of several view.render() into a QImage):
// fitted, after a live update of the counts, and zoomed in where the labels show.
// Prints one JSON line per figure.

#include "benchstats.h"
#include "diagramlayout.h"
#include "statediagramview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>

#include <algorithm>
#include <cstdio>
#include <random>
#include <set>
#include <vector>

using namespace StateScope;

namespace {

using StateScope::Bench::median;

// States 0..n-t-1 form the workflow, the last t are terminal. Each workflow state has its
// main next step, nearby forward skips, sometimes an exit, and a few rework edges back; rows
// are filled until there are exactly `edges` distinct edges.
AnalysisReport workflowReport(int states, int edges, unsigned seed)
{
    std::mt19937 rng(seed);
    const auto uniform = [&](int lo, int hi) {
        return std::uniform_int_distribution<int>(lo, hi)(rng);
    };
    const int terminals = 4;
    const int workflow = states - terminals;
    AnalysisReport report;
    for (int i = 0; i < states; ++i) {
        AnalysisReport::StateRow row;
        row.name = i < workflow ? QStringLiteral("step_%1").arg(i, 3, 10, QLatin1Char('0'))
                                : QStringLiteral("end_%1").arg(i - workflow);
        row.terminal = i >= workflow;
        row.executionsInState = quint64(uniform(0, 50));
        report.states.push_back(row);
    }
    std::set<std::pair<int, int>> pairs;
    for (int i = 0; i < workflow; ++i)
        pairs.insert({i, i + 1 < workflow ? i + 1 : workflow + uniform(0, terminals - 1)});
    while (int(pairs.size()) < edges) {
        const int i = uniform(0, workflow - 1);
        const int r = uniform(0, 9);
        int j = 0;
        if (r < 6)
            j = std::min(states - 1, i + uniform(2, 12));
        else if (r < 8)
            j = workflow + uniform(0, terminals - 1);
        else
            j = std::max(0, i - uniform(1, 10));
        pairs.insert({i, j});
    }
    std::vector<quint64> rowTotal(size_t(states), 0);
    for (const auto &[from, to] : pairs) {
        const quint64 count = to == from + 1 ? quint64(uniform(100, 400)) : quint64(uniform(1, 40));
        report.edges.push_back({from, to, count, 0});
        rowTotal[size_t(from)] += count;
    }
    for (AnalysisReport::Edge &e : report.edges)
        e.probability = double(e.count) / double(rowTotal[size_t(e.from)]);
    return report;
}

void print(const char *metric, double value)
{
    std::printf("{\"metric\": \"%s\", \"value\": %.2f, \"unit\": \"ms\", \"peer\": null, \"peerValue\": null, "
                "\"ratio\": null}\n",
                metric, value);
    std::fflush(stdout);
}

// From setReport() with a new shape until the view shows the new layout.
double timeLayout(StateDiagramView &view, const AnalysisReport &report)
{
    const int before = view.layoutCount();
    QElapsedTimer timer;
    timer.start();
    view.setReport(report);
    while (view.layoutCount() == before)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    return double(timer.nsecsElapsed()) / 1e6;
}

void wait(int ms)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
}

// Median of `runs` renders; with two reports, each run first sets the other one (a live update:
// same states and edges, new counts).
double timePaint(StateDiagramView &view, QImage &image, int runs, const AnalysisReport *a = nullptr,
                 const AnalysisReport *b = nullptr)
{
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        if (a && b)
            view.setReport(i % 2 ? *a : *b);
        view.render(&image);
        times.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    return median(times);
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);

    const AnalysisReport big = workflowReport(200, 1000, 1);
    AnalysisReport bigOther = big; // another shape: one edge fewer
    bigOther.edges.pop_back();
    AnalysisReport bigCounts = big; // the same shape, new counts (a live update)
    for (AnalysisReport::StateRow &s : bigCounts.states)
        s.executionsInState += 3;
    for (AnalysisReport::Edge &e : bigCounts.edges)
        e.count += 1;

    StateDiagramView view;
    view.resize(1920, 1080);
    std::vector<double> layouts;
    std::vector<double> graphviz;
    for (int i = 0; i < 5; ++i) {
        layouts.push_back(timeLayout(view, i % 2 ? bigOther : big));
        graphviz.push_back(view.currentLayout().elapsedMs);
    }
    print("diagram_layout_200_states_1000_edges_ms", median(layouts));
    print("diagram_layout_200_states_1000_edges_graphviz_ms", median(graphviz));
    if (view.currentLayout().engine != DiagramLayout::Engine::Sfdp)
        std::fprintf(stderr, "unexpected engine for 200 states\n");

    view.setReport(big); // the last layout above was of `big` already: no new layout
    view.fitToView();
    QImage image(1920, 1080, QImage::Format_ARGB32_Premultiplied);
    view.render(&image); // warm the glyph and path caches
    print("diagram_paint_200_states_1000_edges_ms", timePaint(view, image, 15));
    const QString shots = qEnvironmentVariable("STATESCOPE_SCREENSHOT_DIR"); // for a human to look at
    if (!shots.isEmpty())
        image.save(shots + QStringLiteral("/diagram-200-states.png"));
    print("diagram_update_paint_200_states_1000_edges_ms", timePaint(view, image, 15, &big, &bigCounts));
    // Every frame of a zoom or pan has a new transform: the edge layer is redrawn each time.
    {
        std::vector<double> times;
        for (int i = 0; i < 16; ++i) {
            QElapsedTimer timer;
            timer.start();
            view.zoomIn();
            view.render(&image);
            times.push_back(double(timer.nsecsElapsed()) / 1e6);
            view.zoomOut();
        }
        print("diagram_paint_200_states_1000_edges_zooming_ms", median(times));
        wait(300); // the view settles: full quality again
        std::vector<double> full;
        for (int i = 0; i < 9; ++i) { // a new transform each time at full quality: worst case
            view.resize(1920 - i % 2, 1080);
            view.fitToView();
            QElapsedTimer timer;
            timer.start();
            view.render(&image);
            full.push_back(double(timer.nsecsElapsed()) / 1e6);
        }
        print("diagram_paint_200_states_1000_edges_uncached_ms", median(full));
    }
    for (int i = 0; i < 6; ++i)
        view.zoomIn(); // about 3.8x: names, counts and edge labels all drawn
    view.resize(1920, 1080);
    wait(300);
    view.render(&image);
    print("diagram_paint_200_states_1000_edges_zoomed_ms", timePaint(view, image, 15));
    if (!shots.isEmpty())
        image.save(shots + QStringLiteral("/diagram-200-states-zoomed.png"));

    // The largest graph dot still gets (DiagramLayout::kDotMaxNodes / kDotMaxEdges).
    const AnalysisReport dotSized = workflowReport(DiagramLayout::kDotMaxNodes, DiagramLayout::kDotMaxEdges, 2);
    AnalysisReport dotOther = dotSized;
    dotOther.edges.pop_back();
    std::vector<double> dotLayouts;
    for (int i = 0; i < 3; ++i)
        dotLayouts.push_back(timeLayout(view, i % 2 ? dotOther : dotSized));
    if (view.currentLayout().engine != DiagramLayout::Engine::Dot)
        std::fprintf(stderr, "unexpected engine for the dot-sized graph\n");
    const QByteArray metric = "diagram_layout_" + QByteArray::number(DiagramLayout::kDotMaxNodes) + "_states_"
        + QByteArray::number(DiagramLayout::kDotMaxEdges) + "_edges_dot_ms";
    print(metric.constData(), median(dotLayouts));
    return 0;
}
