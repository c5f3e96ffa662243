// The menus past File's first entries: Edit, the rest of View, Help, File > Open Recent; the
// shortcuts, icons, preferences, themes and command palette they lead to.
#include "mainwindow.h"

#include "actionicons.h"
#include "analyticsview.h"
#include "commandpalette.h"
#include "consistencyview.h"
#include "dashboardsession.h"
#include "matrixview.h"
#include "preferences.h"
#include "preferencesdialog.h"
#include "recentsources.h"
#include "recoverypane.h"
#include "shortcutsdialog.h"
#include "sourcespane.h"
#include "statediagramview.h"
#include "theme.h"
#include "timelineview.h"

#include <QActionGroup>
#include <QApplication>
#include <QDockWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>

namespace StateScope {

void MainWindow::createDesktopActions()
{
    using K = ActionIcons::Kind;
    m_preferences = new Preferences(this);
    m_theme = new Theme(this);
    m_openAction->setIcon(ActionIcons::icon(K::Open));
    m_feedAction->setIcon(ActionIcons::icon(K::Connect));
    m_reloadAction->setIcon(ActionIcons::icon(K::Reload));
    m_closeAction->setIcon(ActionIcons::icon(K::Close));
    m_followAction->setIcon(ActionIcons::icon(K::FollowLive));
    m_followAction->setToolTip(tr("Keep the newest events in view (F)"));

    // File > Open Recent, right after Open.
    m_recentMenu = new QMenu(tr("Open &Recent"), this);
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    m_fileMenu->insertMenu(m_feedAction, m_recentMenu);
    rebuildRecentMenu();
    connect(m_session.get(), &DashboardSession::loadFinished, this, [this](bool ok) {
        if (ok && !m_session->offlineSource().isEmpty()) {
            RecentSources::add(m_session->offlineSource());
            rebuildRecentMenu();
        }
    });

    QMenu *edit = new QMenu(tr("&Edit"), this);
    menuBar()->insertMenu(m_viewMenu->menuAction(), edit);
    const auto findExecution = [this] {
        if (auto *dock = findChild<QDockWidget *>(QStringLiteral("sourcesDock"))) {
            dock->show();
            dock->raise();
        }
        m_sources->focusSearch();
    };
    QAction *find
        = edit->addAction(ActionIcons::icon(K::Find), tr("&Find Execution…"), QKeySequence::Find, this, findExecution);
    find->setToolTip(tr("Search the executions by id in the Sources pane"));
    const auto recoverSelected = [this] {
        goToView(m_recovery);
        m_recovery->openRecovery();
        if (!m_recovery->dialog())
            statusBar()->showMessage(tr("Recovery: select an execution and one of its checkpoints first "
                                        "(the Recovery pane says what is missing)"),
                                     8000);
    };
    QAction *recover = edit->addAction(ActionIcons::icon(K::Recover), tr("&Recover Selected Checkpoint…"),
                                       QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R), this, recoverSelected);
    recover->setToolTip(tr("Open the recovery of the checkpoint selected in the Recovery pane"));
    edit->addSeparator();
    edit->addAction(ActionIcons::icon(K::CommandPalette), tr("&Command Palette…"), QKeySequence(Qt::CTRL | Qt::Key_K),
                    this, &MainWindow::showCommandPalette)
        ->setToolTip(tr("Find and run any command by typing part of its name"));
    edit->addSeparator();
    QAction *preferences = edit->addAction(ActionIcons::icon(K::Preferences), tr("&Preferences…"),
                                           QKeySequence(Qt::CTRL | Qt::Key_Comma), this, &MainWindow::showPreferences);
    preferences->setMenuRole(QAction::PreferencesRole);

