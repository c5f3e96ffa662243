// The dashboard's command line (SPEC 1): statescope [SOURCE...] [--demo] [--feed URL]...
#include "mainwindow.h"

#include "commandlinetools.h"
#include "dashboardsession.h"
#include "definitionparser.h"
#include "memorybudget.h"
#include "sqlconnection.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

#include <optional>

namespace StateScope {

void MainWindow::describeCommandLine(QCommandLineParser &parser)
{
    parser.setApplicationDescription(QStringLiteral("StateScope: workflow state analytics dashboard.\n"
                                                    "Subcommands: analyze, watch, simulate, recover (see statescope COMMAND --help)."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("SOURCE"), QStringLiteral("SQLite file, postgresql:// URL, event log (.jsonl, .csv, .xes, "
                                                                 ".xes.gz) or state machine definition (.asl.json) to open"));
    parser.addOption({QStringLiteral("demo"), QStringLiteral("Start the simulated engine in-process and watch it live.")});
    parser.addOption({QStringLiteral("feed"), QStringLiteral("Connect to this live feed (ws:// or wss://); may be repeated. "
                                                             "The bearer token, if any, is read from STATESCOPE_FEED_TOKEN."),
                      QStringLiteral("URL")});
    parser.addOption({QStringLiteral("ca-file"), QStringLiteral("Also trust this CA certificate (PEM) for wss:// feeds."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("definition"), QStringLiteral("Check conformance against this state machine definition "
                                                                   "(ASL .asl.json or the state_machines row form)."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("screenshot"), QStringLiteral("Save the window as PNG and quit: after --quit-after "
                                                                   "when given, else once the sources have loaded."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("workflow"), QStringLiteral("PostgreSQL source: read only this workflow (id or name)."),
                      QStringLiteral("ID")});
    parser.addOption({QStringLiteral("from"), QStringLiteral("PostgreSQL source: read only executions active at or after T "
                                                             "(RFC 3339 or epoch ms)."), QStringLiteral("T")});
    parser.addOption({QStringLiteral("to"), QStringLiteral("PostgreSQL source: read only executions active at or before T."),
                      QStringLiteral("T")});
    parser.addOption({QStringLiteral("memory-budget"), QStringLiteral("Memory for live data (at least 48MiB; default: the "
                                                                      "preference, 1GiB unless changed). Past it the oldest "
                                                                      "executions are summarized."),
                      QStringLiteral("SIZE")});
    parser.addOption({QStringLiteral("quit-after"), QStringLiteral("Quit after this many seconds (with --screenshot: take it then)."),
                      QStringLiteral("SECONDS")});
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
        return Cli::fail(QStringLiteral("this version opens one database or log at a time (feeds: --feed, repeatable)"));
    std::vector<QUrl> feeds;
    for (const QString &text : parser.values(QStringLiteral("feed"))) {
        const QUrl url(text, QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != QLatin1String("ws") && url.scheme() != QLatin1String("wss")) || url.host().isEmpty())
            return Cli::fail(QStringLiteral("--feed: \"%1\" is not a feed URL (expected ws://HOST:PORT/... or wss://...)").arg(text));
        feeds.push_back(url);
    }
    SourceFilter filter;
    QString filterError;
    if (!Cli::parseSourceFilter(parser, &filter, &filterError))
        return Cli::fail(filterError);
    if (!filter.isEmpty() && (sources.isEmpty() || locateSource(sources.first()).kind != SourceLocation::Kind::PostgreSQL))
        return Cli::fail(QStringLiteral("--workflow, --from and --to choose what to read from a PostgreSQL source; "
                                        "other sources are read whole (filter in the views)"));
    double quitAfter = 0;
    if (parser.isSet(QStringLiteral("quit-after"))) {
        bool ok = false;
        quitAfter = parser.value(QStringLiteral("quit-after")).toDouble(&ok);
        if (!ok || quitAfter <= 0)
            return Cli::fail(QStringLiteral("--quit-after: \"%1\" is not a positive number of seconds")
                                 .arg(parser.value(QStringLiteral("quit-after"))));
    }

    std::optional<quint64> budgetBytes;
    if (parser.isSet(QStringLiteral("memory-budget"))) {
        QString sizeError;
        budgetBytes = MemoryBudget::parseSize(parser.value(QStringLiteral("memory-budget")), &sizeError);
        if (!budgetBytes)
            return Cli::fail(QStringLiteral("--memory-budget: ") + sizeError);
    }

    MainWindow window;
    if (budgetBytes) // over the saved preference, for this run only
        window.session().setMemoryBudgetBytes(*budgetBytes);
    window.show();
    const QString screenshot = parser.value(QStringLiteral("screenshot"));
    auto finish = [&window, screenshot] {
        if (!screenshot.isEmpty() && !window.grab().save(screenshot, "PNG")) {
            Cli::fail(QStringLiteral("--screenshot: cannot write %1").arg(screenshot));
            QCoreApplication::exit(2);
            return;
        }
        window.close();
        QCoreApplication::quit();
    };
    if (parser.isSet(QStringLiteral("definition"))) {
        // A definition that cannot be read is a usage error (exit 2), as for analyze.
        DefinitionParseResult definition = parseDefinitionFile(parser.value(QStringLiteral("definition")));
        if (!definition.ok())
            return Cli::fail(QStringLiteral("--definition: ") + definition.error);
        window.attachDefinition(std::move(definition.definition));
    }
    const bool anySource = !sources.isEmpty() || !feeds.empty() || parser.isSet(QStringLiteral("demo"));
    if (quitAfter > 0)
        QTimer::singleShot(qint64(quitAfter * 1000), &window, finish);
    else if (!screenshot.isEmpty() && !anySource)
        QTimer::singleShot(0, &window, finish);
    else if (!screenshot.isEmpty()) // let the views paint what arrived first
        connect(&window, &MainWindow::sourcesLoaded, &window, [finish] { QTimer::singleShot(500, finish); });
    if (!sources.isEmpty())
        window.openSource(sources.first(), filter);
    const QByteArray token = qgetenv("STATESCOPE_FEED_TOKEN");
    for (const QUrl &url : feeds)
        window.connectFeed(url, parser.value(QStringLiteral("ca-file")), token);
    if (parser.isSet(QStringLiteral("demo")))
        window.startDemo();
    return app.exec();
}

} // namespace StateScope
