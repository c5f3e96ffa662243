// Benchmark for StateScope::analyzeMarkov on random workflow-like chains.
// Prints one JSON line per model: the median wall time of 15 runs in milliseconds.

#include "markovchain.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <limits>
#include <random>
#include <unordered_set>
#include <vector>

namespace {

using StateScope::MarkovInput;

// States 0..n-t-1 form the workflow, the last t states are terminal (done, cancelled, ...).
// Each workflow state has a dominant "next step" edge, a handful of nearby forward edges,
// sometimes a direct exit, and sparse low-count rework/jump edges anywhere. Rows are filled
// until the total number of distinct edges is exactly 'edges'.
MarkovInput workflowChain(int states, int edges, int terminals, unsigned seed)
{
    std::mt19937_64 rng(seed);
    const int workflow = states - terminals;
    MarkovInput input;
    input.stateCount = states;

    const auto uniform = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    const auto anyTerminal = [&] { return quint32(workflow + uniform(0, terminals - 1)); };

    for (int i = 0; i < workflow; ++i) {
        const int rowEdges = edges / workflow + (i < edges % workflow ? 1 : 0);
        std::unordered_set<quint32> used;
        const auto add = [&](quint32 to, quint64 count) {
            if (int(used.size()) < rowEdges && used.insert(to).second)
                input.counts.push_back({quint32(i), to, count});
        };
        add(i + 1 < workflow ? quint32(i + 1) : anyTerminal(), quint64(uniform(50, 200)));
        if (i + 1 >= workflow - 20 || uniform(0, 3) == 0)
            add(anyTerminal(), quint64(uniform(1, 20)));
        for (int k = 0; k < 10; ++k) {
            const int to = i + uniform(2, 40);
            add(to < workflow ? quint32(to) : anyTerminal(), quint64(uniform(3, 15)));
        }
        while (int(used.size()) < rowEdges)
            add(quint32(uniform(0, states - 1)), quint64(uniform(1, 3)));
    }

    input.initial.assign(states, 0.0);
    input.initial[0] = 0.9;
    for (int i = 1; i <= 4 && i < workflow; ++i)
        input.initial[i] = 0.1 / 4;
    input.meanDwellMs.assign(states, std::numeric_limits<double>::quiet_NaN());
    std::lognormal_distribution<double> dwell(8.0, 1.0);
    for (int i = 0; i < workflow; ++i)
        input.meanDwellMs[i] = dwell(rng);
    return input;
}

double medianMs(const MarkovInput &input, int runs)
{
    std::vector<double> times;
    double checksum = 0.0;
    for (int r = 0; r < runs; ++r) {
        const auto start = std::chrono::steady_clock::now();
        const StateScope::MarkovResult result = StateScope::analyzeMarkov(input);
        const auto stop = std::chrono::steady_clock::now();
        times.push_back(std::chrono::duration<double, std::milli>(stop - start).count());
        checksum += result.steadyState.empty() ? 0.0 : result.steadyState.front();
    }
    if (!(checksum >= 0.0)) // keeps the work observable; a NaN result would be a bug
        std::fprintf(stderr, "warning: NaN steady state\n");
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

void report(const char *metric, double value)
{
    std::printf("{\"metric\":\"%s\",\"value\":%.3f,\"unit\":\"ms\",\"peer\":null,"
                "\"peerValue\":null,\"ratio\":null}\n",
                metric, value);
}

} // namespace

int main()
{
    constexpr int runs = 15;
    const MarkovInput large = workflowChain(1000, 100000, 5, 20240601u);
    report("markov_1000_states_100k_edges_ms", medianMs(large, runs));
    const MarkovInput small = workflowChain(100, 1000, 3, 20240602u);
    report("markov_100_states_ms", medianMs(small, runs));
    return 0;
}
