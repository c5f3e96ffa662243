#include "markovchain.h"

#include <QtTest>

#include <Eigen/Dense>

#include <cmath>
#include <limits>
#include <random>
#include <set>

using namespace StateScope;

Q_DECLARE_METATYPE(StateScope::MarkovInput)

namespace {

constexpr double tolerance = 1e-9;
const double unknown = std::numeric_limits<double>::quiet_NaN();

MarkovInput makeInput(int n, std::vector<TransitionCount> counts, std::vector<double> initial,
                      std::vector<double> dwell = {})
{
    MarkovInput input;
    input.stateCount = n;
    input.counts = std::move(counts);
    input.initial = std::move(initial);
    input.meanDwellMs = dwell.empty() ? std::vector<double>(std::size_t(n), unknown) : std::move(dwell);
    return input;
}

// Empty when equal within tolerance (NaN matches NaN), otherwise a readable difference.
QByteArray mismatch(const std::vector<double> &actual, const std::vector<double> &expected)
{
    if (actual.size() != expected.size())
        return "size " + QByteArray::number(actual.size()) + " != " + QByteArray::number(expected.size());
    for (std::size_t i = 0; i < actual.size(); ++i) {
        const bool same = std::isnan(expected[i]) ? std::isnan(actual[i])
                                                  : std::abs(actual[i] - expected[i]) <= tolerance;
        if (!same)
            return "index " + QByteArray::number(i) + ": actual "
                   + QByteArray::number(actual[i], 'g', 17) + ", expected "
                   + QByteArray::number(expected[i], 'g', 17);
    }
    return {};
}

QByteArray mismatch(const std::vector<double> &actual, const QList<double> &expected)
{
    return mismatch(actual, std::vector<double>(expected.begin(), expected.end()));
}

// Evaluates mismatch() twice, which is cheap, to keep the failure message alive.
#define COMPARE_VECTOR(actual, expected) \
    QVERIFY2(mismatch((actual), (expected)).isEmpty(), mismatch((actual), (expected)).constData())

// The Grinstead & Snell drunkard's walk on 0..4, absorbing at 0 and 4, p = 1/2.
MarkovInput drunkardsWalk(std::vector<double> initial, std::vector<double> dwell = {})
{
    return makeInput(5, {{1, 0, 1}, {1, 2, 1}, {2, 1, 1}, {2, 3, 1}, {3, 2, 1}, {3, 4, 1}},
                     std::move(initial), std::move(dwell));
}

// start(0) -> work(1); work -> done(3) 0.6 | retry(2) 0.4; retry -> work.
MarkovInput workflow(std::vector<double> dwell)
{
    return makeInput(4, {{0, 1, 10}, {1, 3, 6}, {1, 2, 4}, {2, 1, 4}}, {1, 0, 0, 0}, std::move(dwell));
}

} // namespace

class TestMarkovChain : public QObject
{
    Q_OBJECT

private slots:
    void emptyModel();
    void degenerateChains_data();
    void degenerateChains();
    void rowsAreNormalisedAndSorted();
    void steadyState_data();
    void steadyState();
    void drunkardsWalk();
    void workflowRegenerative();
    void unknownDwell_data();
    void unknownDwell();
    void trappedColumn();
    void randomChainsMatchDenseReference();
    void largeChainsSatisfyDefiningEquations();
};

void TestMarkovChain::emptyModel()
{
    const MarkovResult r = analyzeMarkov(MarkovInput());
    QVERIFY(r.terminal.empty() && r.rows.empty() && r.steadyState.empty() && r.timeShare.empty());
    QVERIFY(r.terminalStates.empty() && r.absorption.empty() && r.expectedSteps.empty() && !r.hasTrappedColumn);
}

void TestMarkovChain::degenerateChains_data()
{
    QTest::addColumn<MarkovInput>("input");
    QTest::addColumn<QList<double>>("steady");
    QTest::addColumn<QList<double>>("timeShare");
    QTest::newRow("one state, one execution") << makeInput(1, {}, {1}, {20}) << QList<double>{1} << QList<double>{1};
    QTest::newRow("one state, no execution") << makeInput(1, {}, {0}, {20}) << QList<double>{0} << QList<double>{0};
    QTest::newRow("three states, no transitions") << makeInput(3, {}, {0.2, 0.3, 0.5}, {10, unknown, 2})
                                                  << QList<double>{0.2, 0.3, 0.5} << QList<double>{2.0 / 3, 0, 1.0 / 3};
    QTest::newRow("one state with a self-loop") << makeInput(1, {{0, 0, 5}}, {1}, {7}) << QList<double>{1}
                                                << QList<double>{1};
    QTest::newRow("cycle A->B->A") << makeInput(2, {{0, 1, 3}, {1, 0, 3}}, {1, 0}, {1, 3})
                                   << QList<double>{0.5, 0.5} << QList<double>{0.25, 0.75};
}

