#include "dashboardsession.h"

#include "analyzer.h"
#include "eventstore.h"
#include "feedingestor.h"
#include "memorybudget.h"
#include "storeloader.h"

#include <QDateTime>
#include <QtConcurrent/QtConcurrentRun>

namespace StateScope {

namespace {
// Live batches reach the views at most every m_applyIntervalMs (25 ms unless the preferences
// say otherwise): coalesced, yet an event waits at most that plus the client's batch interval
// before it is shown (BARS P2: p99 <= 50 ms).
constexpr int kClientBatchMs = 5;
constexpr int kLiveAnalysisIntervalMs = 2000; // the full report while live
constexpr qint64 kRateWindowMs = 5000;

// Earliest and latest time in a store (entry times and transition times).
std::pair<TimeMs, TimeMs> timeRange(const EventStore &store)
{
    TimeMs first = kUnknownTime;
    TimeMs last = kUnknownTime;
    auto note = [&](TimeMs t) {
        if (t == kUnknownTime)
            return;
        first = first == kUnknownTime ? t : std::min(first, t);
        last = last == kUnknownTime ? t : std::max(last, t);
    };
    for (quint32 t = 0; t < store.transitionCount(); ++t)
        note(store.transitionTime(t));
    for (ExecutionIndex e = 0; e < store.executionCount(); ++e)
        note(store.executionEntryTime(e));
    return {first, last};
}
} // namespace

DashboardSession::DashboardSession(QObject *parent)
    : QObject(parent)
    , m_store(std::make_shared<EventStore>())
    , m_budget(std::make_unique<MemoryBudget>(MemoryBudget::kDefaultBytes))
    , m_loader(new StoreLoader)
{
    m_ingestor = std::make_unique<FeedIngestor>(*m_store, &m_live);
    m_loaderThread.setObjectName(QStringLiteral("statescope-loader"));
    m_loader->moveToThread(&m_loaderThread);
    connect(&m_loaderThread, &QThread::finished, m_loader, &QObject::deleteLater);
    connect(m_loader, &StoreLoader::progress, this, [this](const LoadProgress &p, quint64 generation) {
        if (generation == m_loadGeneration)
            emit loadProgress(p.phase, p.done, p.total);
    });
    connect(m_loader, &StoreLoader::finished, this, &DashboardSession::onLoaded);
    m_loaderThread.start();
    m_monitor = new SourceMonitor;
    m_monitorThread.setObjectName(QStringLiteral("statescope-monitor"));
    m_monitor->moveToThread(&m_monitorThread);
    connect(&m_monitorThread, &QThread::finished, m_monitor, &QObject::deleteLater);
    connect(m_monitor, &SourceMonitor::healthChanged, this, &DashboardSession::onHealthChanged);
    m_monitorThread.start();
    m_applyTimer.setSingleShot(true);
    connect(&m_applyTimer, &QTimer::timeout, this, &DashboardSession::applyPendingBatches);
    connect(&m_analysis, &QFutureWatcher<AnalysisReport>::finished, this, [this] {
        const bool stale = m_runningAnalysisStale;
        m_runningAnalysisStale = false;
        if (!stale) {
            m_report = m_analysis.result();
            if (isLive() && m_asOf == kUnknownTime)
                patchLiveFigures(); // events applied while it ran
            emit reportChanged(true);
        }
        if (m_analysisWanted || stale) {
            m_analysisWanted = false;
            startAnalysis();
        }
    });
}

DashboardSession::~DashboardSession()
{
    disconnectFeeds();
    m_loader->cancel();
    m_loaderThread.quit();
    m_loaderThread.wait();
    m_monitorThread.quit(); // a probe in progress ends within its connect and TCP timeouts
    m_monitorThread.wait();
    m_analysis.waitForFinished();
}

bool DashboardSession::hasData() const
{
    return m_store->transitionCount() > 0 || m_store->executionCount() > 0 || m_store->hasSummaries()
        || !m_store->definitions().empty(); // a definition alone is something to show
}

void DashboardSession::openSource(const QString &source, const CsvColumns &csvColumns, const SourceFilter &filter)
{
    m_loader->cancel(); // a newer request makes the running one stale
    const quint64 generation = ++m_loadGeneration;
    m_loading = true;
    std::erase_if(m_sources, [](const Source &s) { return !s.live; });
    m_sources.insert(m_sources.begin(), Source{m_nextSourceId++, source, false, tr("loading…"), false});
    m_offlineSource = source;
    m_csvColumns = csvColumns;
    m_filter = filter;
    m_loadedStatus.clear();
    m_health = SourceHealth{};
    emit sourcesChanged();
    // The monitor's baseline is taken before the load reads: a change meanwhile shows as one.
    QMetaObject::invokeMethod(m_monitor, [monitor = m_monitor, source, generation] {
        if (SourceMonitor::canWatch(source))
            monitor->watch(source, generation);
        else
            monitor->stop();
    }, Qt::QueuedConnection);
    QMetaObject::invokeMethod(
        m_loader,
        [loader = m_loader, source, generation, csvColumns, filter] { loader->load(source, generation, csvColumns, filter); },
        Qt::QueuedConnection);
}

void DashboardSession::setDefinition(std::optional<StateMachineDefinition> definition)
{
    m_definition = std::move(definition);
    emit definitionChanged();
    if (m_analysis.isRunning())
        m_runningAnalysisStale = true; // started again when it ends
    else
        startAnalysis();
}

std::optional<StateMachineDefinition> DashboardSession::definition() const
{
    if (m_definition)
        return m_definition;
    const std::vector<StateMachineDefinition> &definitions = m_store->definitions();
    return definitions.size() == 1 ? std::optional<StateMachineDefinition>(definitions.front()) : std::nullopt;
}

void DashboardSession::setSourceMonitorOptions(const SourceMonitor::Options &options)
{
    QMetaObject::invokeMethod(m_monitor, [monitor = m_monitor, options] { monitor->setOptions(options); },
                              Qt::QueuedConnection);
}

void DashboardSession::reloadSource()
{
    if (!m_offlineSource.isEmpty())
        openSource(m_offlineSource, m_csvColumns, m_filter);
}

void DashboardSession::onHealthChanged(const SourceHealth &health, quint64 generation)
{
    if (generation != m_loadGeneration)
        return; // about a source since closed or reloaded
    m_health = health;
    if (!m_loading && !m_loadedStatus.isEmpty()) // not before the load said how it went
        showOfflineStatus();
}

// The Sources pane's line for the offline source: the load's outcome, unless the source has
// since changed or stopped answering (then the data on screen is stale, and says since when).
void DashboardSession::showOfflineStatus()
{
    const int id = m_sources.empty() || m_sources.front().live ? 0 : m_sources.front().id;
    const auto clock = [](qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms).toLocalTime().toString(QStringLiteral("HH:mm:ss")); };
    if (!m_health.reachable) {
        setSourceStatus(id,
                        tr("unreachable since %1 (%2); showing data as of %3; retrying in %4 s")
                            .arg(clock(m_health.lostAtMs), m_health.error,
                                 m_health.confirmedAtMs < 0 ? tr("the load") : clock(m_health.confirmedAtMs))
                            .arg(std::max(1, (m_health.retryInMs + 500) / 1000)),
                        true);
    } else if (m_health.changed) {
        setSourceStatus(id, tr("%1; changed since: Reload (F5) shows the new data").arg(m_loadedStatus), m_loadedWithIssues);
    } else {
        setSourceStatus(id, m_loadedStatus, m_loadedWithIssues);
    }
}

