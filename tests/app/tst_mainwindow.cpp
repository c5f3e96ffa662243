// The dashboard window, offscreen: opens a database on its worker thread, shows errors as
// messages, runs the in-process demo live, and stays responsive during a large load.
#include "dashboardsession.h"
#include "mainwindow.h"
#include "sampledatabase.h"
#include "schemainstaller.h"
#include "sqliteconnection.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QLabel>
#include <QListWidget>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace StateScope;

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void opensDatabaseAndShowsStates();
    void showsErrorForBadSource();
    void demoRunsLive();
    void staysResponsiveDuringALargeLoad();

private:
    static QString sampleDatabase(const QTemporaryDir &dir, int executions);
    template<typename T> static T *byName(QWidget &window, const QString &accessibleName);
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // settings of the test, not the user's
}

QString TestMainWindow::sampleDatabase(const QTemporaryDir &dir, int executions)
{
    const QString path = dir.filePath(QStringLiteral("ui-%1.sqlite").arg(executions));
    QString error;
    auto c = SqliteConnection::open(path, false, true, &error);
    if (!c || !installSchema(*c, &error))
        return {};
    SampleDatabaseOptions options;
    options.executions = executions;
    return writeSampleDatabase(*c, options).error.isEmpty() ? path : QString();
}

template<typename T>
T *TestMainWindow::byName(QWidget &window, const QString &accessibleName)
{
    for (T *w : window.findChildren<T *>()) {
        if (w->accessibleName() == accessibleName)
            return w;
    }
    return nullptr;
}

void TestMainWindow::opensDatabaseAndShowsStates()
{
    QTemporaryDir dir;
    const QString path = sampleDatabase(dir, 200);
    QVERIFY(!path.isEmpty());
    MainWindow window;
    window.show();
    QSignalSpy loaded(&window, &MainWindow::sourcesLoaded);
    window.openSource(path);
    QVERIFY(loaded.wait(30000));
    QTRY_VERIFY(window.session().report().executions == 200);
    // Every view got the report: the analytics dwell table has a row per state.
    auto *states = window.findChild<QTableView *>(QStringLiteral("dwellTable"));
    QVERIFY(states);
    QTRY_COMPARE(states->model()->rowCount(), 9);
    const QString summary = byName<QLabel>(window, QStringLiteral("Report summary"))->text();
    QVERIFY2(summary.contains(QLatin1String("200 executions")), qPrintable(summary));
    // The execution browser lists them, newest first, and filters by id.
    auto *executions = byName<QTableView>(window, QStringLiteral("Executions"));
    QVERIFY(executions);
    QCOMPARE(executions->model()->rowCount(), 200);
    auto *sources = byName<QListWidget>(window, QStringLiteral("Sources"));
    QVERIFY(sources->item(0)->text().contains(QLatin1String("loaded")));
    QVERIFY(!window.grab().isNull());
    // The time scrubber: as of a time in the middle, the report holds only what happened by then.
    const quint64 all = window.session().report().transitions;
    const TimeMs first = window.session().firstEventTime();
    const TimeMs last = window.session().latestEventTime();
    QVERIFY(first != kUnknownTime && last > first);
    window.session().setAsOf(first + (last - first) / 2);
    QTRY_VERIFY(window.session().report().transitions > 0 && window.session().report().transitions < all);
    QCOMPARE(window.session().report().asOf, first + (last - first) / 2);
    window.session().setAsOf(kUnknownTime);
    QTRY_COMPARE(window.session().report().transitions, all);
    // Closing every source drops the data everywhere.
    window.session().closeSources();
    QCOMPARE(window.session().report().executions, quint64(0));
    QCOMPARE(executions->model()->rowCount(), 0);
    QVERIFY(sources->item(0)->text().contains(QLatin1String("No source")));
}

void TestMainWindow::showsErrorForBadSource()
{
    MainWindow window;
    QSignalSpy loaded(&window, &MainWindow::sourcesLoaded);
    window.openSource(QStringLiteral("/nonexistent/db.sqlite"));
    QVERIFY(loaded.wait(10000));
    const QString summary = byName<QLabel>(window, QStringLiteral("Report summary"))->text();
    QVERIFY2(summary.contains(QLatin1String("no such file")), qPrintable(summary));
    auto *sources = byName<QListWidget>(window, QStringLiteral("Sources"));
    QVERIFY2(sources->item(0)->text().contains(QLatin1String("error")), qPrintable(sources->item(0)->text()));
}

void TestMainWindow::demoRunsLive()
{
    MainWindow window;
    window.show();
    QSignalSpy loaded(&window, &MainWindow::sourcesLoaded);
    window.startDemo();
    QVERIFY(loaded.wait(20000));
    QVERIFY(window.session().isLive());
    // Events keep arriving and the report follows them.
    QTRY_VERIFY_WITH_TIMEOUT(window.session().report().transitions > 50, 20000);
    const quint64 before = window.session().liveEventsApplied();
    QTRY_VERIFY_WITH_TIMEOUT(window.session().liveEventsApplied() > before + 50, 10000);
    auto *sources = byName<QListWidget>(window, QStringLiteral("Sources"));
    QTRY_VERIFY(sources->item(0)->text().contains(QLatin1String("connected")));
}

// The GUI thread never waits for the load: a 10 ms timer keeps firing while 40,000 executions
// are read, and no gap between two of its ticks is long.
void TestMainWindow::staysResponsiveDuringALargeLoad()
{
    QTemporaryDir dir;
    const QString path = sampleDatabase(dir, 40000);
    QVERIFY(!path.isEmpty());
    MainWindow window;
    window.show();
    QSignalSpy loaded(&window, &MainWindow::sourcesLoaded);
    QElapsedTimer clock;
    qint64 last = 0;
    qint64 longest = 0;
    QTimer ticker;
    connect(&ticker, &QTimer::timeout, this, [&] {
        const qint64 now = clock.elapsed();
        longest = std::max(longest, now - last);
        last = now;
    });
    clock.start();
    ticker.start(10);
    window.openSource(path);
    QVERIFY(loaded.wait(60000));
    QTRY_VERIFY_WITH_TIMEOUT(window.session().report().executions == 40000, 30000);
    ticker.stop();
    qInfo() << "longest event-loop gap during the load:" << longest << "ms over" << clock.elapsed() << "ms";
#if defined(__SANITIZE_ADDRESS__)
    const qint64 limit = 1000; // a Debug build under the sanitizers runs several times slower
#else
    const qint64 limit = 250;
#endif
    QVERIFY2(longest < limit, qPrintable(QStringLiteral("the event loop stalled for %1 ms").arg(longest)));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
