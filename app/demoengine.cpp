#include "demoengine.h"

#include "enginehttpapi.h"
#include "feedserver.h"
#include "machinemodel.h"
#include "schemainstaller.h"
#include "simulatedengine.h"
#include "sqliteconnection.h"

namespace StateScope {

// Lives on DemoEngine's thread: everything the engine touches is created and destroyed there.
class DemoEngineWorker final : public QObject
{
    Q_OBJECT
public:
    void start(const QString &databasePath, double rate)
    {
        QString error;
        auto sqlite = SqliteConnection::open(databasePath, false, true, &error);
        if (!sqlite || !sqlite->execScript("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;", &error)
            || !installSchema(*sqlite, &error)) {
            emit failed(tr("demo database: %1").arg(error));
            return;
        }
        m_db = std::move(sqlite);
        FeedServerOptions feedOptions;
        feedOptions.address = QHostAddress(QHostAddress::LocalHost);
        m_server = std::make_unique<FeedServer>(feedOptions);
        if (!m_server->listen(&error)) {
            emit failed(tr("demo feed: %1").arg(error));
            return;
        }
        SimulationOptions options;
        options.eventsPerSecond = rate;
        options.dwellScale = 0.02; // a busy demo: executions finish within seconds
        m_engine = std::make_unique<SimulatedEngine>(MachineModel::orderProcessing(), options);
        m_engine->setFeedServer(m_server.get());
        if (!m_engine->setDatabase(m_db.get(), &error)) {
            emit failed(tr("demo database: %1").arg(error));
            return;
        }
        m_api = std::make_unique<EngineHttpApi>(*m_engine, QByteArray());
        if (!m_api->listen(QHostAddress(QHostAddress::LocalHost), 0, &error)) {
            emit failed(tr("demo recovery API: %1").arg(error));
            return;
        }
        m_engine->start();
        emit ready(m_server->url(), databasePath, m_api->baseUrl());
    }
    void stop()
    {
        if (m_engine)
            m_engine->stop();
        m_api.reset();
        m_engine.reset();
        m_server.reset();
        m_db.reset();
    }

signals:
    void ready(const QUrl &feedUrl, const QString &databasePath, const QUrl &apiUrl);
    void failed(const QString &message);

private:
    std::unique_ptr<SqlConnection> m_db;
    std::unique_ptr<FeedServer> m_server;
    std::unique_ptr<SimulatedEngine> m_engine;
    std::unique_ptr<EngineHttpApi> m_api;
};

DemoEngine::DemoEngine(double eventsPerSecond, QObject *parent)
    : QObject(parent)
    , m_worker(new DemoEngineWorker)
    , m_rate(eventsPerSecond)
{
    m_thread.setObjectName(QStringLiteral("statescope-demo-engine"));
    m_worker->moveToThread(&m_thread);
    connect(m_worker, &DemoEngineWorker::ready, this, &DemoEngine::ready);
    connect(m_worker, &DemoEngineWorker::failed, this, &DemoEngine::failed);
}

DemoEngine::~DemoEngine()
{
    if (m_thread.isRunning()) {
        QMetaObject::invokeMethod(m_worker, &DemoEngineWorker::stop, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
    delete m_worker;
}

QString DemoEngine::databasePath() const
{
    return m_dir.filePath(QStringLiteral("demo.sqlite"));
}

void DemoEngine::start()
{
    if (!m_dir.isValid()) {
        emit failed(tr("no temporary directory for the demo database"));
        return;
    }
    m_thread.start();
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, path = databasePath(), rate = m_rate] { worker->start(path, rate); },
                              Qt::QueuedConnection);
}

} // namespace StateScope

#include "demoengine.moc"