void DashboardSession::cancelLoad()
{
    m_loader->cancel();
}

void DashboardSession::onLoaded(std::shared_ptr<EventStore> store, const LoadResult &result, quint64 generation)
{
    if (generation != m_loadGeneration)
        return;
    m_loading = false;
    const int id = m_sources.empty() || m_sources.front().live ? 0 : m_sources.front().id;
    if (!store) {
        const QString message = result.cancelled ? tr("Loading cancelled") : result.error;
        setSourceStatus(id, result.cancelled ? tr("cancelled") : tr("error: %1").arg(result.error), true);
        QMetaObject::invokeMethod(m_monitor, &SourceMonitor::stop, Qt::QueuedConnection); // nothing loaded to go stale
        emit loadFinished(false, message);
        if (!result.unmappedHeader.isEmpty())
            emit columnMappingNeeded(m_offlineSource, result.unmappedHeader, result.error);
        return;
    }
    m_store = std::move(store);
    m_ingestor = std::make_unique<FeedIngestor>(*m_store, &m_live);
    m_liveStale = true; // rebuilt when live events first need it: offline data never does
    m_asOf = kUnknownTime;
    std::tie(m_firstTime, m_lastTime) = timeRange(*m_store);
    m_loadedStatus = result.issueCount ? tr("loaded, %n unreadable records skipped", nullptr, int(result.issueCount)) : tr("loaded");
    if (!m_filter.isEmpty())
        m_loadedStatus += tr(" (%1 only)").arg(describeFilter(m_filter));
    m_loadedWithIssues = result.issueCount > 0;
    showOfflineStatus();
    emit storeChanged(true);
    emit asOfChanged(m_asOf);
    startAnalysis();
    emit loadFinished(true, result.issueCount ? tr("Loaded; %n unreadable records skipped", nullptr, int(result.issueCount)) : tr("Loaded"));
}

