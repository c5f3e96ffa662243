#include "markovchain.h"

#include "graphclasses.h"
#include "sparsesolver.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>

namespace StateScope {

namespace {

using Internal::SparseSolver;
using Internal::transposedSystem;
using Row = Internal::SparseRow;
using RowRefs = Internal::SparseRowRefs;

constexpr double notANumber = std::numeric_limits<double>::quiet_NaN();

// Bucketing by 'from' and sorting each short row is much cheaper than sorting all edges.
std::vector<Row> normalisedRows(const MarkovInput &input, int n)
{
    std::vector<std::size_t> offsets(std::size_t(n) + 1, 0);
    for (const TransitionCount &c : input.counts) {
        if (c.count > 0 && c.from < quint32(n) && c.to < quint32(n))
            ++offsets[c.from + 1];
    }
    for (int i = 0; i < n; ++i)
        offsets[i + 1] += offsets[i];
    std::vector<std::pair<quint32, quint64>> bucket(offsets[n]);
    std::vector<std::size_t> fill(offsets.begin(), offsets.end() - 1);
    for (const TransitionCount &c : input.counts) {
        if (c.count > 0 && c.from < quint32(n) && c.to < quint32(n))
            bucket[fill[c.from]++] = {c.to, c.count};
    }

    std::vector<Row> rows(n);
    for (int i = 0; i < n; ++i) {
        const auto begin = bucket.begin() + std::ptrdiff_t(offsets[i]);
        const auto end = bucket.begin() + std::ptrdiff_t(offsets[i + 1]);
        std::sort(begin, end);
        quint64 total = 0;
        Row &row = rows[i];
        for (auto it = begin; it != end; ++it) {
            total += it->second;
            if (!row.empty() && row.back().first == it->first)
                row.back().second += double(it->second); // tolerate duplicate pairs
            else
                row.emplace_back(it->first, double(it->second));
        }
        for (auto &entry : row)
            entry.second /= double(total);
    }
    return rows;
}

Graph::Adjacency adjacencyOf(const RowRefs &rowOf)
{
    Graph::Adjacency graph;
    graph.offsets.reserve(rowOf.size() + 1);
    graph.offsets.push_back(0);
    for (const Row *row : rowOf) {
        for (const auto &entry : *row)
            graph.targets.push_back(int(entry.first));
        graph.offsets.push_back(int(graph.targets.size()));
    }
    return graph;
}

// The transient states S of the original chain and the solver for (I - Q_SS)^T, shared by the
// absorption analysis and the regenerative steady state.
struct TransientChain
{
    std::vector<int> states;
    std::vector<int> indexOf;
    std::unique_ptr<SparseSolver> solver;
};

void analyzeAbsorption(MarkovResult &result, const RowRefs &rowOf, const Graph::Adjacency &graph,
                       const std::vector<double> &dwell, TransientChain &chain)
{
    const int n = int(rowOf.size());
    std::vector<int> columnOf(n, -1);
    for (std::size_t c = 0; c < result.terminalStates.size(); ++c)
        columnOf[result.terminalStates[c]] = int(c);
    const int columns = int(result.terminalStates.size()) + (result.hasTrappedColumn ? 1 : 0);
    const int trappedColumn = columns - 1;

    result.absorption.assign(n, {});
    result.expectedSteps.assign(n, notANumber);
    result.expectedMs.assign(n, notANumber);
    for (int i = 0; i < n; ++i) {
        if (result.trapped[i]) {
            result.absorption[i].assign(columns, 0.0);
            result.absorption[i][trappedColumn] = 1.0;
        }
    }
    if (chain.states.empty())
        return;

    const int m = int(chain.states.size());
    chain.solver = std::make_unique<SparseSolver>(
        transposedSystem(rowOf, chain.states, chain.indexOf, false));

    // Right-hand sides: R (terminal columns + trapped column), 1 for steps, m for time.
    Eigen::MatrixXd rhs = Eigen::MatrixXd::Zero(m, columns + 2);
    std::vector<bool> unknownDwell(n, false);
    for (int a = 0; a < m; ++a) {
        const int state = chain.states[a];
        for (const auto &[to, p] : *rowOf[state]) {
            if (columnOf[to] >= 0)
                rhs(a, columnOf[to]) += p;
            else if (result.trapped[to])
                rhs(a, trappedColumn) += p;
        }
        rhs(a, columns) = 1.0;
        unknownDwell[state] = std::isnan(dwell[state]);
        rhs(a, columns + 1) = unknownDwell[state] ? 0.0 : dwell[state];
    }
    // (I - Q) X = rhs is the transposed solve of the stored (I - Q)^T.
    const Eigen::MatrixXd x = chain.solver->solveTransposed(rhs);

    // N_ij > 0 exactly when j is reachable from i inside S, so use the graph rather than
    // testing floating-point values against zero.
    std::vector<bool> inS(n, false);
    for (int state : chain.states)
        inS[state] = true;
    const std::vector<bool> reachesUnknown = Graph::nodesReaching(graph, unknownDwell, inS);

    for (int a = 0; a < m; ++a) {
        const int state = chain.states[a];
        auto &row = result.absorption[state];
        row.resize(columns);
        for (int c = 0; c < columns; ++c)
            row[c] = std::clamp(x(a, c), 0.0, 1.0);
        result.expectedSteps[state] = x(a, columns);
        result.expectedMs[state] = reachesUnknown[state] ? notANumber : x(a, columns + 1);
    }
}

std::vector<double> sanitisedInitial(const MarkovInput &input, int n)
{
    std::vector<double> mu(n, 0.0);
    double total = 0.0;
    for (int i = 0; i < n && i < int(input.initial.size()); ++i) {
        const double value = input.initial[i];
        if (std::isfinite(value) && value > 0.0) {
            mu[i] = value;
            total += value;
        }
    }
    if (total > 0.0) {
        for (double &value : mu)
            value /= total;
    }
    return mu;
}

// Stationary distribution of one closed class: pi (I - P_c) = 0 with sum(pi) = 1.
std::vector<double> classStationary(const RowRefs &rowOf, const std::vector<int> &members)
{
    if (members.size() == 1)
        return {1.0};
    std::vector<int> indexOf(rowOf.size(), -1);
    for (std::size_t k = 0; k < members.size(); ++k)
        indexOf[members[k]] = int(k);
    SparseSolver solver(transposedSystem(rowOf, members, indexOf, true));
    Eigen::MatrixXd rhs = Eigen::MatrixXd::Zero(Eigen::Index(members.size()), 1);
    rhs(rhs.rows() - 1, 0) = 1.0;
    const Eigen::MatrixXd x = solver.solve(rhs);
    std::vector<double> pi(members.size());
    for (std::size_t k = 0; k < members.size(); ++k)
        pi[k] = std::max(0.0, x(Eigen::Index(k), 0));
    return pi;
}

// Regeneration argument: the long-run share of a state in the class containing the terminal
// states is its expected number of visits per execution (mu0 N, and absorption mass for the
// terminal states), normalised. This reuses the absorption factorisation instead of a second
// solve of the (usually large) class.
std::vector<double> regenerativeSteadyState(const MarkovResult &result, const RowRefs &rowOf,
                                            const std::vector<double> &mu,
                                            const std::vector<bool> &inClass,
                                            TransientChain &chain)
{
    const int n = int(rowOf.size());
    std::vector<double> visits(n, 0.0);
    if (chain.solver) {
        Eigen::MatrixXd muS(Eigen::Index(chain.states.size()), 1);
        for (std::size_t a = 0; a < chain.states.size(); ++a)
            muS(Eigen::Index(a), 0) = mu[chain.states[a]];
        const Eigen::MatrixXd x = chain.solver->solve(muS);
        for (std::size_t a = 0; a < chain.states.size(); ++a) {
            const int state = chain.states[a];
            const double v = std::max(0.0, x(Eigen::Index(a), 0));
            visits[state] = v;
            for (const auto &[to, p] : *rowOf[state]) {
                if (result.terminal[to])
                    visits[to] += v * p;
            }
        }
    }
    for (int i = 0; i < n; ++i) {
        if (result.terminal[i])
            visits[i] += mu[i];
        if (!inClass[i])
            visits[i] = 0.0; // not reachable from mu0; removes solver noise
    }
    return visits;
}

// General case (no closed class contains a terminal state, so the chain ends up trapped):
// limit = sum_c a_c pi_c with a_c = probability that the chain from mu0 is absorbed in c.
std::vector<double> trappedSteadyState(const RowRefs &primeRowOf,
                                       const Graph::Adjacency &primeGraph,
                                       const Graph::Components &components,
                                       const std::vector<bool> &closed,
                                       const std::vector<double> &mu)
{
    const int n = int(primeRowOf.size());
    std::vector<bool> sources(n);
    for (int i = 0; i < n; ++i)
        sources[i] = mu[i] > 0.0;
    const std::vector<bool> reachable = Graph::nodesReachableFrom(primeGraph, sources);

    std::vector<double> classWeight(components.count, 0.0);
    std::vector<std::vector<int>> classMembers(components.count);
    std::vector<int> transient;
    std::vector<int> indexOf(n, -1);
    for (int i = 0; i < n; ++i) {
        if (!reachable[i])
            continue;
        const int c = components.componentOf[i];
        if (closed[c]) {
            classMembers[c].push_back(i);
            classWeight[c] += mu[i];
        } else {
            indexOf[i] = int(transient.size());
            transient.push_back(i);
        }
    }

    if (!transient.empty()) {
        // y = expected visits to the transient states: y^T (I - Q') = mu_T^T, a single solve.
        SparseSolver solver(transposedSystem(primeRowOf, transient, indexOf, false));
        Eigen::MatrixXd muT(Eigen::Index(transient.size()), 1);
        for (std::size_t k = 0; k < transient.size(); ++k)
            muT(Eigen::Index(k), 0) = mu[transient[k]];
        const Eigen::MatrixXd y = solver.solve(muT);
        for (std::size_t k = 0; k < transient.size(); ++k) {
            for (const auto &[to, p] : *primeRowOf[transient[k]]) {
                const int c = components.componentOf[to];
                if (closed[c])
                    classWeight[c] += std::max(0.0, y(Eigen::Index(k), 0)) * p;
            }
        }
    }

    std::vector<double> limit(n, 0.0);
    for (int c = 0; c < components.count; ++c) {
        if (classWeight[c] <= 0.0)
            continue;
        const std::vector<double> pi = classStationary(primeRowOf, classMembers[c]);
        for (std::size_t k = 0; k < pi.size(); ++k)
            limit[classMembers[c][k]] = classWeight[c] * pi[k];
    }
    return limit;
}

std::vector<double> steadyStateOf(const MarkovResult &result, const MarkovInput &input,
                                  const RowRefs &rowOf, TransientChain &chain)
{
    const int n = int(rowOf.size());
    std::vector<double> mu = sanitisedInitial(input, n);
    const auto nonTerminal = int(std::count(result.terminal.begin(), result.terminal.end(), false));
    if (nonTerminal == 0)
        return mu;
    if (std::all_of(mu.begin(), mu.end(), [](double v) { return v == 0.0; })) {
        for (int i = 0; i < n; ++i)
            mu[i] = result.terminal[i] ? 0.0 : 1.0 / nonTerminal;
    }

    // P': terminal rows replaced by mu0.
    Row muRow;
    for (int i = 0; i < n; ++i) {
        if (mu[i] > 0.0)
            muRow.emplace_back(quint32(i), mu[i]);
    }
    RowRefs primeRowOf(rowOf);
    for (int i = 0; i < n; ++i) {
        if (result.terminal[i])
            primeRowOf[i] = &muRow;
    }
    const Graph::Adjacency primeGraph = adjacencyOf(primeRowOf);
    const Graph::Components components = Graph::stronglyConnectedComponents(primeGraph);
    const std::vector<bool> closed = Graph::closedComponents(primeGraph, components);

    // A closed class holding a terminal state contains supp(mu0) (terminal rows lead there), so
    // there is at most one and the chain never leaves it.
    std::vector<double> limit;
    const auto terminalInClosed = std::find_if(
        result.terminalStates.begin(), result.terminalStates.end(),
        [&](quint32 t) { return closed[components.componentOf[t]]; });
    if (terminalInClosed != result.terminalStates.end()) {
        const int regenerative = components.componentOf[*terminalInClosed];
        std::vector<bool> inClass(n);
        for (int i = 0; i < n; ++i)
            inClass[i] = components.componentOf[i] == regenerative;
        limit = regenerativeSteadyState(result, rowOf, mu, inClass, chain);
    } else {
        limit = trappedSteadyState(primeRowOf, primeGraph, components, closed, mu);
    }

    double total = 0.0;
    for (double v : limit)
        total += v;
    if (total > 0.0) {
        for (double &v : limit)
            v /= total;
    }
    return limit;
}

std::vector<double> timeShareOf(const std::vector<double> &steady, const std::vector<double> &dwell)
{
    std::vector<double> share(steady.size(), 0.0);
    double total = 0.0;
    for (std::size_t i = 0; i < steady.size(); ++i) {
        if (steady[i] > 0.0 && !std::isnan(dwell[i])) {
            share[i] = steady[i] * dwell[i];
            total += share[i];
        }
    }
    if (total > 0.0 && std::isfinite(total)) {
        for (double &v : share)
            v /= total;
    } else {
        std::fill(share.begin(), share.end(), 0.0);
    }
    return share;
}

} // namespace

MarkovResult analyzeMarkov(const MarkovInput &input)
{
    MarkovResult result;
    const int n = std::max(0, input.stateCount);
    result.rows = normalisedRows(input, n);

    RowRefs rowOf(n);
    for (int i = 0; i < n; ++i)
        rowOf[i] = &result.rows[i];
    const Graph::Adjacency graph = adjacencyOf(rowOf);

    result.terminal.resize(n);
    for (int i = 0; i < n; ++i) {
        result.terminal[i] = result.rows[i].empty();
        if (result.terminal[i])
            result.terminalStates.push_back(quint32(i));
    }
    const std::vector<bool> reachesTerminal = Graph::nodesReaching(graph, result.terminal);
    result.trapped.resize(n);
    TransientChain chain;
    chain.indexOf.assign(n, -1);
    for (int i = 0; i < n; ++i) {
        result.trapped[i] = !result.terminal[i] && !reachesTerminal[i];
        result.hasTrappedColumn = result.hasTrappedColumn || result.trapped[i];
        if (!result.terminal[i] && !result.trapped[i]) {
            chain.indexOf[i] = int(chain.states.size());
            chain.states.push_back(i);
        }
    }

    // Unknown and non-finite dwell times are both "unknown" (NaN).
    std::vector<double> dwell(n, notANumber);
    for (int i = 0; i < n && i < int(input.meanDwellMs.size()); ++i) {
        if (std::isfinite(input.meanDwellMs[i]))
            dwell[i] = input.meanDwellMs[i];
    }

    analyzeAbsorption(result, rowOf, graph, dwell, chain);
    result.steadyState = steadyStateOf(result, input, rowOf, chain);
    result.timeShare = timeShareOf(result.steadyState, dwell);
    return result;
}

} // namespace StateScope
