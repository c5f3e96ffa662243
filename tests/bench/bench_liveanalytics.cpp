// BARS P5, second half: folding one live batch into a 100-state model and re-solving the
// Markov quantities. A batch is what the dashboard applies per ~40 ms repaint: at 20,000
// events/s that is 800 events; 1,000 are used here.
#include "liveanalytics.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <vector>

using namespace StateScope;

int main()
{
    constexpr int kStates = 100;
    constexpr int kBatch = 1000;
    std::mt19937_64 rng(7);
    // Workflow-shaped: mostly forward moves, some retries back, 3 terminal states at the end.
    auto next = [&rng](int s) {
        std::uniform_int_distribution<int> step(1, 4);
        if (s < kStates - 3 && rng() % 10 == 0)
            return std::max(0, s - step(rng));
        return std::min(kStates - 1, s + step(rng));
    };
    LiveAnalytics live;
    int current = 0;
    auto fold = [&](int count) {
        for (int i = 0; i < count; ++i) {
            if (current >= kStates - 3) { // finished: a new execution starts
                live.moveExecution(StateId(current), 0);
                live.addFirstState(0);
                current = 0;
            }
            const int to = next(current);
            live.addTransition(StateId(current), StateId(to), qint64(rng() % 10000));
            live.moveExecution(StateId(current), StateId(to));
            current = to;
        }
    };
    fold(1000000); // history
    live.markov();
    std::vector<double> times;
    for (int run = 0; run < 51; ++run) {
        const auto start = std::chrono::steady_clock::now();
        fold(kBatch);
        const MarkovResult &m = live.markov();
        const auto end = std::chrono::steady_clock::now();
        if (m.steadyState.size() != size_t(kStates))
            return 1;
        times.push_back(std::chrono::duration<double, std::milli>(end - start).count());
    }
    std::nth_element(times.begin(), times.begin() + long(times.size() / 2), times.end());
    std::printf("{\"metric\":\"live_batch_update_100_states_ms\",\"value\":%.3f,\"unit\":\"ms\",\"peer\":null,"
                "\"peerValue\":null,\"ratio\":null}\n",
                times[times.size() / 2]);
    return 0;
}
