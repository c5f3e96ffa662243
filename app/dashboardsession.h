#pragma once

#include "analysisoptions.h"
#include "analysisreport.h"
#include "csvreader.h"
#include "feedclient.h"
#include "liveanalytics.h"
#include "loadresult.h"
#include "sqlpushdown.h"
#include "sourcemonitor.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QObject>
#include <QThread>
#include <QTimer>

#include <deque>
#include <memory>

namespace StateScope {

class EventStore;
class FeedIngestor;
class MemoryBudget;
class StoreLoader;

// The data behind the dashboard, on the GUI thread: one EventStore filled by a database or
// event-log load (StoreLoader on a worker thread) and by live feeds (each FeedClient on its
// own thread). Live batches are queued and applied together at most every 25 ms (or as the
// refresh-rate preference says), with LiveAnalytics kept in step and the memory budget
// enforced; the views hear one
// storeChanged() per tick. The full report is computed on a worker (QtConcurrent) every
// couple of seconds while live, and once per load or time-scrubber move offline; between two
// full reports the live figures (counts, executions per state) are patched into the last one.
class DashboardSession final : public QObject
{
    Q_OBJECT
public:
    struct Source
    {
        int id = 0;
        QString label;
        bool live = false;
        QString status; // what the Sources pane shows: "loaded", "connected", "reconnecting in 2 s", ...
        bool problem = false;
    };

    explicit DashboardSession(QObject *parent = nullptr);
    ~DashboardSession() override;

    // Replaces the data with a database or an event log, loaded on the worker. The source is
    // then watched (SourceMonitor): a lost connection shows as stale data, a change as a hint.
    // csvColumns: the columns of a CSV log as the user mapped them (columnMappingNeeded()).
    // filter: for a PostgreSQL source, only the executions it can touch are read (the rest
    // stays on the server); Reload keeps it.
    void openSource(const QString &source, const CsvColumns &csvColumns = {}, const SourceFilter &filter = {});
    // Loads the open database or event log again (after it changed, or a recovery).
    void reloadSource();
    QString offlineSource() const { return m_offlineSource; }
    // The watched offline source: reachable, changed since loaded, when last confirmed.
    const SourceHealth &offlineHealth() const { return m_health; }
    // A definition the user attached (--definition, File > Attach Definition): conformance and
    // validation use it, and the diagram draws it. Without one, the data's only definition.
    void setDefinition(std::optional<StateMachineDefinition> definition);
    std::optional<StateMachineDefinition> definition() const;
    // The preferences: the lag threshold of the consistency score (a new report is computed),
    // the memory budget of live data, and how often live batches reach the views.
    void setLagThresholdMs(double ms);
    double lagThresholdMs() const { return m_lagThresholdMs; }
    void setMemoryBudgetBytes(quint64 bytes);
    quint64 memoryBudgetBytes() const;
    void setRefreshIntervalMs(int ms);
    int refreshIntervalMs() const { return m_applyIntervalMs; }
    // How often the offline source is probed and retried (tests shorten it).
    void setSourceMonitorOptions(const SourceMonitor::Options &options);
    void cancelLoad();
    bool isLoading() const { return m_loading; }
    // Adds a live feed; its events go into the current data.
    void connectFeed(FeedClientOptions options);
    void disconnectFeeds();
    // Closes every source: feeds stop and the data is dropped.
    void closeSources();

    const EventStore &store() const { return *m_store; }
    // The store for a worker to read while the GUI goes on: the store itself offline (a new
    // load replaces it rather than changing it), a copy while feeds append to it.
    std::shared_ptr<const EventStore> storeSnapshot() const;
    // What the report is computed with: the selection (up to the scrubber's time), the
    // definition, the source label. Exports use it to describe and reproduce the report.
    AnalysisOptions analysisOptions() const;
    const EventStore *storePointer() const { return m_store.get(); }
    const AnalysisReport &report() const { return m_report; }
    const std::vector<Source> &sources() const { return m_sources; }
    bool isLive() const { return !m_feeds.empty(); }
    bool hasData() const;

