#pragma once

#include <QObject>
#include <QTemporaryDir>
#include <QThread>
#include <QUrl>

#include <memory>

namespace StateScope {

class DemoEngineWorker;

// `statescope --demo`: the simulated engine of `statescope simulate`, in-process on its own
// thread so the window never waits for it: a temporary SQLite state database, a loopback
// statescope-feed/1 server and the recovery API. ready() names both once they listen.
class DemoEngine final : public QObject
{
    Q_OBJECT
public:
    explicit DemoEngine(double eventsPerSecond = 400, QObject *parent = nullptr);
    ~DemoEngine() override; // stops the engine and removes the temporary database

    void start();
    QString databasePath() const;

signals:
    void ready(const QUrl &feedUrl, const QString &databasePath, const QUrl &apiUrl);
    void failed(const QString &message);

private:
    QTemporaryDir m_dir;
    QThread m_thread;
    DemoEngineWorker *m_worker = nullptr;
    double m_rate;
};

} // namespace StateScope
