#pragma once

#include "domaintypes.h"
#include "dwellhistogram.h"
#include "markovchain.h"

#include <QHash>

#include <vector>

namespace StateScope {

class EventStore;

// The analytics a live view needs, folded in event by event instead of rescanning the store:
// transition counts, first states (mu0), executions per current state and streaming dwell
// statistics. The Markov quantities (P, steady state, absorption) are solved from the count
// matrix on demand — at 100 states that is well under a millisecond — and cached until the
// counts change. The feed ingestor calls the on...() hooks; rebuild() starts again from a
// store (after a bulk load, or when events arrived out of order and stays were split).
class LiveAnalytics final
{
public:
    // An execution is now in `state` (it started there, or a transition took it there);
    // `previous` is where it was (kNoState if it was nowhere yet).
    void moveExecution(StateId previous, StateId state);
    // An execution's first state is known.
    void addFirstState(StateId state);
    // A transition; dwellMs < 0 when the stay it ends has no known entry time.
    void addTransition(StateId from, StateId to, qint64 dwellMs);
    // Stays were split by late events: counts remain right, dwell statistics need a rebuild.
    void markDwellStale() { m_dwellStale = true; }
    bool dwellStale() const { return m_dwellStale; }
    void rebuild(const EventStore &store);

    quint32 stateCount() const { return quint32(m_firstStates.size()); }
    quint64 transitions() const { return m_transitions; }
    quint64 count(StateId from, StateId to) const { return m_counts.value(key(from, to), 0); }
    quint64 executionsIn(StateId s) const { return s < m_inState.size() ? m_inState[s] : 0; }
    const DwellHistogram &dwell(StateId s) const;
    // P, steady state, time share and absorption of the counts so far (cached).
    const MarkovResult &markov();

private:
    static quint64 key(StateId from, StateId to) { return (quint64(from) << 32) | to; }
    void grow(StateId s);

    QHash<quint64, quint64> m_counts;
    std::vector<quint64> m_firstStates;
    std::vector<quint64> m_inState;
    std::vector<DwellHistogram> m_dwell;
    quint64 m_transitions = 0;
    bool m_dwellStale = false;
    bool m_markovValid = false;
    MarkovResult m_markov;
};

} // namespace StateScope
