#include "mainwindow.h"

#include "connectiondialog.h"
#include "csvmappingdialog.h"
#include "dashboardsession.h"
#include "definitionparser.h"
#include "demoengine.h"
#include "eventstore.h"
#include "analyticsview.h"
#include "consistencyview.h"
#include "matrixview.h"
#include "recoverypane.h"
#include "sourcespane.h"
#include "statediagramview.h"
#include "statepalette.h"
#include "timelineview.h"
#include "timescrubber.h"

#include <QAction>
#include <QCloseEvent>
#include <QDateTime>
#include <QDockWidget>
#include <QFutureWatcher>
#include <QFileDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QSettings>
#include <QStatusBar>
#include <QStyle>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace StateScope {

namespace {
constexpr int kLayoutVersion = 3; // a saved layout of other docks is not restored
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_session(std::make_unique<DashboardSession>())
    , m_summary(new QLabel(this))
    , m_scrubber(new TimeScrubber(this))
    , m_diagram(new StateDiagramView(this))
    , m_timeline(new TimelineView(this))
    , m_matrix(new MatrixView(this))
    , m_consistency(new ConsistencyView(this))
    , m_analytics(new AnalyticsView(this))
    , m_slowViewsTimer(new QTimer(this))
{
    setWindowTitle(tr("StateScope"));
    setObjectName(QStringLiteral("StateScopeMainWindow"));
    setDockNestingEnabled(true);
    m_summary->setText(tr("No source open. Open a database or event log (Ctrl+O), connect a live feed (Ctrl+Shift+O), "
                          "or start with: statescope --demo"));
    m_summary->setAccessibleName(tr("Report summary"));
    m_summary->setWordWrap(true);
    m_summary->setContentsMargins(8, 4, 8, 4);
    m_diagram->setAccessibleName(tr("State diagram"));
    auto *central = new QWidget(this);
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    centralLayout->addWidget(m_summary);
    centralLayout->addWidget(m_diagram, 1);
    setCentralWidget(central);
    m_slowViewsTimer->setSingleShot(true);
    m_slowViewsTimer->setInterval(500);
    connect(m_slowViewsTimer, &QTimer::timeout, this, [this] {
        m_analytics->setReport(m_session->report());
        m_consistency->setReport(m_session->report());
        const AnalysisReport &r = m_session->report();
        // One translatable figure each: every count takes its own plural form.
        const QStringList figures{tr("%Ln executions", nullptr, int(r.executions)),
                                  tr("%Ln transitions", nullptr, int(r.transitions)),
                                  tr("%Ln states", nullptr, int(r.states.size())),
                                  tr("%Ln running", nullptr, int(r.runningExecutions)),
                                  tr("%Ln alerts", nullptr, int(quint64(r.alerts.size()) + r.alertsOmitted))};
        m_summary->setText(r.source + QStringLiteral(" — ") + figures.join(QStringLiteral(" · ")));
    });
    createActions();
    createDocks();
    createStatusBar();
    createDesktopActions();
    connect(m_session.get(), &DashboardSession::reportChanged, this, &MainWindow::onReportChanged);
    connect(m_session.get(), &DashboardSession::storeChanged, this, &MainWindow::onStoreChanged);
    // A CSV log with unknown column names: ask which is which, then load it with that mapping.
    connect(m_session.get(), &DashboardSession::columnMappingNeeded, this,
            [this](const QString &source, const QStringList &header, const QString &problem) {
                auto *dialog = new CsvMappingDialog(source, header, problem, this);
                dialog->setAttribute(Qt::WA_DeleteOnClose);
                connect(dialog, &QDialog::accepted, this,
                        [this, dialog, source] { m_session->openSource(source, dialog->columns()); });
                dialog->open();
            });
    connect(m_session.get(), &DashboardSession::definitionChanged, this,
            [this] { m_diagram->setDefinition(m_session->definition()); });
    connect(m_session.get(), &DashboardSession::asOfChanged, m_scrubber, &TimeScrubber::setAsOf);
    connect(m_session.get(), &DashboardSession::asOfChanged, m_timeline, &TimelineView::setAsOf);
    m_timeline->setStore(m_session->storePointer());
    m_timeline->setFollowLive(m_followAction->isChecked());
    m_matrix->setStore(m_session->storePointer());
    connect(m_timeline, &TimelineView::executionSelected, this, &MainWindow::selectExecution);
    connect(m_sources, &SourcesPane::executionSelected, this, &MainWindow::selectExecution);
    connect(m_analytics, &AnalyticsView::executionActivated, this, &MainWindow::selectExecutionById);
    connect(m_followAction, &QAction::toggled, m_timeline, &TimelineView::setFollowLive);
    connect(m_timeline, &TimelineView::followLiveChanged, m_followAction, &QAction::setChecked);
    connect(m_scrubber, &TimeScrubber::asOfChanged, m_session.get(), &DashboardSession::setAsOf);
    connect(m_session.get(), &DashboardSession::loadProgress, this, [this](const QString &phase, qint64 done, qint64 total) {
        m_progress->setRange(0, total > 0 ? 1000 : 0);
        if (total > 0)
            m_progress->setValue(int(std::min<qint64>(1000, done * 1000 / total)));
        statusBar()->showMessage(tr("Reading %1: %2 rows").arg(phase).arg(done));
    });
    connect(m_session.get(), &DashboardSession::loadFinished, this, [this](bool ok, const QString &message) {
        m_progress->hide();
        m_cancel->hide();
        statusBar()->showMessage(message, 10000);
        if (!ok)
            m_summary->setText(tr("Could not open the source: %1").arg(message));
        m_scrubber->setRange(m_session->firstEventTime(), m_session->latestEventTime());
        if (ok && !m_session->isLive()) { // offline data: the whole of it, not its last minutes
            m_followAction->setChecked(false);
            m_timeline->zoomToFit();
        }
        m_announcedData = true;
        emit sourcesLoaded();
    });
    connect(m_session.get(), &DashboardSession::errorOccurred, this,
            [this](const QString &message) { statusBar()->showMessage(message, 10000); });
    auto *statusTimer = new QTimer(this);
    connect(statusTimer, &QTimer::timeout, this, &MainWindow::updateStatus);
    statusTimer->start(500);
    resize(1440, 900);
    restoreLayout();
}

MainWindow::~MainWindow()
{
    m_session.reset(); // feeds and loads end before the demo engine they may talk to
    m_demo.reset();
}

void MainWindow::createActions()
{
    QMenu *file = m_fileMenu = menuBar()->addMenu(tr("&File"));
    m_openAction = file->addAction(style()->standardIcon(QStyle::SP_DialogOpenButton), tr("&Open Database or Log…"),
                                   QKeySequence::Open, this, &MainWindow::chooseSource);
    m_openAction->setIconText(tr("Open…"));
    m_openAction->setToolTip(tr("Open a SQLite state database, a postgresql:// URL or a JSONL event log (Ctrl+O)"));
    m_feedAction = file->addAction(style()->standardIcon(QStyle::SP_DriveNetIcon), tr("&Connect to Feed…"),
                                   QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O), this, &MainWindow::chooseFeed);
    m_feedAction->setIconText(tr("Connect…"));
    m_feedAction->setToolTip(tr("Connect to a live statescope-feed/1 server (Ctrl+Shift+O)"));
    file->addAction(tr("Attach &Definition…"), this, &MainWindow::chooseDefinition)
        ->setToolTip(tr("Check the data against a state machine definition (Amazon States Language or the state_machines form)"));
    QAction *engineApi = file->addAction(tr("&Engine Recovery API…"), this, &MainWindow::chooseEngineApi);
    engineApi->setToolTip(tr("Send recoveries to the engine's REST API instead of writing the database"));
    m_reloadAction = file->addAction(style()->standardIcon(QStyle::SP_BrowserReload), tr("Re&load"), QKeySequence::Refresh,
                                     this, [this] { m_session->reloadSource(); });
    m_reloadAction->setToolTip(tr("Load the open database or event log again, with what changed since (F5)"));
    m_disconnectAction = file->addAction(tr("Disconnect &Feeds"), this, [this] { m_session->disconnectFeeds(); });
    m_disconnectAction->setToolTip(tr("Stop every live feed; the data received so far stays"));
    m_closeAction = file->addAction(style()->standardIcon(QStyle::SP_DialogCloseButton), tr("Close &All Sources"),
                                    QKeySequence::Close, this, [this] { m_session->closeSources(); });
    m_closeAction->setIconText(tr("Close"));
    m_closeAction->setToolTip(tr("Stop every feed and drop the data of every source (Ctrl+W)"));
    file->addSeparator();
    createExportMenu(file);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_followAction = m_viewMenu->addAction(tr("Follow &Live"));
    m_followAction->setCheckable(true);
    m_followAction->setChecked(true);
    m_followAction->setShortcut(QKeySequence(Qt::Key_F));
    m_viewMenu->addSeparator();

