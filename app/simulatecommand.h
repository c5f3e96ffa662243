#pragma once

#include <QStringList>

namespace StateScope {

// `statescope simulate [--db SOURCE] [--listen HOST:PORT] [--rate EVENTS_PER_S] [--executions N]
// [--duration SECONDS] [--seed N]` (SPEC 1), plus --definition FILE, --dwell-scale X,
// --failure-scale X, --api-listen HOST:PORT, --cert FILE --key FILE (wss://). Prints the feed
// and API URLs on its first lines, runs until the duration ends, the executions are done, or
// SIGINT/SIGTERM, then a summary line.
class SimulateCommand final
{
public:
    int run(const QStringList &arguments);
};

} // namespace StateScope
