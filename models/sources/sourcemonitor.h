#pragma once

#include "sqlconnection.h"

#include <QMetaType>
#include <QObject>

#include <memory>

class QTimer;

namespace StateScope {

// What the dashboard knows about a loaded offline source since it was loaded (BARS R4).
struct SourceHealth
{
    bool reachable = true;
    bool changed = false;          // the source differs from what was loaded: a reload shows it
    qint64 confirmedAtMs = -1;     // the last time (epoch ms) a probe reached the source
    qint64 lostAtMs = -1;          // when it stopped answering (reachable == false)
    int retryInMs = 0;             // the next attempt (reachable == false)
    int attempts = 0;              // failed attempts since it was lost
    QString error;                 // why it is unreachable
};

// Watches an offline source after it was loaded, on the thread it lives on (a worker: probes
// may wait on the network). A database is probed every few seconds with one cheap query
// (row counts and the sum of state versions: any recovery, transition or new execution moves
// it); an event log by its size and modification time. A failed probe reports the source lost
// with the time it was last confirmed, then retries with capped exponential backoff and jitter
// until it answers again. Nothing is read beyond the probe: reloading is the caller's choice.
class SourceMonitor final : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        int probeIntervalMs = 5000;
        int initialBackoffMs = 1000;
        int maxBackoffMs = 30000;
    };

    explicit SourceMonitor(Options options, QObject *parent = nullptr);
    explicit SourceMonitor(QObject *parent = nullptr) : SourceMonitor(Options{}, parent) { }
    ~SourceMonitor() override;

    // Only sources that can change under the dashboard: databases and event-log files.
    static bool canWatch(const QString &source);
    // One probe of `source` on the calling thread, without watching it (the benchmark);
    // *queryMs is the query's time (0 for event logs).
    bool probeOnce(const QString &source, QByteArray *fingerprint, qint64 *queryMs, QString *error);

public slots:
    void setOptions(const StateScope::SourceMonitor::Options &options) { m_options = options; }
    // Takes the baseline at once, then probes. Called as the load starts, it runs beside the
    // load: a change made before the baseline probe reads is seen only with the next change. `generation` comes back with every report so the caller can drop stale ones.
    void watch(const QString &source, quint64 generation);
    void stop();
    void probeNow();

signals:
    void healthChanged(const StateScope::SourceHealth &health, quint64 generation);

private:
    void probe();
    bool fingerprint(QByteArray *print, QString *error);
    bool databaseFingerprint(QByteArray *print, QString *error);
    void schedule(int delayMs);

    Options m_options;
    QTimer *m_timer = nullptr;
    SourceLocation m_location;
    quint64 m_generation = 0;
    std::unique_ptr<SqlConnection> m_connection; // kept open between probes (PostgreSQL)
    QByteArray m_probeSql;                       // built from the tables the database has
    int m_probeColumns = 0;
    qint64 m_lastQueryMs = 0;
    QByteArray m_baseline;
    bool m_haveBaseline = false;
    int m_backoffMs = 0;
    SourceHealth m_health;
};

} // namespace StateScope

Q_DECLARE_METATYPE(StateScope::SourceHealth)