// Either no transitions (all terminal) or no terminal state (all trapped, single edges).
void TestMarkovChain::degenerateChains()
{
    QFETCH(MarkovInput, input);
    QFETCH(QList<double>, steady);
    QFETCH(QList<double>, timeShare);
    const MarkovResult r = analyzeMarkov(input);
    const int n = input.stateCount;
    const bool moves = !input.counts.empty();
    QCOMPARE(r.terminal, std::vector<bool>(n, !moves));
    QCOMPARE(r.trapped, std::vector<bool>(n, moves));
    QCOMPARE(int(r.terminalStates.size()), moves ? 0 : n);
    QCOMPARE(r.hasTrappedColumn, moves);
    for (int i = 0; i < n; ++i) {
        QVERIFY(moves ? r.rows[i].size() == 1 && r.rows[i][0].second == 1.0 : r.rows[i].empty());
        QVERIFY(moves || r.terminalStates[i] == quint32(i));
        COMPARE_VECTOR(r.absorption[i], moves ? std::vector<double>{1} : std::vector<double>{});
    }
    COMPARE_VECTOR(r.expectedSteps, std::vector<double>(n, unknown));
    COMPARE_VECTOR(r.expectedMs, std::vector<double>(n, unknown));
    COMPARE_VECTOR(r.steadyState, steady);
    COMPARE_VECTOR(r.timeShare, timeShare);
}

void TestMarkovChain::rowsAreNormalisedAndSorted()
{
    // Unsorted input; zero counts and out-of-range ids are ignored.
    const MarkovResult r = analyzeMarkov(
        makeInput(2, {{1, 1, 5}, {0, 1, 1}, {1, 0, 5}, {0, 0, 9}, {0, 1, 0}, {0, 7, 3}}, {1, 0}));
    using Row = std::vector<std::pair<quint32, double>>;
    QCOMPARE(r.rows[0], (Row{{0, 0.9}, {1, 0.1}}));
    QCOMPARE(r.rows[1], (Row{{0, 0.5}, {1, 0.5}}));
}

void TestMarkovChain::steadyState_data()
{
    QTest::addColumn<MarkovInput>("input");
    QTest::addColumn<QList<double>>("expected");
    const std::vector<TransitionCount> weather{{0, 0, 9}, {0, 1, 1}, {1, 0, 5}, {1, 1, 5}};
    QTest::newRow("weather") << makeInput(2, weather, {1, 0}) << QList<double>{5.0 / 6, 1.0 / 6};
    QTest::newRow("weather, no starts: uniform mu0")
        << makeInput(2, weather, {0, 0}) << QList<double>{5.0 / 6, 1.0 / 6};
    QTest::newRow("Land of Oz (Grinstead & Snell)")
        << makeInput(3, {{0, 0, 2}, {0, 1, 1}, {0, 2, 1}, {1, 0, 1}, {1, 2, 1}, {2, 0, 1}, {2, 1, 1}, {2, 2, 2}}, {0, 1, 0})
        << QList<double>{0.4, 0.2, 0.4};
    QTest::newRow("periodic 3-cycle")
        << makeInput(3, {{0, 1, 1}, {1, 2, 1}, {2, 0, 1}}, {1, 0, 0}) << QList<double>{1.0 / 3, 1.0 / 3, 1.0 / 3};
    QTest::newRow("periodic regenerative start->a->done")
        << makeInput(3, {{0, 1, 4}, {1, 2, 4}}, {1, 0, 0}) << QList<double>{1.0 / 3, 1.0 / 3, 1.0 / 3};
    // Visits per execution from state 2: N row (1,2,1), absorption (1/2,1/2); total 5.
    QTest::newRow("drunkard's walk regenerating in the middle")
        << ::drunkardsWalk({0, 0, 1, 0, 0}) << QList<double>{0.1, 0.2, 0.4, 0.2, 0.1};
    // 0 -> {1,2} (pi 2/3,1/3) w.p. 1/8, -> {3,4} (pi 1/3,2/3) w.p. 3/8, -> done(5) w.p. 1/2 and
    // restart, so the classes are reached with 1/4 and 3/4. States 6..8 are unreachable.
    QTest::newRow("two closed classes reached from mu0")
        << makeInput(9, {{0, 1, 1}, {0, 3, 3}, {0, 5, 4}, {1, 1, 1}, {1, 2, 1}, {2, 1, 1}, {3, 4, 1},
                         {4, 3, 1}, {4, 4, 1}, {6, 7, 1}, {7, 6, 1}, {8, 5, 1}},
                     {1, 0, 0, 0, 0, 0, 0, 0, 0})
        << QList<double>{0, 1.0 / 6, 1.0 / 12, 1.0 / 4, 1.0 / 2, 0, 0, 0, 0};
    QTest::newRow("unreachable part gets 0")
        << makeInput(5, {{0, 1, 2}, {2, 3, 1}, {3, 2, 1}, {4, 1, 1}}, {1, 0, 0, 0, 0})
        << QList<double>{0.5, 0.5, 0, 0, 0};
    QTest::newRow("no starts, reducible: uniform mu0 over {0,1,2}")
        << makeInput(4, {{0, 1, 1}, {1, 0, 1}, {2, 3, 1}}, {0, 0, 0, 0}) << QList<double>{0.5, 0.5, 0, 0};
    QTest::newRow("executions start in the terminal state")
        << makeInput(2, {{0, 1, 1}}, {0, 1}) << QList<double>{0, 1};
    QTest::newRow("eventually trapped in a 2-cycle")
        << makeInput(4, {{0, 1, 1}, {0, 2, 3}, {2, 3, 1}, {3, 2, 1}}, {1, 0, 0, 0}) << QList<double>{0, 0, 0.5, 0.5};
}

