// File > Open Recent and the remembered window: newest first, at most ten, cleared on
// request, passwords never stored, a deleted file dropped with a message; a source is
// recorded when it opens; the dock layout comes back in the next window.
#include "dashboardsession.h"
#include "mainwindow.h"
#include "recentsources.h"
#include "sampledatabase.h"
#include "schemainstaller.h"
#include "sqliteconnection.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace StateScope;

class TestRecentSources : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void newestFirstWithoutDuplicates();
    void keepsAtMostTen();
    void clear();
    void passwordsAreNeverStored_data();
    void passwordsAreNeverStored();
    void menuListsThemAndRecordsOpenedSources();
    void missingFileIsDroppedWithAMessage();
    void dockLayoutIsRestored();

private:
    static QStringList menuTexts(QMenu *menu);
};

void TestRecentSources::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // settings of the test, not the user's
}

void TestRecentSources::init()
{
    QSettings().clear();
}

QStringList TestRecentSources::menuTexts(QMenu *menu)
{
    QStringList texts;
    for (QAction *a : menu->actions())
        if (!a->isSeparator())
            texts.append(a->text());
    return texts;
}

void TestRecentSources::newestFirstWithoutDuplicates()
{
    RecentSources::add(QStringLiteral("/data/a.sqlite"));
    RecentSources::add(QStringLiteral("/data/b.jsonl"));
    RecentSources::add(QStringLiteral("/data/a.sqlite"));
    QCOMPARE(RecentSources::list(), QStringList({QStringLiteral("/data/a.sqlite"), QStringLiteral("/data/b.jsonl")}));
    QCOMPARE(QSettings().value(QStringLiteral("recent/sources")).toStringList(), RecentSources::list());
    // Relative paths are kept absolute: the list works from any working directory.
    RecentSources::add(QStringLiteral("c.csv"));
    QVERIFY(QDir::isAbsolutePath(RecentSources::list().first()));
    QVERIFY(RecentSources::list().first().endsWith(QStringLiteral("/c.csv")));
    // Feeds keep their own list (Connect to Feed).
    RecentSources::add(QStringLiteral("ws://localhost:9000/feed"));
    QVERIFY(RecentSources::list().first().endsWith(QStringLiteral("/c.csv")));
}

void TestRecentSources::keepsAtMostTen()
{
    for (int i = 0; i < 14; ++i)
        RecentSources::add(QStringLiteral("/data/%1.sqlite").arg(i));
    const QStringList list = RecentSources::list();
    QCOMPARE(list.size(), RecentSources::kMax);
    QCOMPARE(list.first(), QStringLiteral("/data/13.sqlite"));
    QCOMPARE(list.last(), QStringLiteral("/data/4.sqlite"));
}

void TestRecentSources::clear()
{
    RecentSources::add(QStringLiteral("/data/a.sqlite"));
    RecentSources::clear();
    QVERIFY(RecentSources::list().isEmpty());
    QVERIFY(!QSettings().contains(QStringLiteral("recent/sources")));
}

void TestRecentSources::passwordsAreNeverStored_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("stored");
    QTest::newRow("user info") << QStringLiteral("postgresql://scope:s3cret@db.example:5432/engine")
                               << QStringLiteral("postgresql://scope@db.example:5432/engine");
    QTest::newRow("query") << QStringLiteral("postgres://db/engine?sslmode=require&password=s3cret")
                           << QStringLiteral("postgres://db/engine?sslmode=require");
    QTest::newRow("both, encoded") << QStringLiteral("postgresql://me:p%40ss@db/x?password=s3cret")
                                   << QStringLiteral("postgresql://me@db/x");
    QTest::newRow("none") << QStringLiteral("postgresql://me@db/x") << QStringLiteral("postgresql://me@db/x");
}

void TestRecentSources::passwordsAreNeverStored()
{
    QFETCH(QString, source);
    QFETCH(QString, stored);
    QCOMPARE(RecentSources::storable(source), stored);
    RecentSources::add(source);
    QCOMPARE(RecentSources::list().first(), stored);
    QSettings settings;
    settings.sync();
    QFile file(settings.fileName());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray written = file.readAll();
    QVERIFY(!written.contains("s3cret"));
    QVERIFY(!written.contains("p%40ss") && !written.contains("p@ss"));
}

