#pragma once

#include <QtGlobal>

#include <utility>
#include <vector>

namespace StateScope {

struct TransitionCount
{
    quint32 from;
    quint32 to;
    quint64 count;
};

struct MarkovInput
{
    int stateCount = 0;                  // states are 0..stateCount-1
    std::vector<TransitionCount> counts; // aggregated observed transition counts; (from,to) unique; self-moves allowed
    std::vector<double> initial;         // mu0: distribution of executions' first states (sums to 1, or all 0)
    std::vector<double> meanDwellMs;     // mean completed dwell per state; NaN = unknown (no completed stay)
};

struct MarkovResult
{
    std::vector<bool> terminal; // state has no outgoing observed transition
    std::vector<bool> trapped;  // non-terminal and cannot reach any terminal state along observed edges
    std::vector<std::vector<std::pair<quint32, double>>> rows; // P, sparse, sorted by 'to'; empty for terminal states
    std::vector<double> steadyState; // Cesaro limit of the regenerative chain, see analyzeMarkov()
    std::vector<double> timeShare;   // pi_i*m_i / sum_j pi_j*m_j, unknown m counted as 0; all 0 if denominator is 0
    std::vector<quint32> terminalStates; // ascending; the absorption columns (plus "(trapped)" when hasTrappedColumn)
    bool hasTrappedColumn = false;
    std::vector<std::vector<double>> absorption; // per state: empty for terminal, (0..0,1) for trapped, else sums to 1
    std::vector<double> expectedSteps; // further transitions until absorption; NaN for terminal and trapped states
    std::vector<double> expectedMs;    // sum_j N_ij*m_j incl. the current stay; NaN if terminal/trapped/unknown dwell
};

/*
 * Markov-chain analytics of observed workflow transitions.
 *
 * P is the count matrix row-normalised. A state without observed outgoing transition is terminal.
 *
 * steadyState is the long-run distribution of the regenerative chain P', i.e. P with every
 * terminal row replaced by mu0 (a finished execution is replaced by a fresh one). It is the
 * Cesaro limit lim (1/n) sum_{k<n} mu0 P'^k, which exists and is unique for every chain, so
 * periodic chains yield the time average (a 2-cycle gives 0.5/0.5) and states that mu0 never
 * reaches get 0. It is computed exactly from the closed communicating classes of P' and the
 * probabilities of ending up in each of them, not by power iteration.
 *  - If mu0 is all zero but transitions exist, the uniform distribution over the states with an
 *    outgoing transition is used as mu0 (observed edges without recorded starts).
 *  - If there are no transitions at all, steadyState = mu0.
 *
 * Absorption uses the original P with terminal states absorbing. Transient states S are the
 * non-terminal, non-trapped states, N = (I - Q_SS)^-1 and absorption = N R, where R has one
 * column per terminal state plus, if any state is trapped, a "(trapped)" column holding the
 * probability of moving into a trapped state. expectedSteps = N 1 and
 * expectedMs = N m (m = mean dwell), so expectedMs includes the current state's whole mean stay.
 *
 * Sanitising: transitions with zero count or out-of-range ids are ignored, duplicate (from,to)
 * pairs are summed, negative or non-finite mu0 entries count as 0 and mu0 is renormalised;
 * missing meanDwellMs entries count as unknown.
 */
MarkovResult analyzeMarkov(const MarkovInput &input);

} // namespace StateScope