    QToolBar *tools = addToolBar(tr("Main"));
    tools->setObjectName(QStringLiteral("mainToolBar"));
    tools->addAction(m_openAction);
    tools->addAction(m_feedAction);
    tools->addAction(m_reloadAction);
    tools->addAction(m_followAction);
    QToolBar *time = new QToolBar(tr("Time"), this);
    time->setObjectName(QStringLiteral("timeToolBar"));
    time->addWidget(m_scrubber);
    addToolBar(Qt::BottomToolBarArea, time);
}

QDockWidget *MainWindow::addDock(QWidget *view, const QString &title, const QString &objectName, Qt::DockWidgetArea area)
{
    auto *dock = new QDockWidget(title, this);
    dock->setObjectName(objectName);
    dock->setWidget(view);
    view->setAccessibleName(title);
    addDockWidget(area, dock);
    m_viewMenu->addAction(dock->toggleViewAction());
    return dock;
}

// The diagram in the middle; sources left; matrix and consistency right; timeline, analytics
// and the per-state summary below. Every dock can be moved, tabbed or closed (View menu).
void MainWindow::createDocks()
{
    m_sources = new SourcesPane(*m_session, this);
    m_sources->setActions(m_openAction, m_feedAction, m_closeAction);
    QDockWidget *sources = addDock(m_sources, tr("Sources"), QStringLiteral("sourcesDock"), Qt::LeftDockWidgetArea);
    QDockWidget *matrix = addDock(m_matrix, tr("Transition matrix"), QStringLiteral("matrixDock"), Qt::RightDockWidgetArea);
    QDockWidget *consistency = addDock(m_consistency, tr("Consistency"), QStringLiteral("consistencyDock"), Qt::RightDockWidgetArea);
    tabifyDockWidget(matrix, consistency);
    m_recovery = new RecoveryPane(*m_session, this);
    tabifyDockWidget(consistency, addDock(m_recovery, tr("Recovery"), QStringLiteral("recoveryDock"), Qt::RightDockWidgetArea));
    matrix->raise();
    QDockWidget *timeline = addDock(m_timeline, tr("Timeline"), QStringLiteral("timelineDock"), Qt::BottomDockWidgetArea);
    QDockWidget *analytics = addDock(m_analytics, tr("Analytics"), QStringLiteral("analyticsDock"), Qt::BottomDockWidgetArea);
    tabifyDockWidget(timeline, analytics);
    timeline->raise();
    resizeDocks({sources, matrix}, {300, 430}, Qt::Horizontal);
    resizeDocks({timeline}, {300}, Qt::Vertical);
}