    // View: zoom, going to a pane, the theme, full screen (after the panes' own entries).
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(ActionIcons::icon(K::ZoomIn), tr("Zoom &In"), QKeySequence::ZoomIn, this,
                          [this] { zoomFocusedView(1); });
    m_viewMenu->addAction(ActionIcons::icon(K::ZoomOut), tr("Zoom &Out"), QKeySequence::ZoomOut, this,
                          [this] { zoomFocusedView(-1); });
    m_viewMenu->addAction(ActionIcons::icon(K::Fit), tr("&Fit to View"), QKeySequence(Qt::CTRL | Qt::Key_0), this,
                          [this] { zoomFocusedView(0); });
    QMenu *go = m_viewMenu->addMenu(tr("&Go to Pane"));
    const std::pair<QWidget *, QString> panes[]
        = {{m_diagram, tr("State Diagram")},   {m_sources, tr("Sources")},   {m_matrix, tr("Transition Matrix")},
           {m_consistency, tr("Consistency")}, {m_recovery, tr("Recovery")}, {m_timeline, tr("Timeline")},
           {m_analytics, tr("Analytics")}};
    int number = 1;
    for (const auto &[view, name] : panes) {
        QWidget *target = view;
        go->addAction(name, QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_0 + number++)), this,
                      [this, target] { goToView(target); });
    }
    QMenu *themes = m_viewMenu->addMenu(tr("&Theme"));
    auto *themeGroup = new QActionGroup(this);
    const std::pair<QString, QString> themeNames[] = {{QStringLiteral("system"), tr("&System")},
                                                      {QStringLiteral("light"), tr("&Light")},
                                                      {QStringLiteral("dark"), tr("&Dark")}};
    for (const auto &[code, name] : themeNames) {
        QAction *a = themes->addAction(name);
        a->setCheckable(true);
        a->setData(code);
        themeGroup->addAction(a);
        const QString chosen = code;
        connect(a, &QAction::triggered, this, [this, chosen] {
            Preferences::Values v = m_preferences->values();
            v.theme = chosen;
            m_preferences->setValues(v);
        });
    }
    QAction *fullScreen = m_viewMenu->addAction(ActionIcons::icon(K::FullScreen), tr("F&ull Screen"));
    fullScreen->setCheckable(true);
    // F11 everywhere, and the desktop's own full-screen key where it has another.
    QList<QKeySequence> fullScreenKeys {QKeySequence(Qt::Key_F11)};
    for (const QKeySequence &k : QKeySequence::keyBindings(QKeySequence::FullScreen))
        if (!fullScreenKeys.contains(k))
            fullScreenKeys.append(k);
    fullScreen->setShortcuts(fullScreenKeys);
    connect(fullScreen, &QAction::toggled, this, [this](bool on) { on ? showFullScreen() : showNormal(); });

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(ActionIcons::icon(K::Keyboard), tr("&Keyboard Shortcuts"), QKeySequence::HelpContents, this,
                    &MainWindow::showShortcuts);
    help->addSeparator();
    help->addAction(
            ActionIcons::icon(K::Help), tr("&About StateScope"), this,
            [this] {
                QMessageBox::about(
                    this, tr("About StateScope"),
                    tr("<h3>StateScope %1</h3><p>Workflow state analytics: state diagrams, timelines, transition "
                       "matrices, consistency and recovery of workflow engines, from databases, event logs and live "
                       "feeds.</p><p>Built with Qt %2.</p>")
                        .arg(QStringLiteral(STATESCOPE_VERSION), QString::fromLatin1(qVersion())));
            })
        ->setMenuRole(QAction::AboutRole);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt)->setMenuRole(QAction::AboutQtRole);

    const auto syncTheme = [themeGroup, this] {
        for (QAction *a : themeGroup->actions())
            a->setChecked(a->data().toString() == m_preferences->values().theme);
    };
    connect(m_preferences, &Preferences::changed, this,
            [this, syncTheme](const Preferences::Values &values, const Preferences::Values &previous) {
                applyPreferences();
                syncTheme();
                if (values.language != previous.language)
                    statusBar()->showMessage(tr("The language changes the next time StateScope starts."), 10000);
            });
    syncTheme();
    applyPreferences();
}

