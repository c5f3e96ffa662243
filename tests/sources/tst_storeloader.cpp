// The dashboard's loader: a worker thread that hands over a finished store by queued signal.
#include "eventstore.h"
#include "sampledatabase.h"
#include "schemainstaller.h"
#include "sqliteconnection.h"
#include "storeloader.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace StateScope;

class TestStoreLoader : public QObject
{
    Q_OBJECT

private slots:
    void loadsOnWorkerThread();
    void reportsErrors();
    void logThatCannotBeOpenedIsNamed_data();
    void logThatCannotBeOpenedIsNamed();
};

void TestStoreLoader::loadsOnWorkerThread()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("w.sqlite"));
    {
        QString error;
        auto c = SqliteConnection::open(path, false, true, &error);
        QVERIFY(c && installSchema(*c, &error));
        SampleDatabaseOptions options;
        options.executions = 300;
        QVERIFY(writeSampleDatabase(*c, options).error.isEmpty());
    }
    QThread thread;
    auto *loader = new StoreLoader;
    loader->moveToThread(&thread);
    connect(&thread, &QThread::finished, loader, &QObject::deleteLater);
    thread.start();
    QSignalSpy finished(loader, &StoreLoader::finished);
    QSignalSpy progress(loader, &StoreLoader::progress);
    Qt::HANDLE workerThread = nullptr;
    connect(loader, &StoreLoader::progress, this, [&workerThread] { workerThread = QThread::currentThreadId(); },
            Qt::DirectConnection);
    QMetaObject::invokeMethod(loader, [loader, path] { loader->load(path, 7); }, Qt::QueuedConnection);
    QVERIFY(finished.wait(30000));
    const auto store = finished.at(0).at(0).value<std::shared_ptr<EventStore>>();
    QVERIFY(store);
    QCOMPARE(store->executionCount(), 300u);
    QCOMPARE(finished.at(0).at(2).toULongLong(), quint64(7));
    QVERIFY(progress.count() > 0);
    QVERIFY(workerThread != QThread::currentThreadId()); // the GUI thread never read the database
    thread.quit();
    thread.wait();
}

void TestStoreLoader::reportsErrors()
{
    QThread thread;
    auto *loader = new StoreLoader;
    loader->moveToThread(&thread);
    connect(&thread, &QThread::finished, loader, &QObject::deleteLater);
    thread.start();
    QSignalSpy finished(loader, &StoreLoader::finished);
    QMetaObject::invokeMethod(loader, [loader] { loader->load(QStringLiteral("/nonexistent/x.sqlite"), 1); }, Qt::QueuedConnection);
    QVERIFY(finished.wait(10000));
    QVERIFY(!finished.at(0).at(0).value<std::shared_ptr<EventStore>>());
    QVERIFY(finished.at(0).at(1).value<LoadResult>().error.contains(QLatin1String("no such file")));
    thread.quit();
    thread.wait();
}

void TestStoreLoader::logThatCannotBeOpenedIsNamed_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("csv") << "events.csv";
    QTest::newRow("xes") << "events.xes";
    QTest::newRow("jsonl") << "events.jsonl";
}

void TestStoreLoader::logThatCannotBeOpenedIsNamed()
{
    QFETCH(QString, name);
    QTemporaryDir dir;
    const QString path = dir.filePath(name);
    LoadResult result;
    QVERIFY(!loadSource(path, &result));
    QVERIFY2(result.error.startsWith(path + QStringLiteral(": ")), qPrintable(result.error));
}

QTEST_GUILESS_MAIN(TestStoreLoader)
#include "tst_storeloader.moc"