void MainWindow::createStatusBar()
{
    m_connection = new QLabel(this);
    m_rate = new QLabel(this);
    m_staleness = new QLabel(this);
    m_progress = new QProgressBar(this);
    m_progress->setMaximumWidth(240);
    m_progress->hide();
    m_cancel = new QToolButton(this);
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop loading"));
    m_cancel->hide();
    connect(m_cancel, &QToolButton::clicked, m_session.get(), &DashboardSession::cancelLoad);
    for (QWidget *w : std::initializer_list<QWidget *>{m_progress, m_cancel, m_connection, m_rate, m_staleness})
        statusBar()->addPermanentWidget(w);
    updateStatus();
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray(), kLayoutVersion);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState(kLayoutVersion));
    QMainWindow::closeEvent(event);
}

void MainWindow::openSource(const QString &source, const SourceFilter &filter)
{
    setWindowFilePath(source);
    m_progress->setRange(0, 0);
    m_progress->show();
    m_cancel->show();
    statusBar()->showMessage(tr("Opening %1…").arg(source));
    m_session->openSource(source, {}, filter);
}

void MainWindow::connectFeed(const QUrl &url, const QString &caFile, const QByteArray &token)
{
    FeedClientOptions options;
    options.url = url;
    options.caFile = caFile;
    options.bearerToken = token;
    m_session->connectFeed(options);
    m_followAction->setChecked(true);
    statusBar()->showMessage(tr("Connecting to %1…").arg(url.toDisplayString()), 5000);
}

