#include "mainwindow.h"

#include "analyzer.h"
#include "commandlinetools.h"
#include "eventstore.h"
#include "reportview.h"
#include "storeloader.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QProgressBar>
#include <QStatusBar>
#include <QTimer>

namespace StateScope {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_view(new ReportView(this))
    , m_progress(new QProgressBar(this))
    , m_loader(new StoreLoader)
{
    setWindowTitle(tr("StateScope"));
    setCentralWidget(m_view);
    m_view->setMessage(tr("No source open. Start with: statescope FILE.sqlite"));
    m_progress->setMaximumWidth(240);
    m_progress->hide();
    statusBar()->addPermanentWidget(m_progress);
    m_loaderThread.setObjectName(QStringLiteral("statescope-loader"));
    m_loader->moveToThread(&m_loaderThread);
    connect(&m_loaderThread, &QThread::finished, m_loader, &QObject::deleteLater);
    connect(m_loader, &StoreLoader::progress, this, [this](const LoadProgress &p, quint64 generation) {
        if (generation != m_generation)
            return;
        m_progress->setRange(0, p.total > 0 ? 1000 : 0);
        if (p.total > 0)
            m_progress->setValue(int(std::min<qint64>(1000, p.done * 1000 / p.total)));
        statusBar()->showMessage(tr("Reading %1: %2 rows").arg(p.phase).arg(p.done));
    });
    connect(m_loader, &StoreLoader::finished, this, &MainWindow::onLoaded);
    m_loaderThread.start();
    resize(1280, 800);
}

MainWindow::~MainWindow()
{
    m_loader->cancel();
    m_loaderThread.quit();
    m_loaderThread.wait();
}

void MainWindow::openSource(const QString &source)
{
    m_loader->cancel(); // a newer request makes the running one stale
    const quint64 generation = ++m_generation;
    m_progress->show();
    statusBar()->showMessage(tr("Opening %1…").arg(source));
    QMetaObject::invokeMethod(m_loader, [loader = m_loader, source, generation] { loader->load(source, generation); },
                              Qt::QueuedConnection);
}

void MainWindow::onLoaded(std::shared_ptr<EventStore> store, const LoadResult &result, quint64 generation)
{
    if (generation != m_generation)
        return;
    m_progress->hide();
    if (!store) {
        statusBar()->showMessage(result.cancelled ? tr("Loading cancelled") : result.error);
        m_view->setMessage(result.cancelled ? tr("Loading cancelled") : tr("Could not open the source: %1").arg(result.error));
    } else {
        AnalysisOptions options;
        options.sourceLabel = windowFilePath();
        m_view->setReport(analyze(*store, options));
        statusBar()->showMessage(result.issueCount ? tr("Loaded; %1 unreadable records skipped").arg(result.issueCount)
                                                   : tr("Loaded"));
    }
    emit sourcesLoaded();
}

void MainWindow::describeCommandLine(QCommandLineParser &parser)
{
    parser.setApplicationDescription(QStringLiteral("StateScope: workflow state analytics dashboard.\n"
                                                    "Subcommands: analyze, watch, simulate, recover (see statescope COMMAND --help)."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("SOURCE"), QStringLiteral("SQLite file or postgresql:// URL to open"));
    parser.addOption({QStringLiteral("screenshot"), QStringLiteral("Save the window as PNG and quit."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("quit-after"), QStringLiteral("With --screenshot: wait this long first."), QStringLiteral("SECONDS")});
}

int MainWindow::printCommandLineHelp(QCoreApplication &app)
{
    QCommandLineParser parser;
    describeCommandLine(parser);
    parser.process(app); // prints help or version and exits
    return 0;
}

int MainWindow::runDashboard(QApplication &app)
{
    QCommandLineParser parser;
    describeCommandLine(parser);
    parser.process(app);
    const QStringList sources = parser.positionalArguments();
    if (sources.size() > 1)
        return Cli::fail(QStringLiteral("this version opens one source at a time"));

    MainWindow window;
    window.show();
    const QString screenshot = parser.value(QStringLiteral("screenshot"));
    auto capture = [&window, screenshot] {
        if (!window.grab().save(screenshot, "PNG")) {
            Cli::fail(QStringLiteral("--screenshot: cannot write %1").arg(screenshot));
            QCoreApplication::exit(2);
            return;
        }
        QCoreApplication::quit();
    };
    if (!screenshot.isEmpty()) {
        if (parser.isSet(QStringLiteral("quit-after")))
            QTimer::singleShot(int(parser.value(QStringLiteral("quit-after")).toDouble() * 1000), &window, capture);
        else if (sources.isEmpty())
            QTimer::singleShot(0, &window, capture);
        else
            connect(&window, &MainWindow::sourcesLoaded, &window, [capture] { QTimer::singleShot(100, capture); });
    }
    if (!sources.isEmpty()) {
        window.setWindowFilePath(sources.first());
        window.openSource(sources.first());
    }
    return app.exec();
}

} // namespace StateScope