void TestMarkovChain::steadyState()
{
    QFETCH(MarkovInput, input);
    QFETCH(QList<double>, expected);
    COMPARE_VECTOR(analyzeMarkov(input).steadyState, expected);
}

void TestMarkovChain::drunkardsWalk()
{
    const MarkovResult r = analyzeMarkov(::drunkardsWalk({0, 0, 1, 0, 0}, {unknown, 1, 10, 100, unknown}));
    QCOMPARE(r.terminalStates, (std::vector<quint32>{0, 4}));
    QVERIFY(!r.hasTrappedColumn && r.absorption[0].empty() && r.absorption[4].empty());
    COMPARE_VECTOR(r.absorption[1], (std::vector<double>{0.75, 0.25}));
    COMPARE_VECTOR(r.absorption[2], (std::vector<double>{0.5, 0.5}));
    COMPARE_VECTOR(r.absorption[3], (std::vector<double>{0.25, 0.75}));
    COMPARE_VECTOR(r.expectedSteps, (std::vector<double>{unknown, 3, 4, 3, unknown}));
    COMPARE_VECTOR(r.expectedMs, (std::vector<double>{unknown, 61.5, 121, 160.5, unknown}));

    // Unit dwell on one state j reads off column j of N = [[3/2,1,1/2],[1,2,1],[1/2,1,3/2]].
    const double fundamental[3][3] = {{1.5, 1, 0.5}, {1, 2, 1}, {0.5, 1, 1.5}};
    for (int j = 0; j < 3; ++j) {
        std::vector<double> dwell(5, 0.0);
        dwell[j + 1] = 1.0;
        const MarkovResult unit = analyzeMarkov(::drunkardsWalk({0, 0, 1, 0, 0}, dwell));
        COMPARE_VECTOR(unit.expectedMs, (std::vector<double>{unknown, fundamental[0][j], fundamental[1][j],
                                                              fundamental[2][j], unknown}));
    }
}

void TestMarkovChain::workflowRegenerative()
{
    // Visits per execution: start 1, work 5/3, retry 2/3, done 1 (total 13/3).
    const MarkovResult r = analyzeMarkov(workflow({1000, 5000, 2000, unknown}));
    QCOMPARE(r.terminal, (std::vector<bool>{false, false, false, true}));
    QCOMPARE(r.trapped, std::vector<bool>(4, false));
    COMPARE_VECTOR(r.steadyState, (std::vector<double>{3.0 / 13, 5.0 / 13, 2.0 / 13, 3.0 / 13}));
    COMPARE_VECTOR(r.timeShare, (std::vector<double>{3.0 / 32, 25.0 / 32, 4.0 / 32, 0}));
    QCOMPARE(r.terminalStates, std::vector<quint32>{3});
    for (int i = 0; i < 3; ++i)
        COMPARE_VECTOR(r.absorption[i], std::vector<double>{1});
    COMPARE_VECTOR(r.expectedSteps, (std::vector<double>{10.0 / 3, 7.0 / 3, 10.0 / 3, unknown}));
    COMPARE_VECTOR(r.expectedMs, (std::vector<double>{32000.0 / 3, 29000.0 / 3, 35000.0 / 3, unknown}));
}

