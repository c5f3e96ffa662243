// BARS P6, timeline: frames of the transition timeline over 1,000,000 bands (100,000
// executions x 10 transitions, 15 states) rendered into a 1920x1080 raster image offscreen
// while zooming and panning. Prints the median and p95 frame time, and the time to take the
// bands from the store (setStore) as a side figure.
#include "eventstore.h"
#include "timelineview.h"

#include <QApplication>
#include <QImage>
#include <QKeyEvent>
#include <QPainter>
#include <QWheelEvent>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <time.h>
#include <vector>

using namespace StateScope;

namespace {

void print(const char *metric, double value)
{
    std::printf("{\"metric\":\"%s\",\"value\":%.3f,\"unit\":\"ms\",\"peer\":null,\"peerValue\":null,\"ratio\":null}\n",
                metric, value);
}

// CPU time of this thread: on a shared machine it says what the frame cost when wall time
// also holds waits for the other jobs.
double threadCpuMs()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

double since(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

void key(QWidget *w, int k)
{
    QKeyEvent press(QEvent::KeyPress, k, Qt::NoModifier);
    QApplication::sendEvent(w, &press);
}

void ctrlWheel(QWidget *w, QPoint pos, int delta)
{
    const QPointF at(pos);
    QWheelEvent e(at, at, QPoint(), QPoint(0, delta), Qt::NoButton, Qt::ControlModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(w, &e);
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);

    constexpr int kExecutions = 100000;
    constexpr int kTransitions = 10;
    constexpr int kStates = 15;
    EventStore store;
    store.reserveExecutions(kExecutions);
    store.reserveTransitions(size_t(kExecutions) * kTransitions);
    std::vector<StateId> states;
    for (int s = 0; s < kStates; ++s)
        states.push_back(store.internState(QByteArray("state_" + QByteArray::number(s))));
    std::mt19937_64 rng(11);
    const TimeMs base = 1700000000000;
    // One execution starts every ~0.86 s (a day in all); stays last 1-60 s.
    for (int i = 0; i < kExecutions; ++i) {
        TimeMs t = base + TimeMs(i) * 864;
        const QByteArray id = "exec-" + QByteArray::number(i);
        const ExecutionIndex e = store.addExecution(id, kNoIndex, t, ExecutionStatus::Completed);
        int s = 0;
        for (int k = 0; k < kTransitions; ++k) {
            t += 1000 + TimeMs(rng() % 59000);
            const int next = k + 1 == kTransitions ? kStates - 1 : int(1 + rng() % (kStates - 2));
            store.appendTransition(e, states[size_t(s)], states[size_t(next)], t, TransitionType::Normal);
            s = next;
        }
    }

    TimelineView view;
    view.resize(1920, 1080);
    const double buildCpu = threadCpuMs();
    auto start = std::chrono::steady_clock::now();
    view.setStore(&store);
    print("timeline_build_1m_bands_ms", since(start));
    std::fprintf(stderr, "setStore: %.1f ms CPU\n", threadCpuMs() - buildCpu);
    view.setSelectedExecution(kExecutions / 2); // lanes in the middle of the day

    QImage image(1920, 1080, QImage::Format_ARGB32_Premultiplied);
    std::vector<double> frames;
    std::vector<double> cpu;
    auto frame = [&] {
        const double c0 = threadCpuMs();
        const auto t0 = std::chrono::steady_clock::now();
        image.fill(Qt::white);
        {
            QPainter p(&image);
            view.render(&p);
        }
        frames.push_back(since(t0));
        cpu.push_back(threadCpuMs() - c0);
    };
    frame(); // warm-up: glyph caches and the first aggregate
    frames.clear();
    cpu.clear();
    // Zoom in from the whole day towards a few seconds around the middle, pan, zoom back out.
    const QPoint centre(1920 / 2, 540);
    for (int i = 0; i < 24; ++i) {
        ctrlWheel(&view, centre, 120 * 2);
        frame();
    }
    for (int i = 0; i < 12; ++i) {
        key(&view, i < 6 ? Qt::Key_Left : Qt::Key_Right);
        frame();
    }
    for (int i = 0; i < 24; ++i) {
        ctrlWheel(&view, centre + QPoint((i % 5) * 40, 0), -120 * 2);
        frame();
    }
    std::vector<double> sorted = frames;
    std::sort(sorted.begin(), sorted.end());
    const double median = sorted[sorted.size() / 2];
    const double p95 = sorted[std::min(sorted.size() - 1, size_t(double(sorted.size()) * 0.95))];
    print("timeline_paint_1m_bands_ms", median);
    print("timeline_paint_1m_bands_p95_ms", p95);
    std::sort(cpu.begin(), cpu.end());
    print("timeline_paint_1m_bands_cpu_ms", cpu[cpu.size() / 2]);
    std::fprintf(stderr, "frames: %zu, max %.3f ms, min %.3f ms\n", frames.size(), sorted.back(), sorted.front());
    if (qEnvironmentVariableIsSet("BENCH_TIMELINE_FRAMES")) {
        for (double ms : frames)
            std::fprintf(stderr, "%.2f ", ms);
        std::fprintf(stderr, "\n");
    }
    return 0;
}
