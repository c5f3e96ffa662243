#pragma once

#include <QString>
#include <QStringList>

#include <cstdio>

namespace StateScope::Cli {

// Exit codes of SPEC 1.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2; // bad arguments or a source that cannot be read

// One line on stderr, prefixed with the program name; returns kExitUsage for `return fail(...)`.
int fail(const QString &message);
void warn(const QString &message);
void printOut(const QString &text);

} // namespace StateScope::Cli