void TestMarkovChain::unknownDwell_data()
{
    QTest::addColumn<QList<double>>("dwell");
    QTest::addColumn<QList<double>>("expectedMs");
    QTest::addColumn<QList<double>>("timeShare");
    QTest::newRow("retry unknown: everything reaches it")
        << QList<double>{1000, 5000, unknown, unknown} << QList<double>{unknown, unknown, unknown, unknown}
        << QList<double>{3.0 / 28, 25.0 / 28, 0, 0};
    QTest::newRow("start unknown: only start reaches it")
        << QList<double>{unknown, 5000, 2000, unknown} << QList<double>{unknown, 29000.0 / 3, 35000.0 / 3, unknown}
        << QList<double>{0, 25.0 / 29, 4.0 / 29, 0};
    QTest::newRow("all unknown") << QList<double>{unknown, unknown, unknown, unknown}
                                 << QList<double>{unknown, unknown, unknown, unknown} << QList<double>{0, 0, 0, 0};
}

void TestMarkovChain::unknownDwell()
{
    QFETCH(QList<double>, dwell);
    QFETCH(QList<double>, expectedMs);
    QFETCH(QList<double>, timeShare);
    const MarkovResult r = analyzeMarkov(workflow(std::vector<double>(dwell.begin(), dwell.end())));
    COMPARE_VECTOR(r.expectedMs, expectedMs);
    COMPARE_VECTOR(r.timeShare, timeShare);
}

void TestMarkovChain::trappedColumn()
{
    // 0 -> done(1) 1/4 | loop {2,3} 3/4; the loop cannot reach a terminal.
    const MarkovResult r = analyzeMarkov(
        makeInput(4, {{0, 1, 1}, {0, 2, 3}, {2, 3, 1}, {3, 2, 1}}, {1, 0, 0, 0}, {100, unknown, 5, 5}));
    QCOMPARE(r.trapped, (std::vector<bool>{false, false, true, true}));
    QCOMPARE(r.terminalStates, std::vector<quint32>{1});
    QVERIFY(r.hasTrappedColumn && r.absorption[1].empty());
    COMPARE_VECTOR(r.absorption[0], (std::vector<double>{0.25, 0.75}));
    COMPARE_VECTOR(r.absorption[2], (std::vector<double>{0, 1}));
    COMPARE_VECTOR(r.absorption[3], (std::vector<double>{0, 1}));
    COMPARE_VECTOR(r.expectedSteps, (std::vector<double>{1, unknown, unknown, unknown}));
    COMPARE_VECTOR(r.expectedMs, (std::vector<double>{100, unknown, unknown, unknown}));
}

