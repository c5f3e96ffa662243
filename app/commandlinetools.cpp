#include "commandlinetools.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSocketNotifier>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace StateScope::Cli {

namespace {

int g_signalPipe[2] = {-1, -1};

// Only async-signal-safe work here: the byte wakes the event loop, which does the rest.
void writeSignalByte(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_signalPipe[1], &byte, 1);
}

} // namespace

void onInterrupt(std::function<void()> onSignal)
{
    if (g_signalPipe[0] >= 0 || ::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read, QCoreApplication::instance());
    QObject::connect(notifier, &QSocketNotifier::activated, QCoreApplication::instance(), [onSignal = std::move(onSignal)] {
        char byte = 0;
        [[maybe_unused]] const auto read = ::read(g_signalPipe[0], &byte, 1);
        onSignal();
    });
    std::signal(SIGINT, writeSignalByte);
    std::signal(SIGTERM, writeSignalByte);
}

int fail(const QString &message)
{
    QString line = message.simplified(); // one line, whatever the message held
    std::fprintf(stderr, "statescope: %s\n", line.toLocal8Bit().constData());
    std::fflush(stderr);
    return kExitUsage;
}

void warn(const QString &message)
{
    std::fprintf(stderr, "statescope: warning: %s\n", message.simplified().toLocal8Bit().constData());
}

bool parseTimeOption(const QCommandLineParser &parser, const QString &name, TimeMs *out, QString *error)
{
    if (!parser.isSet(name))
        return true;
    const QString value = parser.value(name);
    if (!TimeUtil::parse(QStringView(value), out)) {
        *error = QStringLiteral("--%1: \"%2\" is not a time (use RFC 3339, e.g. 2026-01-01T00:00:00Z, or epoch milliseconds)")
                     .arg(name, value);
        return false;
    }
    return true;
}

bool parseSourceFilter(const QCommandLineParser &parser, SourceFilter *filter, QString *error)
{
    filter->workflow = parser.value(QStringLiteral("workflow"));
    if (!parseTimeOption(parser, QStringLiteral("from"), &filter->from, error)
        || !parseTimeOption(parser, QStringLiteral("to"), &filter->to, error))
        return false;
    if (filter->from != kUnknownTime && filter->to != kUnknownTime && filter->from > filter->to) {
        *error = QStringLiteral("--from is later than --to");
        return false;
    }
    return true;
}

std::optional<int> parseArguments(QCommandLineParser &parser, const QStringList &arguments)
{
    if (!parser.parse(arguments))
        return fail(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(parser.helpText());
        return kExitOk;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        printOut(QStringLiteral("statescope %1\n").arg(QCoreApplication::applicationVersion()));
        return kExitOk;
    }
    return std::nullopt;
}

void printOut(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    std::fwrite(utf8.constData(), 1, size_t(utf8.size()), stdout);
    std::fflush(stdout);
}

} // namespace StateScope::Cli
