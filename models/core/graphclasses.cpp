#include "graphclasses.h"

#include <algorithm>

namespace StateScope::Graph {

Components stronglyConnectedComponents(const Adjacency &graph)
{
    const int n = graph.nodeCount();
    Components result;
    result.componentOf.assign(n, -1);

    std::vector<int> index(n, -1);
    std::vector<int> lowLink(n, 0);
    std::vector<int> edgeCursor(n, 0);
    std::vector<bool> onStack(n, false);
    std::vector<int> sccStack;
    std::vector<int> callStack;
    int nextIndex = 0;

    const auto visit = [&](int v) {
        index[v] = lowLink[v] = nextIndex++;
        edgeCursor[v] = graph.offsets[v];
        sccStack.push_back(v);
        onStack[v] = true;
        callStack.push_back(v);
    };

    for (int root = 0; root < n; ++root) {
        if (index[root] >= 0)
            continue;
        visit(root);
        while (!callStack.empty()) {
            const int v = callStack.back();
            if (edgeCursor[v] < graph.offsets[v + 1]) {
                const int w = graph.targets[edgeCursor[v]++];
                if (index[w] < 0)
                    visit(w);
                else if (onStack[w])
                    lowLink[v] = std::min(lowLink[v], index[w]);
                continue;
            }
            // All edges of v explored: "return" to the caller.
            callStack.pop_back();
            if (!callStack.empty()) {
                const int parent = callStack.back();
                lowLink[parent] = std::min(lowLink[parent], lowLink[v]);
            }
            if (lowLink[v] != index[v])
                continue;
            int w = -1;
            do {
                w = sccStack.back();
                sccStack.pop_back();
                onStack[w] = false;
                result.componentOf[w] = result.count;
            } while (w != v);
            ++result.count;
        }
    }
    return result;
}

std::vector<bool> closedComponents(const Adjacency &graph, const Components &components)
{
    std::vector<bool> closed(components.count, true);
    const int n = graph.nodeCount();
    for (int v = 0; v < n; ++v) {
        const int c = components.componentOf[v];
        for (int e = graph.offsets[v]; e < graph.offsets[v + 1]; ++e) {
            if (components.componentOf[graph.targets[e]] != c) {
                closed[c] = false;
                break;
            }
        }
    }
    return closed;
}

std::vector<bool> nodesReaching(const Adjacency &graph, const std::vector<bool> &targets,
                                const std::vector<bool> &allowed)
{
    const int n = graph.nodeCount();

    // Reverse adjacency by counting sort: we walk edges backwards from the targets.
    std::vector<int> reverseOffsets(n + 1, 0);
    for (int target : graph.targets)
        ++reverseOffsets[target + 1];
    for (int v = 0; v < n; ++v)
        reverseOffsets[v + 1] += reverseOffsets[v];
    std::vector<int> reverseSources(graph.targets.size());
    std::vector<int> fill(reverseOffsets.begin(), reverseOffsets.end() - 1);
    for (int v = 0; v < n; ++v) {
        for (int e = graph.offsets[v]; e < graph.offsets[v + 1]; ++e)
            reverseSources[fill[graph.targets[e]]++] = v;
    }

    std::vector<bool> reached(n, false);
    std::vector<int> queue;
    for (int v = 0; v < n; ++v) {
        if (targets[v]) {
            reached[v] = true;
            queue.push_back(v);
        }
    }
    for (std::size_t head = 0; head < queue.size(); ++head) {
        const int w = queue[head];
        for (int e = reverseOffsets[w]; e < reverseOffsets[w + 1]; ++e) {
            const int u = reverseSources[e];
            if (reached[u] || (!allowed.empty() && !allowed[u]))
                continue;
            reached[u] = true;
            queue.push_back(u);
        }
    }
    return reached;
}

std::vector<bool> nodesReachableFrom(const Adjacency &graph, const std::vector<bool> &sources)
{
    const int n = graph.nodeCount();
    std::vector<bool> reached(n, false);
    std::vector<int> queue;
    for (int v = 0; v < n; ++v) {
        if (sources[v]) {
            reached[v] = true;
            queue.push_back(v);
        }
    }
    for (std::size_t head = 0; head < queue.size(); ++head) {
        const int v = queue[head];
        for (int e = graph.offsets[v]; e < graph.offsets[v + 1]; ++e) {
            const int w = graph.targets[e];
            if (!reached[w]) {
                reached[w] = true;
                queue.push_back(w);
            }
        }
    }
    return reached;
}

} // namespace StateScope::Graph