// Independent dense reference: the Cesaro limit of P' equals the ordinary limit of the lazy
// chain (I + P')/2, obtained by repeated squaring; absorption via dense N = (I - Q)^-1.
void TestMarkovChain::randomChainsMatchDenseReference()
{
    std::mt19937 rng(1234);
    for (int round = 0; round < 400; ++round) {
        const int n = 1 + int(rng() % 8);
        MarkovInput input = makeInput(n, {}, std::vector<double>(n, 0.0));
        Eigen::MatrixXd p = Eigen::MatrixXd::Zero(n, n);
        for (int i = 0; i < n; ++i) {
            for (int j = 0; j < n; ++j) {
                if (rng() % 100 < 30) {
                    input.counts.push_back({quint32(i), quint32(j), 1 + rng() % 5});
                    p(i, j) = double(input.counts.back().count);
                }
            }
        }
        for (int starts = int(rng() % 3); starts > 0; --starts)
            input.initial[rng() % n] += 1.0;
        const MarkovResult r = analyzeMarkov(input);

        Eigen::VectorXd mu = Eigen::Map<Eigen::VectorXd>(input.initial.data(), n);
        const Eigen::VectorXd outgoing = p.rowwise().sum();
        const bool allTerminal = outgoing.sum() == 0.0;
        if (mu.sum() == 0.0)
            mu = (outgoing.array() > 0.0).cast<double>();
        if (mu.sum() > 0.0)
            mu /= mu.sum();
        Eigen::MatrixXd lazy = Eigen::MatrixXd::Identity(n, n) * 0.5;
        for (int i = 0; i < n; ++i) {
            if (outgoing[i] == 0.0)
                lazy.row(i) += 0.5 * mu.transpose();
            else
                lazy.row(i) += 0.5 * p.row(i) / outgoing[i];
        }
        for (int k = 0; k < 64; ++k) {
            lazy = lazy * lazy;
            // Rounding would otherwise compound as (1 + eps)^(2^k).
            lazy = lazy.array().colwise() / lazy.rowwise().sum().array();
        }
        const Eigen::VectorXd limit = allTerminal ? mu : Eigen::VectorXd(lazy.transpose() * mu);
        COMPARE_VECTOR(r.steadyState, std::vector<double>(limit.data(), limit.data() + n));

        // Reachability closure decides trapped states; the transient block then gives N.
        Eigen::MatrixXd reach = (p.array() > 0.0).cast<double>().matrix() + Eigen::MatrixXd::Identity(n, n);
        for (int k = 0; k < 3; ++k) // paths of length up to 2^3 >= n
            reach = ((reach * reach).array() > 0.0).cast<double>();
        std::vector<int> transient;
        for (int i = 0; i < n; ++i) {
            bool reachesTerminal = false;
            for (int t = 0; t < n; ++t)
                reachesTerminal = reachesTerminal || (outgoing[t] == 0.0 && reach(i, t) > 0.0);
            QCOMPARE(bool(r.trapped[i]), outgoing[i] > 0.0 && !reachesTerminal);
            if (outgoing[i] > 0.0 && reachesTerminal)
                transient.push_back(i);
        }
        const int m = int(transient.size());
        if (m == 0)
            continue;
        Eigen::MatrixXd iq = Eigen::MatrixXd::Identity(m, m);
        for (int a = 0; a < m; ++a) {
            for (int b = 0; b < m; ++b)
                iq(a, b) -= p(transient[a], transient[b]) / outgoing[transient[a]];
        }
        const Eigen::MatrixXd fundamental = iq.fullPivLu().inverse();
        for (int a = 0; a < m; ++a) {
            const int i = transient[a];
            QVERIFY(std::abs(r.expectedSteps[i] - fundamental.row(a).sum()) <= tolerance);
            std::vector<double> expected(r.absorption[i].size(), 1.0); // trapped column: the rest
            for (std::size_t c = 0; c < r.terminalStates.size(); ++c) {
                expected[c] = 0.0;
                for (int k = 0; k < m; ++k)
                    expected[c] += fundamental(a, k) * p(transient[k], r.terminalStates[c]) / outgoing[transient[k]];
                expected.back() -= r.hasTrappedColumn ? expected[c] : 0.0;
            }
            COMPARE_VECTOR(r.absorption[i], expected);
        }
    }
}

// Large dense-ish chains take the Krylov path; check pi P' = pi, B = R + Q B, t = 1 + Q t.
void TestMarkovChain::largeChainsSatisfyDefiningEquations()
{
    for (const int terminals : {3, 0}) {
        const int n = 600;
        std::mt19937 rng(77 + terminals);
        MarkovInput input = makeInput(n, {}, std::vector<double>(n, 0.0));
        input.initial[0] = 1.0;
        for (int i = 0; i < n - terminals; ++i) {
            std::set<quint32> targets{quint32((i + 1) % n)}; // a spine keeps the chain connected
            while (targets.size() < 60)
                targets.insert(quint32(rng() % n));
            for (quint32 to : targets)
                input.counts.push_back({quint32(i), to, 1 + rng() % 9});
        }
        const MarkovResult r = analyzeMarkov(input);
        std::vector<double> next(n, 0.0);
        double total = 0.0;
        for (int i = 0; i < n; ++i) {
            total += r.steadyState[i];
            if (r.terminal[i])
                next[0] += r.steadyState[i];
            for (const auto &[to, p] : r.rows[i])
                next[to] += r.steadyState[i] * p;
        }
        QVERIFY(std::abs(total - 1.0) <= tolerance);
        COMPARE_VECTOR(next, r.steadyState);
        for (int i = 0; i < n; ++i) {
            if (r.terminal[i] || r.trapped[i])
                continue;
            std::vector<double> b(r.terminalStates.size(), 0.0);
            double steps = 1.0;
            for (const auto &[to, p] : r.rows[i]) {
                const auto t = std::find(r.terminalStates.begin(), r.terminalStates.end(), to);
                if (t != r.terminalStates.end()) {
                    b[t - r.terminalStates.begin()] += p;
                    continue;
                }
                steps += p * r.expectedSteps[to];
                for (std::size_t c = 0; c < b.size(); ++c)
                    b[c] += p * r.absorption[to][c];
            }
            COMPARE_VECTOR(r.absorption[i], b);
            QVERIFY(std::abs(r.expectedSteps[i] - steps) <= tolerance * steps);
        }
    }
}

QTEST_GUILESS_MAIN(TestMarkovChain)

#include "tst_markovchain.moc"
