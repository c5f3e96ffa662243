// The window opens a database on its worker thread and shows the report (offscreen).
#include "mainwindow.h"
#include "sampledatabase.h"
#include "schemainstaller.h"
#include "sqliteconnection.h"

#include <QApplication>
#include <QLabel>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace StateScope;

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void opensDatabaseAndShowsStates();
    void showsErrorForBadSource();
};

void TestMainWindow::opensDatabaseAndShowsStates()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("ui.sqlite"));
    {
        QString error;
        auto c = SqliteConnection::open(path, false, true, &error);
        QVERIFY(c && installSchema(*c, &error));
        SampleDatabaseOptions options;
        options.executions = 200;
        QVERIFY(writeSampleDatabase(*c, options).error.isEmpty());
    }
    MainWindow window;
    window.show();
    QSignalSpy loaded(&window, &MainWindow::sourcesLoaded);
    window.openSource(path);
    QVERIFY(loaded.wait(30000));
    auto *table = window.findChild<QTableView *>();
    QVERIFY(table);
    QCOMPARE(table->model()->rowCount(), 9);
    const QString summary = window.findChild<QLabel *>()->text();
    QVERIFY2(summary.contains(QLatin1String("200 executions")), qPrintable(summary));
    QVERIFY(!window.grab().isNull());
}

void TestMainWindow::showsErrorForBadSource()
{
    MainWindow window;
    QSignalSpy loaded(&window, &MainWindow::sourcesLoaded);
    window.openSource(QStringLiteral("/nonexistent/db.sqlite"));
    QVERIFY(loaded.wait(10000));
    const QString summary = window.findChild<QLabel *>()->text();
    QVERIFY2(summary.contains(QLatin1String("no such file")), qPrintable(summary));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