void DashboardSession::connectFeed(FeedClientOptions options)
{
    Feed feed;
    feed.inFlight = std::make_shared<FeedInFlight>(200000);
    options.inFlight = feed.inFlight;
    options.batchIntervalMs = kClientBatchMs;
    const QString label = options.url.toDisplayString();
    feed.thread = new QThread(this);
    feed.thread->setObjectName(QStringLiteral("statescope-feed"));
    feed.client = new FeedClient(options);
    feed.client->setObjectName(label);
    feed.client->moveToThread(feed.thread);
    connect(feed.thread, &QThread::finished, feed.client, &QObject::deleteLater);
    feed.sourceId = m_nextSourceId++;
    m_sources.push_back(Source{feed.sourceId, label, true, tr("connecting…"), false});
    const std::shared_ptr<FeedInFlight> inFlight = feed.inFlight;
    connect(feed.client, &FeedClient::eventsReceived, this, [this, inFlight](const FeedBatch &batch) {
        m_pending.push_back(batch);
        m_pendingAcks.push_back(inFlight);
        // At most one tick per interval, but no wait after a quiet spell.
        if (!m_applyTimer.isActive())
            m_applyTimer.start(m_sinceApply.isValid() ? std::max<qint64>(0, m_applyIntervalMs - m_sinceApply.elapsed()) : 0);
    });
    const int id = feed.sourceId;
    connect(feed.client, &FeedClient::stateChanged, this, [this, id](FeedClient::State state, const QString &detail) {
        switch (state) {
        case FeedClient::State::Connected: setSourceStatus(id, tr("connected"), false); break;
        case FeedClient::State::Connecting: setSourceStatus(id, tr("connecting…"), false); break;
        case FeedClient::State::Reconnecting: setSourceStatus(id, detail, true); break;
        case FeedClient::State::Closed: setSourceStatus(id, tr("closed: %1").arg(detail), true); break;
        case FeedClient::State::Idle: break;
        }
    });
    connect(feed.client, &FeedClient::gapDetected, this, [this, id](const FeedGap &gap) {
        setSourceStatus(id, tr("gap after event %1: %2 events the server no longer holds")
                                       .arg(gap.afterSeq).arg(gap.missedEvents < 0 ? tr("some") : QString::number(gap.missedEvents)),
                        true);
    });
    connect(feed.client, &FeedClient::errorOccurred, this, &DashboardSession::errorOccurred);
    m_feeds.push_back(feed);
    feed.thread->start();
    QMetaObject::invokeMethod(feed.client, &FeedClient::start, Qt::QueuedConnection);
    emit sourcesChanged();
}