void MainWindow::startDemo()
{
    m_demo = std::make_unique<DemoEngine>();
    connect(m_demo.get(), &DemoEngine::ready, this,
            [this](const QUrl &feedUrl, const QString &databasePath, const QUrl &apiUrl) {
                connectFeed(feedUrl);
                // The demo's recoveries make the full round trip: preview from the engine's
                // database, the REST call, and the feed's recovery events.
                m_recovery->setPreviewDatabase(databasePath);
                m_recovery->setEngineApi({apiUrl, {}, {}});
            });
    connect(m_demo.get(), &DemoEngine::failed, this, [this](const QString &message) {
        QMessageBox::warning(this, tr("Demo"), tr("The demo engine could not start: %1").arg(message));
    });
    m_demo->start();
    statusBar()->showMessage(tr("Starting the demo engine…"), 5000);
}

void MainWindow::chooseSource()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open State Database or Event Log"), QString(),
                                                      tr("State data (*.sqlite *.sqlite3 *.db *.jsonl *.jsonl.gz *.csv *.xes *.xes.gz);;All files (*)"));
    if (!path.isEmpty())
        openSource(path);
}

void MainWindow::chooseFeed()
{
    ConnectionDialog dialog(this);
    if (dialog.exec() == QDialog::Accepted)
        connectFeed(dialog.url(), dialog.caFile(), dialog.token());
}

void MainWindow::attachDefinition(StateMachineDefinition definition)
{
    const QString name = definition.name;
    const qsizetype problems = definition.problems.size();
    m_session->setDefinition(std::move(definition));
    statusBar()->showMessage(problems ? tr("Definition %1 attached; it has %n structural errors (Analytics, validation)", nullptr, int(problems)).arg(name)
                                      : tr("Definition %1 attached").arg(name),
                             10000);
}

void MainWindow::chooseDefinition()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Attach State Machine Definition"), QString(),
                                                      tr("Definitions (*.asl.json *.json);;All files (*)"));
    if (path.isEmpty())
        return;
    // Read on a worker: the GUI thread never waits on a file.
    auto *watcher = new QFutureWatcher<DefinitionParseResult>(this);
    connect(watcher, &QFutureWatcher<DefinitionParseResult>::finished, this, [this, watcher] {
        DefinitionParseResult parsed = watcher->result();
        watcher->deleteLater();
        if (!parsed.ok()) {
            QMessageBox::warning(this, tr("Attach Definition"), parsed.error);
            return;
        }
        attachDefinition(std::move(parsed.definition));
    });
    watcher->setFuture(QtConcurrent::run(parseDefinitionFile, path));
}

