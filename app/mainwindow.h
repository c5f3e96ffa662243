#pragma once

#include "analysisreport.h"
#include "loadresult.h"

#include <QMainWindow>
#include <QThread>

#include <memory>

class QApplication;
class QCommandLineParser;
class QCoreApplication;
class QProgressBar;

namespace StateScope {

class EventStore;
class ReportView;
class StoreLoader;

// The dashboard window. This first version shows the per-state report of the sources given on
// the command line, loaded on a worker thread with progress; the full set of views comes next.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    void openSource(const QString &source);
    // Parses the GUI command line (SOURCE..., --screenshot FILE, --quit-after S) and runs.
    static int runDashboard(QApplication &app);
    // --help / --version of the GUI command line, without creating any window.
    static int printCommandLineHelp(QCoreApplication &app);

signals:
    void sourcesLoaded();

private:
    static void describeCommandLine(QCommandLineParser &parser);
    void onLoaded(std::shared_ptr<EventStore> store, const LoadResult &result, quint64 generation);

    ReportView *m_view = nullptr;
    QProgressBar *m_progress = nullptr;
    QThread m_loaderThread;
    StoreLoader *m_loader = nullptr;
    quint64 m_generation = 0;
};

} // namespace StateScope