void DashboardSession::disconnectFeeds()
{
    for (Feed &f : m_feeds) {
        QMetaObject::invokeMethod(f.client, &FeedClient::stop, Qt::QueuedConnection);
        f.thread->quit();
    }
    for (Feed &f : m_feeds) {
        f.thread->wait();
        delete f.thread;
    }
    m_feeds.clear();
    std::erase_if(m_sources, [](const Source &s) { return s.live; });
    emit sourcesChanged();
}

void DashboardSession::closeSources()
{
    disconnectFeeds();
    m_loader->cancel();
    ++m_loadGeneration; // a load still running is stale
    m_loading = false;
    QMetaObject::invokeMethod(m_monitor, &SourceMonitor::stop, Qt::QueuedConnection);
    m_offlineSource.clear();
    m_loadedStatus.clear();
    m_health = SourceHealth{};
    m_pending.clear();
    m_pendingAcks.clear();
    if (m_analysis.isRunning())
        m_runningAnalysisStale = true; // it reads its own reference to the old data
    m_store = std::make_shared<EventStore>();
    m_ingestor = std::make_unique<FeedIngestor>(*m_store, &m_live);
    m_live = LiveAnalytics();
    m_liveStale = false;
    m_report = AnalysisReport();
    m_firstTime = m_lastTime = kUnknownTime;
    m_asOf = kUnknownTime;
    m_sources.clear();
    emit sourcesChanged();
    emit storeChanged(true);
    emit asOfChanged(m_asOf);
    emit reportChanged(true);
}

void DashboardSession::setSourceStatus(int sourceId, const QString &status, bool problem)
{
    for (Source &s : m_sources) {
        if (s.id == sourceId) {
            s.status = status;
            s.problem = problem;
            emit sourcesChanged();
        }
    }
}

// An offline analysis may still read the store the load handed over: live appends go to a
// copy then, never into data another thread reads.
void DashboardSession::detachStoreFromReaders()
{
    if (m_store.use_count() == 1)
        return;
    m_store = std::make_shared<EventStore>(*m_store);
    m_ingestor = std::make_unique<FeedIngestor>(*m_store, &m_live);
}

void DashboardSession::applyPendingBatches()
{
    if (m_pending.empty())
        return;
    m_sinceApply.restart();
    const EventStore *before = m_store.get();
    detachStoreFromReaders();
    if (m_liveStale) {
        m_live.rebuild(*m_store);
        m_liveStale = false;
    }
    quint64 events = 0;
    m_lastTickOldest = kUnknownTime;
    for (size_t i = 0; i < m_pending.size(); ++i) {
        for (const FeedEvent &e : *m_pending[i])
            if (e.time != kUnknownTime && (m_lastTickOldest == kUnknownTime || e.time < m_lastTickOldest))
                m_lastTickOldest = e.time;
        m_ingestor->apply(*m_pending[i]);
        events += m_pending[i]->size();
        m_pendingAcks[i]->acknowledge(qint64(m_pending[i]->size()));
    }
    m_pending.clear();
    m_pendingAcks.clear();
    const bool compacted = m_budget->enforce(*m_store);
    m_liveEventsApplied += events;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_rateWindow.emplace_back(now, events);
    while (!m_rateWindow.empty() && m_rateWindow.front().first < now - kRateWindowMs)
        m_rateWindow.pop_front();
    if (m_asOf == kUnknownTime)
        patchLiveFigures();
    emit storeChanged(compacted || before != m_store.get());
    emit reportChanged(false);
    scheduleAnalysis();
}

