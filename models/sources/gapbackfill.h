#pragma once

#include "feedevent.h"

#include <vector>

namespace StateScope {

class SqlConnection;

// Fills a gap in a live feed from the engine's state database (SPEC 4: "on resume_failed,
// fill the gap from a connected database"): the transitions whose timestamps lie strictly
// between the last event before the gap and the first one after it, as transition events in
// time order. Strictly between, because the events at both ends arrived through the feed.
class GapBackfill final
{
public:
    explicit GapBackfill(SqlConnection &connection) : m_connection(connection) {}
    // False with *error naming the problem; true with the events (maybe none) otherwise.
    bool read(TimeMs after, TimeMs before, std::vector<FeedEvent> *events, QString *error);

private:
    SqlConnection &m_connection;
};

} // namespace StateScope
