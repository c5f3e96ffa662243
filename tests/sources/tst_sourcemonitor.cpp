// BARS R4, the dashboard's side: a loaded database is watched; a lost connection is reported with
// the time the data was last confirmed and retried with growing delays; the source coming back
// and the data changing under the dashboard are reported too. Real SQLite files, and a real
// PostgreSQL server behind a TCP relay whose network is cut.
#include "pgtestdatabase.h"
#include "recoveryfixture.h"
#include "sourcemonitor.h"
#include "tcprelay.h"

#include <QFile>
#include <QThread>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <deque>

using namespace StateScope;

class TestSourceMonitor : public QObject
{
    Q_OBJECT

private slots:
    void sqliteChangesAndDisappears();
    void eventLogChanges();
    void postgresConnectionLostAndBack();
    void unwatchableSources();
};

namespace {

// The monitor on a worker thread, as the dashboard runs it (its probes block on the network),
// with its reports queued to the test's thread.
class MonitorThread final
{
public:
    MonitorThread()
        : m_monitor(new SourceMonitor(SourceMonitor::Options{200, 100, 400}))
    {
        m_monitor->moveToThread(&m_thread);
        QObject::connect(&m_thread, &QThread::finished, m_monitor, &QObject::deleteLater);
        QObject::connect(m_monitor, &SourceMonitor::healthChanged, &m_context,
                         [this](const SourceHealth &h, quint64 generation) { m_reports.emplace_back(h, generation); });
        m_thread.start();
    }
    ~MonitorThread()
    {
        m_thread.quit();
        m_thread.wait();
    }
    void watch(const QString &source, quint64 generation)
    {
        QMetaObject::invokeMethod(m_monitor, [m = m_monitor, source, generation] { m->watch(source, generation); });
    }
    int pending() const { return int(m_reports.size()); }
    // The next report (of `generation`), or an unreachable one naming the timeout.
    SourceHealth next(quint64 generation = 1)
    {
        while (QTest::qWaitFor([this] { return !m_reports.empty(); }, 10000)) {
            const auto [h, g] = m_reports.front();
            m_reports.pop_front();
            if (g == generation)
                return h;
        }
        SourceHealth none;
        none.reachable = false;
        none.error = QStringLiteral("no report within 10 s");
        return none;
    }
    void clear() { m_reports.clear(); }

private:
    QThread m_thread;
    SourceMonitor *m_monitor;
    QObject m_context;
    std::deque<std::pair<SourceHealth, quint64>> m_reports;
};

} // namespace

void TestSourceMonitor::sqliteChangesAndDisappears()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("state.sqlite"));
    RecoveryFixture fixture;
    QVERIFY2(fixture.create(path), qPrintable(fixture.error()));

    MonitorThread monitor;
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    monitor.watch(path, 1);
    SourceHealth h = monitor.next(); // the baseline: reported at once
    QVERIFY(h.reachable);
    QVERIFY(!h.changed);
    QVERIFY(h.confirmedAtMs >= before);
    QTest::qWait(700); // several probes of an unchanged database: nothing to report
    QCOMPARE(monitor.pending(), 0);

    QVERIFY2(fixture.moveOn(), qPrintable(fixture.error())); // the engine writes a transition
    h = monitor.next();
    QVERIFY(h.reachable);
    QVERIFY(h.changed);

    // The file goes (a volume unmounted, a file replaced): reported, then retried with growing delays.
    const QString moved = dir.filePath(QStringLiteral("moved.sqlite"));
    QVERIFY(QFile::rename(path, moved));
    h = monitor.next();
    QVERIFY(!h.reachable);
    QVERIFY2(h.error.contains(QLatin1String("the file is gone")), qPrintable(h.error));
    QVERIFY(h.lostAtMs >= h.confirmedAtMs);
    QCOMPARE(h.attempts, 1);
    QVERIFY(h.retryInMs >= 80 && h.retryInMs <= 120);
    const qint64 lostAt = h.lostAtMs;
    h = monitor.next();
    QCOMPARE(h.attempts, 2);
    QVERIFY(h.retryInMs >= 160 && h.retryInMs <= 240);
    QCOMPARE(h.lostAtMs, lostAt); // the outage's start stays
    h = monitor.next();
    QVERIFY(h.retryInMs >= 320 && h.retryInMs <= 480); // capped at 400 ± jitter from here on

    QVERIFY(QFile::rename(moved, path));
    for (h = monitor.next(); !h.reachable && h.attempts < 10; h = monitor.next()) {
    }
    QVERIFY2(h.reachable, qPrintable(h.error));
    QVERIFY(h.changed); // still different from what was loaded
    QVERIFY(h.confirmedAtMs > lostAt);

    // A new watch (the dashboard reloaded) takes a new baseline.
    monitor.watch(path, 2);
    h = monitor.next(2);
    QVERIFY(h.reachable);
    QVERIFY(!h.changed);
}

