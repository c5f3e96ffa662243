#pragma once

#include <QStringList>

namespace StateScope {

// `statescope analyze SOURCE [--workflow ID] [--from T] [--to T] [--definition FILE]
// [--format text|json]` (SPEC 1): loads the source, runs the dashboard's analytics, prints the
// report. Exit 0 with a report, 2 with one line on stderr for bad arguments or sources.
class AnalyzeCommand final
{
public:
    int run(const QStringList &arguments);
};

} // namespace StateScope
