#pragma once

#include <QStringList>

namespace StateScope {

// `statescope watch FEED_URL [--duration SECONDS] [--format text|json]` (SPEC 1): connects to a
// statescope-feed/1 server, ingests until the duration ends or the feed closes for good, then
// prints the analyze report over what arrived plus `ingest` figures. The bearer token comes
// from STATESCOPE_FEED_TOKEN (never the command line); --ca-file trusts a private CA for wss://.
class WatchCommand final
{
public:
    int run(const QStringList &arguments);
};

} // namespace StateScope