void TestSourceMonitor::eventLogChanges()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("events.jsonl"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"type":"transition","executionId":"e1","from":"a","to":"b","timestamp":1767225600000})" "\n");
    file.flush();
    MonitorThread monitor;
    monitor.watch(path, 1);
    QVERIFY(monitor.next().reachable);
    file.write(R"({"type":"transition","executionId":"e1","from":"b","to":"c","timestamp":1767225601000})" "\n");
    file.close();
    const SourceHealth h = monitor.next();
    QVERIFY(h.reachable);
    QVERIFY(h.changed);
    QVERIFY(QFile::remove(path));
    QVERIFY(!monitor.next().reachable);
}

void TestSourceMonitor::postgresConnectionLostAndBack()
{
    STATESCOPE_REQUIRE_PG_DATABASE(pg);
    RecoveryFixture fixture;
    QVERIFY2(fixture.create(pg.url()), qPrintable(fixture.error()));
    // The monitor reaches the server through a relay: cutting it is the server going away.
    QUrl url(pg.url());
    TcpRelay relay(quint16(url.port(5432)));
    QVERIFY(relay.listen());
    url.setPort(relay.port());

    MonitorThread monitor;
    monitor.watch(url.toString(), 1);
    SourceHealth h = monitor.next();
    QVERIFY2(h.reachable, qPrintable(h.error));
    QVERIFY(!h.changed);
    QCOMPARE(relay.connectionsAccepted(), 1);
    QTest::qWait(600);
    QCOMPARE(relay.connectionsAccepted(), 1); // one session, kept between probes

    relay.cut();
    h = monitor.next();
    QVERIFY(!h.reachable);
    QVERIFY(!h.error.isEmpty());
    qInfo() << "lost:" << h.error;
    h = monitor.next();
    QVERIFY(!h.reachable);
    QCOMPARE(h.attempts, 2); // reconnecting meanwhile

    // The engine goes on writing while the dashboard cannot see it.
    QVERIFY2(fixture.moveOn(), qPrintable(fixture.error()));
    QVERIFY(relay.restore());
    for (h = monitor.next(); !h.reachable && h.attempts < 20; h = monitor.next()) {
    }
    QVERIFY2(h.reachable, qPrintable(h.error));
    QVERIFY(h.changed);
    QVERIFY(relay.connectionsAccepted() >= 2);
}

void TestSourceMonitor::unwatchableSources()
{
    QVERIFY(!SourceMonitor::canWatch(QStringLiteral("ws://127.0.0.1:1/feed")));
    QVERIFY(!SourceMonitor::canWatch(QStringLiteral("/no/such/file.sqlite")));
    QVERIFY(SourceMonitor::canWatch(QStringLiteral("postgresql://postgres@127.0.0.1:1/x")));
}

QTEST_GUILESS_MAIN(TestSourceMonitor)
#include "tst_sourcemonitor.moc"
