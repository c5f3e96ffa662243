// BARS P7 and P2 for the dashboard (offscreen, Release):
//   P7: from constructing the window to it showing a 1 M-transition SQLite source (loaded,
//       analyzed, every view given the report, painted): bar 2 s.
//   P2: a live feed at 20,000 events/s (a feed server on its own thread stamping each event
//       with its publish time): per live tick, the time from the oldest event of the tick to
//       the end of the timeline's repaint that shows it: p50/p99 (bar p99 <= 50 ms).
//   Also the longest stall of the GUI thread during that startup.
// Usage: bench_dashboard DB.sqlite [--p2-seconds N]
#include "dashboardsession.h"
#include "feedevent.h"
#include "feedeventjson.h"
#include "feedserver.h"
#include "mainwindow.h"
#include "timelineview.h"

#include <QApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace StateScope;

namespace {

void line(const char *metric, double value, const char *unit)
{
    std::printf("{\"metric\": \"%s\", \"value\": %.2f, \"unit\": \"%s\", \"peer\": null, \"peerValue\": null, \"ratio\": null}\n",
                metric, value, unit);
    std::fflush(stdout);
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[size_t(p * double(v.size() - 1))];
}

// Publishes `rate` transitions per second from its own thread, each stamped with "now".
class Publisher final : public QObject
{
public:
    explicit Publisher(double rate) : m_rate(rate) {}
    QUrl start()
    {
        m_server = new FeedServer(FeedServerOptions{}, this);
        QString error;
        if (!m_server->listen(&error))
            qFatal("feed server: %s", qPrintable(error));
        auto *timer = new QTimer(this);
        connect(timer, &QTimer::timeout, this, &Publisher::tick);
        timer->start(2);
        m_clock.start();
        return m_server->url();
    }

private:
    void tick()
    {
        const qint64 due = qint64(double(m_clock.elapsed()) * m_rate / 1000.0);
        const TimeMs now = QDateTime::currentMSecsSinceEpoch();
        static const QByteArray states[] = {"received", "validating", "processing", "shipping", "done"};
        for (; m_sent < due; ++m_sent) {
            FeedEvent e;
            e.type = FeedEventType::Transition;
            e.workflowId = "orders";
            e.executionId = QByteArray("exec-") + QByteArray::number(m_sent / 4);
            e.fromState = states[m_sent % 4];
            e.toState = states[m_sent % 4 + 1];
            e.time = now;
            m_server->publishSerialized(feedEventToJson(e), "transition", "orders");
        }
        m_server->flush();
    }
    double m_rate;
    FeedServer *m_server = nullptr;
    QElapsedTimer m_clock;
    qint64 m_sent = 0;
};

// Times the timeline's paints from outside: the paint is delivered through the filter.
class PaintClock final : public QObject
{
public:
    std::function<void()> onPainted;
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() != QEvent::Paint || m_inside)
            return false;
        m_inside = true;
        QCoreApplication::sendEvent(watched, event);
        m_inside = false;
        if (onPainted)
            onPainted();
        return true;
    }

private:
    bool m_inside = false;
};

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: bench_dashboard DB.sqlite [--p2-seconds N]\n");
        return 2;
    }
    const int p2Seconds = args.contains(QStringLiteral("--p2-seconds")) ? args.value(args.indexOf(QStringLiteral("--p2-seconds")) + 1).toInt() : 30;

    { // P7
        QElapsedTimer clock;
        clock.start();
        // The longest time the GUI thread did not get to a 10 ms timer (the window "froze").
        qint64 lastTick = 0;
        qint64 longestGap = 0;
        QTimer ticker;
        QObject::connect(&ticker, &QTimer::timeout, [&] {
            longestGap = std::max(longestGap, clock.elapsed() - lastTick);
            lastTick = clock.elapsed();
        });
        ticker.start(10);
        MainWindow window;
        window.resize(1920, 1080);
        window.show();
        QSignalSpy loaded(&window, &MainWindow::sourcesLoaded);
        window.openSource(args[1]);
        if (!loaded.wait(60000))
            qFatal("no load");
        while (window.session().report().transitions == 0 && clock.elapsed() < 60000)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 10);
        QCoreApplication::processEvents(); // the views take the report and paint
        window.grab();
        line("startup_window_with_1m_transitions_s", double(clock.elapsed()) / 1000.0, "s");
        line("startup_transitions", double(window.session().report().transitions), "transitions");
        QCoreApplication::processEvents();
        line("startup_longest_event_loop_gap_ms", double(longestGap), "ms");
    }

    { // P2
        QThread serverThread;
        auto *publisher = new Publisher(20000);
        publisher->moveToThread(&serverThread);
        serverThread.start();
        QUrl url;
        QMetaObject::invokeMethod(publisher, [&url, publisher] { url = publisher->start(); }, Qt::BlockingQueuedConnection);
        MainWindow window;
        window.resize(1920, 1080);
        window.show();
        auto *timeline = window.findChild<TimelineView *>();
        PaintClock clock;
        std::vector<double> latencies;
        TimeMs lastCounted = kUnknownTime;
        bool measuring = false;
        clock.onPainted = [&] {
            const TimeMs oldest = window.session().lastTickOldestEventTime();
            if (!measuring || oldest == kUnknownTime || oldest == lastCounted)
                return;
            lastCounted = oldest;
            latencies.push_back(double(QDateTime::currentMSecsSinceEpoch() - oldest));
        };
        timeline->installEventFilter(&clock);
        window.connectFeed(url);
        QTimer::singleShot(3000, &window, [&] { measuring = true; }); // after warm-up
        QTimer::singleShot(3000 + p2Seconds * 1000, &app, &QCoreApplication::quit);
        const quint64 before = window.session().liveEventsApplied();
        app.exec();
        const double applied = double(window.session().liveEventsApplied() - before);
        line("live_latency_p50_ms_at_20k_per_s", percentile(latencies, 0.50), "ms");
        line("live_latency_p99_ms_at_20k_per_s", percentile(latencies, 0.99), "ms");
        line("live_latency_max_ms_at_20k_per_s", percentile(latencies, 1.0), "ms");
        line("live_events_per_s_shown", applied / (3.0 + p2Seconds), "events/s");
        line("live_latency_samples", double(latencies.size()), "ticks");
        window.session().disconnectFeeds();
        QMetaObject::invokeMethod(publisher, [publisher] { delete publisher; }, Qt::BlockingQueuedConnection);
        serverThread.quit();
        serverThread.wait();
    }
    return 0;
}