void MainWindow::applyPreferences()
{
    const Preferences::Values &v = m_preferences->values();
    m_session->setLagThresholdMs(v.lagThresholdMs);
    m_session->setMemoryBudgetBytes(quint64(v.memoryBudgetMb) << 20);
    m_session->setRefreshIntervalMs(std::max(1, 1000 / v.refreshHz));
    const Theme::Mode mode = Theme::modeFromCode(v.theme);
    if (mode != m_theme->mode() || !m_themeApplied) {
        m_themeApplied = true;
        m_theme->setMode(mode);
    }
}

void MainWindow::showPreferences()
{
    PreferencesDialog dialog(*m_preferences, this);
    dialog.exec();
}

void MainWindow::showShortcuts()
{
    auto *dialog = new ShortcutsDialog(menuBar(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::showCommandPalette()
{
    if (!m_commandPalette)
        m_commandPalette = new CommandPalette(menuBar(), this);
    m_commandPalette->popup();
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList sources = RecentSources::list();
    for (int i = 0; i < sources.size(); ++i) {
        const QString source = sources[i];
        QString text = RecentSources::displayText(source);
        text.replace(QLatin1Char('&'), QStringLiteral("&&"));
        const bool missing = RecentSources::isMissingFile(source);
        if (missing)
            text += tr(" (not found)");
        // &1 … &9, &0 for the tenth: a key each.
        QAction *a = m_recentMenu->addAction(QStringLiteral("&%1  %2").arg((i + 1) % 10).arg(text));
        a->setData(source);
        a->setToolTip(missing ? tr("%1 no longer exists").arg(source) : source);
        connect(a, &QAction::triggered, this, [this, source] { openRecentSource(source); });
    }
    if (sources.isEmpty())
        m_recentMenu->addAction(tr("No Recent Sources"))->setEnabled(false);
    m_recentMenu->addSeparator();
    QAction *clear = m_recentMenu->addAction(tr("&Clear Recent"), this, [this] {
        RecentSources::clear();
        rebuildRecentMenu();
    });
    clear->setEnabled(!sources.isEmpty());
}

void MainWindow::openRecentSource(const QString &source)
{
    if (!RecentSources::isMissingFile(source)) {
        openSource(source);
        return;
    }
    RecentSources::remove(source);
    rebuildRecentMenu();
    auto *box = new QMessageBox(QMessageBox::Information, tr("Open Recent"),
                                tr("%1 no longer exists, so it was removed from the recent sources.").arg(source),
                                QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("recentMissingMessage"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

QWidget *MainWindow::focusedView() const
{
    const QWidget *focus = QApplication::focusWidget();
    for (QWidget *view : std::initializer_list<QWidget *> {m_diagram, m_sources, m_matrix, m_consistency, m_recovery,
                                                           m_timeline, m_analytics}) {
        if (focus && (focus == view || view->isAncestorOf(focus)))
            return view;
    }
    return m_diagram;
}

void MainWindow::goToView(QWidget *view)
{
    for (QDockWidget *dock : findChildren<QDockWidget *>()) {
        if (dock->widget() == view) {
            dock->show();
            dock->raise();
        }
    }
    // A pane made of controls gives the focus to its first one that takes it.
    QWidget *target = view;
    if (view->focusPolicy() == Qt::NoFocus) {
        for (QWidget *child : view->findChildren<QWidget *>()) {
            if ((child->focusPolicy() & Qt::TabFocus) && child->isVisibleTo(view) && child->isEnabled()) {
                target = child;
                break;
            }
        }
    }
    target->setFocus(Qt::ShortcutFocusReason);
}

void MainWindow::zoomFocusedView(int direction)
{
    if (focusedView() == m_timeline) {
        direction > 0 ? m_timeline->zoomIn() : direction < 0 ? m_timeline->zoomOut() : m_timeline->zoomToFit();
        return;
    }
    direction > 0 ? m_diagram->zoomIn() : direction < 0 ? m_diagram->zoomOut() : m_diagram->fitToView();
}

void MainWindow::exportCurrentView()
{
    QWidget *view = focusedView();
    QString name = tr("State Diagram");
    for (QDockWidget *dock : findChildren<QDockWidget *>())
        if (dock->widget() == view)
            name = dock->windowTitle();
    exportView(view, name);
}

} // namespace StateScope
