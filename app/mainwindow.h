#pragma once

#include "domaintypes.h"
#include "sqlpushdown.h"

#include <QMainWindow>
#include <QUrl>

#include <memory>

class QApplication;
class QDockWidget;
class QTimer;
class QCommandLineParser;
class QCoreApplication;
class QLabel;
class QMenu;
class QProgressBar;
class QToolButton;

namespace StateScope {

class AnalyticsView;
class CommandPalette;
class ConsistencyView;
class DashboardSession;
class DemoEngine;
class MatrixView;
class Preferences;
class RecoveryPane;
class SourcesPane;
class StateDiagramView;
class Theme;
class TimelineView;
class TimeScrubber;

// The dashboard window: layout and wiring only. The data lives in DashboardSession; each pane
// is a view from widgets/ fed with its values when the session says they changed (coalesced:
// at most every 25 ms while live, or at the refresh rate of the preferences). Panes are docks
// the user rearranges; the layout is saved. Menus beyond File and the first View entries,
// the preferences, themes, command palette and recent sources: mainwindowmenus.cpp.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    DashboardSession &session() { return *m_session; }
    void openSource(const QString &source, const SourceFilter &filter = {});
    void connectFeed(const QUrl &url, const QString &caFile = {}, const QByteArray &token = {});
    // Starts the simulated engine in-process and connects to its feed.
    void startDemo();
    // Conformance, validation and the diagram use this definition (--definition, File menu).
    void attachDefinition(StateMachineDefinition definition);

    // The user's preferences (Edit > Preferences), applied to the session and the theme when
    // they change; the application-wide light or dark look.
    Preferences &preferences() { return *m_preferences; }
    Theme &theme() { return *m_theme; }
    void showPreferences();
    void showShortcuts();
    void showCommandPalette();
    CommandPalette *commandPalette() const { return m_commandPalette; } // null until first shown
    // File > Open Recent: opens it, or (a file since deleted) says so and drops it from the list.
    void openRecentSource(const QString &source);
    QMenu *recentMenu() const { return m_recentMenu; }

    // Parses the GUI command line (SOURCE..., --demo, --feed URL, --screenshot FILE,
    // --quit-after S) and runs.
    static int runDashboard(QApplication &app);
    // --help / --version of the GUI command line, without creating any window.
    static int printCommandLineHelp(QCoreApplication &app);

signals:
    // The first data arrived: a load finished (or failed), or a feed delivered its first batch.
    void sourcesLoaded();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    static void describeCommandLine(QCommandLineParser &parser);
    void createActions();
    void createDocks();
    void createStatusBar();
    void createDesktopActions(); // mainwindowmenus.cpp
    void applyPreferences();
    void rebuildRecentMenu();
    QWidget *focusedView() const; // the pane holding the keyboard focus; the diagram otherwise
    void goToView(QWidget *view);
    void zoomFocusedView(int direction); // +1 in, -1 out, 0 fit
    void exportCurrentView();
    void restoreLayout();
    QDockWidget *addDock(QWidget *view, const QString &title, const QString &objectName, Qt::DockWidgetArea area);
    void onReportChanged(bool full);
    void onStoreChanged(bool reset);
    void selectExecution(quint32 execution);
    void selectExecutionById(const QString &executionId);
    void updateStatus();
    void chooseSource();
    void chooseFeed();
    void chooseEngineApi();
    void chooseDefinition();
    void createExportMenu(QMenu *file);
    void exportView(QWidget *view, const QString &name);
    void exportReport(bool csv);
    void exportReportPdf();
    void exportEvidenceBundle();

    std::unique_ptr<DashboardSession> m_session;
    std::unique_ptr<DemoEngine> m_demo;
    QLabel *m_summary = nullptr;
    TimeScrubber *m_scrubber = nullptr;
    StateDiagramView *m_diagram = nullptr;
    TimelineView *m_timeline = nullptr;
    MatrixView *m_matrix = nullptr;
    ConsistencyView *m_consistency = nullptr;
    AnalyticsView *m_analytics = nullptr;
    QTimer *m_slowViewsTimer = nullptr; // analytics and consistency: at most twice a second
    SourcesPane *m_sources = nullptr;
    RecoveryPane *m_recovery = nullptr;
    QString m_selectedExecution;
    QStringList m_paletteStates;
    QLabel *m_connection = nullptr;
    QLabel *m_rate = nullptr;
    QLabel *m_staleness = nullptr;
    QProgressBar *m_progress = nullptr;
    QToolButton *m_cancel = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_feedAction = nullptr;
    QAction *m_disconnectAction = nullptr;
    QAction *m_closeAction = nullptr;
    QAction *m_reloadAction = nullptr;
    QAction *m_followAction = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_fileMenu = nullptr;
    QMenu *m_recentMenu = nullptr;
    Preferences *m_preferences = nullptr;
    Theme *m_theme = nullptr;
    CommandPalette *m_commandPalette = nullptr;
    bool m_themeApplied = false;
    bool m_announcedData = false;
};

} // namespace StateScope
