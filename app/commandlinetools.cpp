#include "commandlinetools.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace StateScope::Cli {

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
