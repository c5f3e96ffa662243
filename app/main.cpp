// The statescope executable: a subcommand (SPEC 1) runs headless; anything else opens the
// dashboard. All behaviour lives in the libraries, where the tests reach it.
#include "analyzecommand.h"
#include "commandlinetools.h"
#include "languagesetup.h"
#include "mainwindow.h"
#include "recovercommand.h"
#include "simulatecommand.h"
#include "watchcommand.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QIcon>

#include <memory>

namespace {
const QStringList kHeadlessCommands{QStringLiteral("analyze"), QStringLiteral("watch"), QStringLiteral("simulate"),
                                    QStringLiteral("recover")};

// The SVG needs Qt's SVG icon engine (libqt6svg6); without it the 256 px bitmap still serves.
QIcon applicationIcon()
{
    const QIcon svg(QStringLiteral(":/statescope/icons/statescope.svg"));
    return svg.isNull() ? QIcon(QStringLiteral(":/statescope/icons/statescope-256.png")) : svg;
}
}

int main(int argc, char *argv[])
{
    const QString command = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString();
    if (kHeadlessCommands.contains(command)) {
        QCoreApplication app(argc, argv);
        QCoreApplication::setApplicationName(QStringLiteral("statescope"));
        QCoreApplication::setApplicationVersion(QStringLiteral(STATESCOPE_VERSION));
        QStringList arguments = QCoreApplication::arguments();
        arguments.removeAt(1); // "statescope analyze X" parses like "statescope X"
        if (command == QLatin1String("analyze"))
            return StateScope::AnalyzeCommand().run(arguments);
        if (command == QLatin1String("watch"))
            return StateScope::WatchCommand().run(arguments);
        if (command == QLatin1String("simulate"))
            return StateScope::SimulateCommand().run(arguments);
        return StateScope::RecoverCommand().run(arguments);
    }
    // --help and --version must work without a display: answer them before creating the GUI.
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--help" || arg == "-h" || arg == "--help-all" || arg == "--version" || arg == "-v") {
            QCoreApplication app(argc, argv);
            QCoreApplication::setApplicationVersion(QStringLiteral(STATESCOPE_VERSION));
            return StateScope::MainWindow::printCommandLineHelp(app);
        }
    }
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("statescope"));
    QCoreApplication::setOrganizationName(QStringLiteral("StateScope"));
    QCoreApplication::setApplicationVersion(QStringLiteral(STATESCOPE_VERSION));
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.statescope.StateScope")); // Wayland app id = .desktop
    QApplication::setWindowIcon(applicationIcon());
    StateScope::LanguageSetup::setUp(); // the ui/language setting, else the system's language
    return StateScope::MainWindow::runDashboard(app);
}
