// Benchmark for the Analytics pane's live update: AnalyticsView::setReport() followed by a
// synchronous repaint of the visible tab, offscreen at 1920x1080, alternating two reports so
// every table resets (the costly case; an unchanged shape only emits dataChanged).
// Prints one JSON line per case: the median wall time of 21 updates in milliseconds.

#include "analyticsview.h"
#include "analyzer.h"
#include "eventstore.h"

#include <QApplication>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <vector>

using namespace StateScope;

namespace {
constexpr TimeMs kNow = 1767225600000;

// A workflow of `states` steps and three outcomes; executions mostly move forward, sometimes
// rework a step, fail or get cancelled. Started over the last day, so the recent ones run.
AnalysisReport workflowReport(int states, int executions, unsigned seed)
{
    EventStore store;
    const quint32 w = store.addWorkflow({QStringLiteral("wf"), QStringLiteral("bench"), {}});
    std::vector<StateId> step;
    for (int i = 0; i < states; ++i)
        step.push_back(store.internState(QByteArray(QByteArray("step_") + QByteArray::number(i))));
    const StateId done = store.internState("done");
    const StateId failed = store.internState("failed");
    const StateId cancelled = store.internState("cancelled");
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> unit(0, 1);
    std::lognormal_distribution<double> stay(10.0, 1.0); // ~ 22 s median
    for (int e = 0; e < executions; ++e) {
        TimeMs t = kNow - TimeMs(unit(rng) * 86400000.0);
        const ExecutionIndex x = store.addExecution(QByteArray(QByteArray("ex-") + QByteArray::number(e)), w, t,
                                                    ExecutionStatus::Running);
        int at = 0;
        for (int moves = 0; moves < 4 * states; ++moves) {
            t += TimeMs(stay(rng) * (1 + at % 7));
            if (t > kNow)
                break;
            const double r = unit(rng);
            const StateId outcome = r < 0.02 ? failed : r < 0.03 ? cancelled : at + 1 >= states ? done : kNoState;
            if (outcome != kNoState) {
                store.appendTransition(x, step[size_t(at)], outcome, t, TransitionType::Normal);
                break;
            }
            const int next = r < 0.10 && at > 0 ? at - 1 : (r < 0.15 && at + 2 < states ? at + 2 : at + 1);
            store.appendTransition(x, step[size_t(at)], step[size_t(next)], t, TransitionType::Normal);
            at = next;
        }
    }
    store.finalize();
    AnalysisOptions options;
    options.asOf = kNow;
    return analyze(store, options);
}

double medianMs(AnalyticsView &view, const AnalysisReport &a, const AnalysisReport &b)
{
    std::vector<double> times;
    for (int i = 0; i < 21; ++i) {
        const auto start = std::chrono::steady_clock::now();
        view.setReport(i % 2 ? a : b);
        view.repaint();
        times.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    }
    std::nth_element(times.begin(), times.begin() + 10, times.end());
    return times[10];
}
} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    struct Case
    {
        int states;
        int executions;
    };
    for (const Case c : {Case{12, 20000}, Case{200, 20000}}) {
        const AnalysisReport a = workflowReport(c.states, c.executions, 1);
        const AnalysisReport b = workflowReport(c.states, c.executions, 2);
        AnalyticsView view;
        view.resize(1920, 1080);
        view.show();
        for (const auto &[tab, name] : {std::pair{AnalyticsView::VariantsTab, "variants"},
                                        std::pair{AnalyticsView::BottlenecksTab, "bottlenecks"},
                                        std::pair{AnalyticsView::PredictionsTab, "predictions"},
                                        std::pair{AnalyticsView::AlertsTab, "alerts"}}) {
            view.setCurrentTab(tab);
            view.setReport(a);
            QApplication::processEvents();
            std::printf("{\"metric\": \"analytics view update, %s tab, %d states, %zu running listed\", \"value\": %.2f, "
                        "\"unit\": \"ms\", \"peer\": null, \"peerValue\": null, \"ratio\": null}\n",
                        name, c.states, a.executionPredictions.size(), medianMs(view, a, b));
        }
    }
    return 0;
}
