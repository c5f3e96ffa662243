#pragma once

#include "sqlpushdown.h"

#include <QString>
#include <QStringList>

#include <cstdio>
#include <functional>
#include <optional>

class QCommandLineParser;

namespace StateScope::Cli {

// Exit codes of SPEC 1.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2; // bad arguments or a source that cannot be read

// One line on stderr, prefixed with the program name; returns kExitUsage for `return fail(...)`.
int fail(const QString &message);
void warn(const QString &message);
void printOut(const QString &text);
// Parses a subcommand's arguments and answers --help and --version. Returns the exit code
// when the command is done already (help or version shown, or bad arguments reported).
std::optional<int> parseArguments(QCommandLineParser &parser, const QStringList &arguments);
// A time option (--from, --to): RFC 3339 or epoch ms; unset leaves *out alone. False with
// *error naming the option and the value.
bool parseTimeOption(const QCommandLineParser &parser, const QString &name, TimeMs *out, QString *error);
// --workflow, --from and --to (the analyze options) as what a reader may leave out; false with
// *error for a bad time or --from after --to.
bool parseSourceFilter(const QCommandLineParser &parser, SourceFilter *filter, QString *error);

// Calls onSignal on the event loop when SIGINT (Ctrl+C) or SIGTERM arrives, so a long-running
// command ends the way its timer would: with its report, its rows committed.
void onInterrupt(std::function<void()> onSignal);

} // namespace StateScope::Cli