    // The time scrubber (offline data): the views show the state as of this time.
    void setAsOf(TimeMs asOf);
    TimeMs asOf() const { return m_asOf; }
    TimeMs firstEventTime() const;
    TimeMs latestEventTime() const;
    double eventsPerSecond() const;
    quint64 liveEventsApplied() const { return m_liveEventsApplied; }
    // The oldest event time of the last live tick (what waited longest to be shown; P2).
    TimeMs lastTickOldestEventTime() const { return m_lastTickOldest; }

signals:
    void loadProgress(const QString &phase, qint64 done, qint64 total);
    void loadFinished(bool ok, const QString &message);
    // A CSV log whose columns were not found by name: its header, to let the user map them.
    void columnMappingNeeded(const QString &source, const QStringList &header, const QString &problem);
    void storeChanged(bool reset);
    // full: a new report from the analyzer; otherwise live figures patched into the last one.
    void reportChanged(bool full);
    void sourcesChanged();
    void asOfChanged(StateScope::TimeMs asOf);
    void definitionChanged();
    void errorOccurred(const QString &message);

private:
    struct Feed
    {
        FeedClient *client = nullptr;
        QThread *thread = nullptr;
        std::shared_ptr<FeedInFlight> inFlight;
        int sourceId = 0;
    };
    void onLoaded(std::shared_ptr<EventStore> store, const LoadResult &result, quint64 generation);
    void applyPendingBatches();
    void detachStoreFromReaders();
    void scheduleAnalysis();
    void startAnalysis();
    void patchLiveFigures();
    void setSourceStatus(int sourceId, const QString &status, bool problem);
    void onHealthChanged(const SourceHealth &health, quint64 generation);
    void showOfflineStatus();

    std::shared_ptr<EventStore> m_store;
    LiveAnalytics m_live;
    bool m_liveStale = false; // m_live does not describe a newly loaded store yet
    std::unique_ptr<FeedIngestor> m_ingestor;
    std::unique_ptr<MemoryBudget> m_budget;
    AnalysisReport m_report;
    std::vector<Source> m_sources;
    int m_nextSourceId = 1;
    TimeMs m_firstTime = kUnknownTime; // of the loaded data
    TimeMs m_lastTime = kUnknownTime;

    QThread m_loaderThread;
    StoreLoader *m_loader = nullptr;
    quint64 m_loadGeneration = 0;
    bool m_loading = false;
    QString m_offlineSource;
    CsvColumns m_csvColumns; // of m_offlineSource, kept for reloads
    SourceFilter m_filter;   // likewise
    QString m_loadedStatus; // what the load said ("loaded", "loaded, 3 unreadable records skipped")
    bool m_loadedWithIssues = false;

    std::optional<StateMachineDefinition> m_definition;
    QThread m_monitorThread;
    SourceMonitor *m_monitor = nullptr;
    SourceHealth m_health;

    std::vector<Feed> m_feeds;
    std::vector<FeedBatch> m_pending;
    std::vector<std::shared_ptr<FeedInFlight>> m_pendingAcks;
    QTimer m_applyTimer;
    int m_applyIntervalMs = 25; // live batches reach the views at most this often
    double m_lagThresholdMs = 1000;
    QElapsedTimer m_sinceApply;
    std::deque<std::pair<qint64, quint64>> m_rateWindow; // (ms, events applied) of the last seconds
    quint64 m_liveEventsApplied = 0;
    TimeMs m_lastTickOldest = kUnknownTime;

    QFutureWatcher<AnalysisReport> m_analysis;
    bool m_analysisWanted = false;
    bool m_runningAnalysisStale = false; // its options are out of date: drop its result
    QElapsedTimer m_sinceAnalysis;
    TimeMs m_asOf = kUnknownTime;
};

} // namespace StateScope