void TestRecentSources::menuListsThemAndRecordsOpenedSources()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("recent.sqlite"));
    QString error;
    {
        auto c = SqliteConnection::open(path, false, true, &error);
        QVERIFY2(c && installSchema(*c, &error), qPrintable(error));
        SampleDatabaseOptions options;
        options.executions = 20;
        QVERIFY(writeSampleDatabase(*c, options).error.isEmpty());
    }
    RecentSources::add(QStringLiteral("postgresql://me@db/x"));
    MainWindow window;
    QMenu *menu = window.recentMenu();
    QVERIFY(menu);
    QStringList texts = menuTexts(menu);
    QCOMPARE(texts.size(), 2); // the URL and Clear Recent
    QVERIFY(texts[0].contains(QStringLiteral("postgresql://me@db/x")));

    QSignalSpy loaded(&window.session(), &DashboardSession::loadFinished);
    window.openSource(path);
    QVERIFY(loaded.wait(20000));
    QVERIFY(loaded.first().first().toBool());
    QCOMPARE(RecentSources::list().first(), path);
    texts = menuTexts(menu);
    QCOMPARE(texts.size(), 3);
    QVERIFY(texts[0].startsWith(QStringLiteral("&1")) && texts[0].contains(QStringLiteral("recent.sqlite")));
    QVERIFY(texts[1].startsWith(QStringLiteral("&2")));
    // A failed open is not recorded.
    loaded.clear();
    window.openSource(dir.filePath(QStringLiteral("nothing-here.sqlite")));
    QVERIFY(loaded.wait(20000));
    QVERIFY(!loaded.first().first().toBool());
    QCOMPARE(RecentSources::list().size(), 2);
    // Clear Recent empties it; the menu says so.
    menu->actions().last()->trigger();
    QVERIFY(RecentSources::list().isEmpty());
    QVERIFY(!menu->actions().first()->isEnabled());
    QVERIFY(!menu->actions().last()->isEnabled());
}

void TestRecentSources::missingFileIsDroppedWithAMessage()
{
    QTemporaryDir dir;
    const QString gone = dir.filePath(QStringLiteral("gone.sqlite"));
    RecentSources::add(gone);
    RecentSources::add(QStringLiteral("postgresql://me@db/x"));
    MainWindow window;
    QVERIFY(menuTexts(window.recentMenu())[1].contains(QStringLiteral("not found")));
    window.openRecentSource(gone);
    QCOMPARE(RecentSources::list(), QStringList {QStringLiteral("postgresql://me@db/x")});
    auto *message = window.findChild<QMessageBox *>(QStringLiteral("recentMissingMessage"));
    QVERIFY(message);
    QVERIFY(message->text().contains(gone));
    QCOMPARE(menuTexts(window.recentMenu()).size(), 2);
    message->close();
}

void TestRecentSources::dockLayoutIsRestored()
{
    QSize saved;
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *timeline = window.findChild<QDockWidget *>(QStringLiteral("timelineDock"));
        auto *sources = window.findChild<QDockWidget *>(QStringLiteral("sourcesDock"));
        QVERIFY(timeline && sources);
        timeline->hide();
        window.addDockWidget(Qt::RightDockWidgetArea, sources); // moved to the other side
        window.resize(1000, 700);
        QApplication::processEvents();
        saved = window.size(); // what the docks' minimum sizes allow of it
        window.close(); // saves geometry and layout
    }
    MainWindow next;
    next.show();
    QVERIFY(QTest::qWaitForWindowExposed(&next));
    auto *timeline = next.findChild<QDockWidget *>(QStringLiteral("timelineDock"));
    auto *sources = next.findChild<QDockWidget *>(QStringLiteral("sourcesDock"));
    QVERIFY(!timeline->isVisible());
    QCOMPARE(next.dockWidgetArea(sources), Qt::RightDockWidgetArea);
    QCOMPARE(next.size(), saved);
}

QTEST_MAIN(TestRecentSources)
#include "tst_recentsources.moc"