void DashboardSession::patchLiveFigures()
{
    if (m_liveStale)
        return; // no live events since the load: the report is the truth
    const EventStore &store = *m_store;
    const MarkovResult &markov = m_live.markov();
    std::vector<StateId> ids(m_report.states.size());
    for (size_t i = 0; i < m_report.states.size(); ++i) {
        ids[i] = store.findState(m_report.states[i].name.toUtf8());
        if (ids[i] != StringInterner::kNotFound)
            m_report.states[i].executionsInState = m_live.executionsIn(ids[i]);
    }
    for (AnalysisReport::Edge &edge : m_report.edges) {
        const StateId from = ids[size_t(edge.from)];
        const StateId to = ids[size_t(edge.to)];
        if (from == StringInterner::kNotFound || to == StringInterner::kNotFound)
            continue;
        edge.count = m_live.count(from, to);
        edge.probability = 0;
        if (from < markov.rows.size())
            for (const auto &[target, p] : markov.rows[from])
                if (target == to)
                    edge.probability = p;
    }
    m_report.transitions = m_live.transitions();
}

void DashboardSession::scheduleAnalysis()
{
    if (m_analysis.isRunning()) {
        m_analysisWanted = true;
        return;
    }
    if (!m_sinceAnalysis.isValid() || m_sinceAnalysis.elapsed() >= kLiveAnalysisIntervalMs)
        startAnalysis();
}

void DashboardSession::startAnalysis()
{
    if (m_analysis.isRunning()) {
        m_analysisWanted = true;
        return;
    }
    // Live data changes under the worker's feet: it reads a copy (tens of ms per million
    // transitions). Offline data does not change: it reads the store itself.
    const std::shared_ptr<const EventStore> snapshot = storeSnapshot();
    const AnalysisOptions options = analysisOptions();
    m_sinceAnalysis.restart();
    m_analysis.setFuture(QtConcurrent::run([snapshot, options] { return analyze(*snapshot, options); }));
}

std::shared_ptr<const EventStore> DashboardSession::storeSnapshot() const
{
    return isLive() ? std::make_shared<EventStore>(*m_store) : m_store;
}

AnalysisOptions DashboardSession::analysisOptions() const
{
    AnalysisOptions options;
    options.sourceLabel = m_sources.empty() ? QString() : m_sources.front().label;
    options.selection.to = m_asOf;
    options.asOf = m_asOf;
    options.definition = definition();
    options.lagThresholdMs = m_lagThresholdMs;
    return options;
}

void DashboardSession::setLagThresholdMs(double ms)
{
    if (ms <= 0 || ms == m_lagThresholdMs)
        return;
    m_lagThresholdMs = ms;
    if (!hasData())
        return;
    if (m_analysis.isRunning())
        m_runningAnalysisStale = true; // started again when it ends
    else
        startAnalysis();
}

void DashboardSession::setMemoryBudgetBytes(quint64 bytes)
{
    m_budget->setBudget(std::max(bytes, MemoryBudget::kMinimumBytes));
}

quint64 DashboardSession::memoryBudgetBytes() const
{
    return m_budget->counters().requestedBudgetBytes;
}

void DashboardSession::setRefreshIntervalMs(int ms)
{
    m_applyIntervalMs = std::clamp(ms, 1, 1000);
}

void DashboardSession::setAsOf(TimeMs asOf)
{
    if (asOf == m_asOf)
        return;
    m_asOf = asOf;
    emit asOfChanged(asOf);
    if (m_analysis.isRunning())
        m_runningAnalysisStale = true; // started again when it ends
    else
        startAnalysis();
}

TimeMs DashboardSession::firstEventTime() const
{
    return m_firstTime;
}

TimeMs DashboardSession::latestEventTime() const
{
    const TimeMs live = m_ingestor->latestEventTime();
    if (live == kUnknownTime)
        return m_lastTime;
    return m_lastTime == kUnknownTime ? live : std::max(live, m_lastTime);
}

double DashboardSession::eventsPerSecond() const
{
    if (m_rateWindow.empty())
        return 0;
    quint64 events = 0;
    for (const auto &[ms, n] : m_rateWindow)
        events += n;
    const qint64 span = std::max<qint64>(1000, QDateTime::currentMSecsSinceEpoch() - m_rateWindow.front().first);
    return double(events) * 1000.0 / double(span);
}

} // namespace StateScope
