#pragma once

#include "domaintypes.h"
#include "selection.h"

#include <QStringList>

#include <vector>

namespace StateScope {

class EventStore;

// Mean dwell per edge: for each (from, to), the mean length of the stays in `from` that ended
// with a move to `to`. The analyzer gives dwell per state only; the matrix's "mean dwell" mode
// needs it per edge, so this walks each execution's chain once (a stay starts at the previous
// transition of the execution, or at its entry time) with the analyzer's rules: stays with an
// unknown entry or a negative length are left out, a time window cuts chains like the report's.
// A value type keyed by state *names*, so it outlives the store's renumbering.
class EdgeDwell final
{
public:
    struct Entry
    {
        int from = 0; // index into stateNames()
        int to = 0;
        quint64 stays = 0;
        double meanMs = 0;
    };

    static EdgeDwell compute(const EventStore &store, const Selection &selection = Selection());

    bool isEmpty() const { return m_entries.empty(); }
    const QStringList &stateNames() const { return m_names; }
    const std::vector<Entry> &entries() const { return m_entries; } // sorted by (from, to)
    // What the store held when this was computed, to tell whether it changed since.
    quint32 transitionCount() const { return m_transitionCount; }
    quint32 executionCount() const { return m_executionCount; }
    // Mean by name; NaN when no such stay was seen.
    double meanMs(const QString &from, const QString &to) const;

private:
    QStringList m_names;
    std::vector<Entry> m_entries;
    quint32 m_transitionCount = 0;
    quint32 m_executionCount = 0;
};

} // namespace StateScope
