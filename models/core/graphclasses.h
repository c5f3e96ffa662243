#pragma once

#include <vector>

// Graph helpers for the Markov analytics: strongly connected components and reachability
// on a compact adjacency list.
namespace StateScope::Graph {

struct Adjacency
{
    std::vector<int> offsets; // size nodeCount()+1; edges of v are targets[offsets[v]..offsets[v+1])
    std::vector<int> targets;

    int nodeCount() const { return offsets.empty() ? 0 : int(offsets.size()) - 1; }
};

struct Components
{
    std::vector<int> componentOf; // component id per node, 0..count-1
    int count = 0;
};

// Tarjan's algorithm, iterative so that long chains cannot overflow the call stack.
Components stronglyConnectedComponents(const Adjacency &graph);

// A component is closed when no edge leaves it (a closed communicating class of a chain).
std::vector<bool> closedComponents(const Adjacency &graph, const Components &components);

// Nodes that are targets or reach one through a path whose nodes all satisfy 'allowed'
// (empty 'allowed' = every node allowed).
std::vector<bool> nodesReaching(const Adjacency &graph, const std::vector<bool> &targets,
                                const std::vector<bool> &allowed = {});

// Nodes reachable from any source (sources included).
std::vector<bool> nodesReachableFrom(const Adjacency &graph, const std::vector<bool> &sources);

} // namespace StateScope::Graph