void MainWindow::chooseEngineApi()
{
    ConnectionDialog dialog(ConnectionDialog::Kind::EngineApi, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_recovery->setEngineApi({dialog.url(), dialog.caFile(), dialog.token()});
    statusBar()->showMessage(tr("Recoveries now go to the engine at %1").arg(dialog.url().toDisplayString()), 8000);
}

void MainWindow::onReportChanged(bool full)
{
    const AnalysisReport &report = m_session->report();
    // Distinct colors for the states of the data, before any view caches one.
    QStringList names;
    for (const AnalysisReport::StateRow &row : report.states)
        names.append(row.name);
    names.sort();
    if (names != m_paletteStates) {
        m_paletteStates = names;
        StatePalette::assign(names);
        m_timeline->refreshColors();
    }
    m_diagram->setReport(report);
    m_matrix->setReport(report);
    // The table views rebuild their models: live, they follow at most twice a second.
    if (full && !m_slowViewsTimer->isActive())
        m_slowViewsTimer->start(0);
    else if (!m_slowViewsTimer->isActive())
        m_slowViewsTimer->start();
}

void MainWindow::onStoreChanged(bool reset)
{
    if (reset) {
        const EventStore &store = m_session->store();
        m_timeline->setStore(&store);
        Selection selection;
        selection.to = m_session->asOf();
        m_matrix->setStore(&store, selection);
        m_diagram->setDefinition(m_session->definition());
        m_scrubber->setRange(m_session->firstEventTime(), m_session->latestEventTime());
        if (!m_selectedExecution.isEmpty())
            selectExecutionById(m_selectedExecution);
    }
    m_timeline->storeChanged(reset);
    if (!m_announcedData && m_session->hasData()) {
        m_announcedData = true;
        emit sourcesLoaded();
    }
}

void MainWindow::selectExecution(quint32 execution)
{
    const EventStore &store = m_session->store();
    if (execution >= store.executionCount())
        return;
    m_selectedExecution = store.executionId(execution);
    QStringList path;
    quint32 t = store.firstTransitionOf(execution);
    if (t == kNoIndex) {
        if (store.executionInitialState(execution) != kNoState)
            path.append(store.stateName(store.executionInitialState(execution)));
    } else {
        path.append(store.stateName(store.transitionFrom(t)));
        for (; t != kNoIndex; t = store.nextTransition(t))
            path.append(store.stateName(store.transitionTo(t)));
    }
    m_diagram->setSelectedPath(path, path.isEmpty() ? QString() : path.back());
    m_timeline->setSelectedExecution(execution);
    m_recovery->setExecution(execution);
    statusBar()->showMessage(tr("Execution %1: %2").arg(m_selectedExecution, path.join(QStringLiteral(" → "))), 8000);
}

void MainWindow::selectExecutionById(const QString &executionId)
{
    const ExecutionIndex e = m_session->store().findExecution(executionId.toUtf8());
    if (e != StringInterner::kNotFound)
        selectExecution(e);
}

void MainWindow::updateStatus()
{
    const bool live = m_session->isLive();
    m_connection->setText(live ? tr("Live") : (m_session->hasData() ? tr("Offline") : tr("No data")));
    m_rate->setText(live ? tr("%1 events/s").arg(QLocale().toString(m_session->eventsPerSecond(), 'f', 0)) : QString());
    const TimeMs latest = m_session->latestEventTime();
    const SourceHealth &health = m_session->offlineHealth();
    m_reloadAction->setEnabled(!m_session->offlineSource().isEmpty() && !m_session->isLoading());
    if (!m_session->offlineSource().isEmpty() && !health.reachable && health.lostAtMs >= 0) {
        // R4: the database stopped answering; what is on screen is as old as its last answer.
        const qint64 since = health.confirmedAtMs >= 0 ? health.confirmedAtMs : health.lostAtMs;
        const qint64 age = std::max<qint64>(0, QDateTime::currentMSecsSinceEpoch() - since) / 1000;
        m_connection->setText(tr("Source unreachable, reconnecting"));
        m_staleness->setText(tr("data is stale: last confirmed %1 s ago").arg(age));
        m_staleness->setStyleSheet(QStringLiteral("color: #d55e00; font-weight: bold"));
    } else if (live && latest != kUnknownTime) {
        const qint64 age = std::max<qint64>(0, QDateTime::currentMSecsSinceEpoch() - latest) / 1000;
        m_staleness->setText(tr("data is %1 s old").arg(age));
        m_staleness->setStyleSheet(age > 10 ? QStringLiteral("color: #d55e00; font-weight: bold") : QString());
    } else {
        m_staleness->clear();
    }
    m_disconnectAction->setEnabled(live);
}

} // namespace StateScope
