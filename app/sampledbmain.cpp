// statescope-sampledb: writes a sample state database (SPEC 2.1) for trying StateScope out,
// for tests and for benchmarks. Not part of the product's command line contract.
#include "commandlinetools.h"
#include "pgconnection.h"
#include "sampledatabase.h"
#include "schemainstaller.h"
#include "sqliteconnection.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>

using namespace StateScope;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("statescope-sampledb"));
    QCoreApplication::setApplicationVersion(QStringLiteral(STATESCOPE_VERSION));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Writes a sample workflow state database (SQLite file or PostgreSQL URL)."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("OUTPUT"), QStringLiteral("new SQLite file, or postgresql:// URL of an empty database"));
    parser.addOption({QStringLiteral("executions"), QStringLiteral("Number of executions (default 2000)."), QStringLiteral("N"), QStringLiteral("2000")});
    parser.addOption({QStringLiteral("seed"), QStringLiteral("Random seed (default 42)."), QStringLiteral("N"), QStringLiteral("42")});
    parser.addOption({QStringLiteral("force"), QStringLiteral("Replace an existing SQLite file.")});
    parser.process(app);
    if (parser.positionalArguments().size() != 1)
        return Cli::fail(QStringLiteral("expected one OUTPUT"));
    const QString output = parser.positionalArguments().first();
    bool ok = false;
    SampleDatabaseOptions options;
    options.executions = parser.value(QStringLiteral("executions")).toULongLong(&ok);
    if (!ok)
        return Cli::fail(QStringLiteral("--executions: not a number"));
    options.seed = parser.value(QStringLiteral("seed")).toULongLong(&ok);
    if (!ok)
        return Cli::fail(QStringLiteral("--seed: not a number"));

    QString error;
    std::unique_ptr<SqlConnection> connection;
    const bool postgres = output.startsWith(QLatin1String("postgres"));
    if (postgres) {
        connection = PgConnection::open(output, false, &error);
    } else {
        if (QFile::exists(output)) {
            if (!parser.isSet(QStringLiteral("force")))
                return Cli::fail(QStringLiteral("%1 exists; use --force to replace it").arg(output));
            QFile::remove(output);
        }
        auto sqlite = SqliteConnection::open(output, false, true, &error);
        // A generator's file is rebuilt rather than repaired: trade durability for speed.
        if (sqlite && !sqlite->execScript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-1000000;", &error))
            sqlite.reset();
        connection = std::move(sqlite);
    }
    if (!connection)
        return Cli::fail(error);
    if (!installSchema(*connection, &error))
        return Cli::fail(QStringLiteral("creating the schema: ") + error);
    QElapsedTimer timer;
    timer.start();
    options.progress = [](quint64 done, quint64 total) {
        std::fprintf(stderr, "\r%llu / %llu executions", static_cast<unsigned long long>(done), static_cast<unsigned long long>(total));
    };
    const SampleDatabaseSummary summary = writeSampleDatabase(*connection, options);
    if (!summary.error.isEmpty())
        return Cli::fail(QStringLiteral("writing %1: %2").arg(output, summary.error));
    std::fprintf(stderr, "\r");
    Cli::printOut(QStringLiteral("%1: %2 executions, %3 transitions, %4 checkpoints in %5 s\n")
                      .arg(output).arg(summary.executions).arg(summary.transitions).arg(summary.checkpoints)
                      .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 1));
    return Cli::kExitOk;
}
