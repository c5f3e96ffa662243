// Bounded memory (BARS R3): evicting executions into summaries must leave the report as it was
// (exact counts, percentiles within the histogram's 1%), and the budget must hold the store to
// its share.
#include "analyzer.h"
#include "eventstore.h"
#include "liveanalytics.h"
#include "memorybudget.h"

#include <QRandomGenerator>
#include <QTest>

#include <cmath>

using namespace StateScope;

namespace {

const char *const kStates[] = {"received", "validating", "processing", "waiting", "retrying", "done", "failed"};

// A store of `count` executions over two workflows: loops through retrying, stays of varied
// length, executions still running, ones that never moved, checkpoints and recoveries. With
// `interleaved`, transitions arrive round-robin across executions (as a live feed delivers
// them) and a few out of order, so the store keeps explicit links.
EventStore makeStore(int count, bool interleaved, quint32 seed = 7)
{
    EventStore store;
    QRandomGenerator rng(seed);
    const quint32 workflows[] = {store.ensureWorkflow("wf-a"), store.ensureWorkflow("wf-b")};
    struct Pending { ExecutionIndex e; StateId from, to; TimeMs time; };
    std::vector<std::vector<Pending>> paths;
    TimeMs clock = 1'700'000'000'000;
    for (int i = 0; i < count; ++i) {
        const QByteArray id = QByteArray("exec-") + QByteArray::number(i);
        clock += rng.bounded(50);
        const ExecutionIndex e = store.addExecution(id, workflows[i % 2], rng.bounded(10) == 0 ? kUnknownTime : clock,
                                                    ExecutionStatus::Running);
        std::vector<Pending> path;
        if (rng.bounded(25) == 0) { // never moved
            store.setExecutionInitialState(e, store.internState(kStates[0]));
            paths.push_back(path);
            continue;
        }
        int state = 0;
        TimeMs t = clock;
        const int steps = 1 + int(rng.bounded(6));
        for (int step = 0; step < steps && state < 5; ++step) {
            int next = state + 1;
            if (state == 2 && rng.bounded(3) == 0)
                next = 4; // retry
            else if (state == 4)
                next = 2;
            if (step == steps - 1 && rng.bounded(2) == 0)
                next = rng.bounded(5) == 0 ? 6 : 5;
            t += 1 + qint64(-300.0 * std::log(1.0 - rng.generateDouble()));
            path.push_back({e, store.internState(kStates[state]), store.internState(kStates[next]), t});
            state = next;
            if (next >= 5)
                break;
        }
        if (state >= 5)
            store.setExecutionStatus(e, state == 5 ? ExecutionStatus::Completed : ExecutionStatus::Failed);
        if (rng.bounded(4) == 0) {
            CheckpointInfo c;
            c.execution = e;
            c.timestamp = t;
            c.status = CheckpointStatus(rng.bounded(3));
            store.addCheckpoint(QByteArray(QByteArray("cp-") + QByteArray::number(i)), "auto", kStates[state], c);
        }
        if (rng.bounded(10) == 0) {
            RecoveryRecord r;
            r.id = QStringLiteral("rec-%1").arg(i);
            r.execution = e;
            r.time = t;
            r.durationMs = qint64(rng.bounded(5000));
            r.success = rng.bounded(3) == 0 ? 0 : 1;
            store.recoveries().push_back(r);
        }
        paths.push_back(std::move(path));
    }
    if (!interleaved) {
        for (const auto &path : paths)
            for (const Pending &p : path)
                store.appendTransition(p.e, p.from, p.to, p.time, TransitionType::Normal);
        return store;
    }
    for (size_t step = 0; step < 7; ++step) {
        for (const auto &path : paths) {
            // Now and then the last two steps of a path arrive swapped.
            if (step + 2 == path.size() && path[0].e % 17 == 0) {
                store.appendTransition(path[step + 1].e, path[step + 1].from, path[step + 1].to, path[step + 1].time, TransitionType::Normal);
                store.appendTransition(path[step].e, path[step].from, path[step].to, path[step].time, TransitionType::Normal);
            } else if (step < path.size() && !(step + 1 == path.size() && path.size() >= 2 && path[0].e % 17 == 0)) {
                store.appendTransition(path[step].e, path[step].from, path[step].to, path[step].time, TransitionType::Normal);
            }
        }
    }
    return store;
}

struct Step
{
    StateId from, to;
    TimeMs time;
    bool operator==(const Step &) const = default;
};

std::vector<Step> chainOf(const EventStore &store, ExecutionIndex e)
{
    std::vector<Step> steps;
    for (quint32 t = store.firstTransitionOf(e); t != kNoIndex; t = store.nextTransition(t))
        steps.push_back({store.transitionFrom(t), store.transitionTo(t), store.transitionTime(t)});
    return steps;
}

StateMachineDefinition definitionWithoutRetries()
{
    StateMachineDefinition d;
    d.id = QStringLiteral("m");
    d.name = QStringLiteral("machine");
    for (const char *s : kStates)
        d.states.push_back({QString::fromLatin1(s), QStringLiteral("task")});
    auto allow = [&d](int from, int to) {
        DefinitionTransition t;
        t.source = QString::fromLatin1(kStates[from]);
        t.target = QString::fromLatin1(kStates[to]);
        d.transitions.push_back(t);
    };
    // processing -> retrying is not allowed: the executions that retry break the definition.
    for (int s = 0; s < 5; ++s)
        allow(s, s + 1);
    for (int s = 0; s < 5; ++s)
        allow(s, 6);
    allow(4, 2);
    return d;
}

std::vector<bool> everyOtherFinished(const EventStore &store)
{
    std::vector<bool> evict(store.executionCount(), false);
    for (ExecutionIndex e = 0; e < store.executionCount(); e += 2)
        evict[e] = store.executionStatus(e) != ExecutionStatus::Running;
    return evict;
}

bool near(double a, double b, double relative)
{
    if (std::isnan(a) || std::isnan(b))
        return std::isnan(a) && std::isnan(b);
    return std::abs(a - b) <= relative * std::max(std::abs(a), std::abs(b)) + 1e-9;
}

} // namespace

class TestMemoryBudget : public QObject
{
    Q_OBJECT

private slots:
    void internerRetainKeepsOrderAndLookups();
    void evictionKeepsTheRest_data();
    void evictionKeepsTheRest();
    void reportSurvivesEviction_data();
    void reportSurvivesEviction();
    void windowLeavesSummariesOut();
    void liveRebuildCountsSummaries();
    void budgetHoldsTheStore();
    void budgetBelowTheBaselineIsRaised();
    void runningExecutionsGoOnlyWhenFinishedOnesCannotMakeRoom();
    void parseSize_data();
    void parseSize();
};

void TestMemoryBudget::internerRetainKeepsOrderAndLookups()
{
    StringInterner interner;
    for (int i = 0; i < 1000; ++i)
        interner.intern(QByteArray(QByteArray("key-") + QByteArray::number(i)));
    std::vector<bool> keep(1000);
    for (int i = 0; i < 1000; ++i)
        keep[i] = i % 3 == 1;
    const std::vector<quint32> remap = interner.retain(keep);
    QCOMPARE(interner.size(), 333u);
    for (int i = 0; i < 1000; ++i) {
        const QByteArray key = QByteArray("key-") + QByteArray::number(i);
        if (keep[i]) {
            QCOMPARE(remap[i], quint32(i / 3));
            QCOMPARE(interner.find(key), remap[i]);
            QCOMPARE(interner.view(remap[i]).toByteArray(), key);
        } else {
            QCOMPARE(remap[i], StringInterner::kNotFound);
            QCOMPARE(interner.find(key), StringInterner::kNotFound);
        }
    }
    // New keys go after the kept ones; dropped keys come back as new ones.
    QCOMPARE(interner.intern("key-0"), 333u);
    QCOMPARE(interner.intern("key-1"), 0u);
}

void TestMemoryBudget::evictionKeepsTheRest_data()
{
    QTest::addColumn<bool>("interleaved");
    QTest::newRow("contiguous chains") << false;
    QTest::newRow("linked chains, some out of order") << true;
}

void TestMemoryBudget::evictionKeepsTheRest()
{
    QFETCH(bool, interleaved);
    EventStore store = makeStore(3000, interleaved);
    // What every execution looks like before, by id.
    struct Before { std::vector<Step> chain; ExecutionStatus status; TimeMs entry; quint32 workflow; };
    QHash<QString, Before> before;
    for (ExecutionIndex e = 0; e < store.executionCount(); ++e)
        before.insert(store.executionId(e), {chainOf(store, e), store.executionStatus(e), store.executionEntryTime(e), store.executionWorkflow(e)});
    QHash<QString, QString> checkpointOwner;
    for (const CheckpointInfo &c : store.checkpoints())
        checkpointOwner.insert(store.checkpointId(c), store.executionId(c.execution));
    const std::vector<bool> evict = everyOtherFinished(store);
    QSet<QString> evicted;
    for (ExecutionIndex e = 0; e < store.executionCount(); ++e)
        if (evict[e])
            evicted.insert(store.executionId(e));
    QVERIFY(evicted.size() > 500);
    const quint32 transitionsBefore = store.transitionCount();

    store.evictExecutions(evict);

    QCOMPARE(store.executionCount(), quint32(before.size() - evicted.size()));
    quint64 transitionsKept = 0;
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        const ExecutionIndex e = store.findExecution(it.key().toLatin1());
        if (evicted.contains(it.key())) {
            QCOMPARE(e, StringInterner::kNotFound);
            continue;
        }
        QVERIFY2(e != StringInterner::kNotFound, qPrintable(it.key()));
        QCOMPARE(store.executionId(e), it.key());
        QVERIFY(chainOf(store, e) == it->chain);
        QCOMPARE(store.executionStatus(e), it->status);
        QCOMPARE(store.executionEntryTime(e), it->entry);
        QCOMPARE(store.executionWorkflow(e), it->workflow);
        QCOMPARE(store.transitionCountOf(e), quint32(it->chain.size()));
        transitionsKept += it->chain.size();
    }
    QCOMPARE(quint64(store.transitionCount()), transitionsKept);
    QVERIFY(store.transitionCount() < transitionsBefore);
    for (ExecutionIndex t = 0; t < store.transitionCount(); ++t)
        QVERIFY(store.transitionExecution(t) < store.executionCount());
    quint64 summarizedCheckpoints = 0;
    for (const auto &[w, summary] : store.summaries())
        summarizedCheckpoints += summary.checkpoints;
    QCOMPARE(quint64(store.checkpoints().size()) + summarizedCheckpoints, quint64(checkpointOwner.size()));
    for (const CheckpointInfo &c : store.checkpoints()) {
        QCOMPARE(store.executionId(c.execution), checkpointOwner.value(store.checkpointId(c)));
        QVERIFY(!evicted.contains(store.executionId(c.execution)));
    }
    for (const RecoveryRecord &r : store.recoveries())
        QVERIFY(!evicted.contains(store.executionId(r.execution)));
    // The store goes on taking events after a compaction.
    const ExecutionIndex fresh = store.addExecution("exec-new", 0, 5, ExecutionStatus::Running);
    store.appendTransition(fresh, 0, 1, 10, TransitionType::Normal);
    store.appendTransition(fresh, 1, 2, 20, TransitionType::Normal);
    QCOMPARE(chainOf(store, fresh).size(), size_t(2));
}

void TestMemoryBudget::reportSurvivesEviction_data()
{
    QTest::addColumn<bool>("interleaved");
    QTest::addColumn<bool>("withDefinition");
    QTest::newRow("contiguous") << false << false;
    QTest::newRow("interleaved, with definition") << true << true;
}

void TestMemoryBudget::reportSurvivesEviction()
{
    QFETCH(bool, interleaved);
    QFETCH(bool, withDefinition);
    EventStore store = makeStore(4000, interleaved);
    AnalysisOptions options;
    if (withDefinition)
        options.definition = definitionWithoutRetries();
    options.maxVariants = 1000;
    const AnalysisReport full = analyze(store, options);
    store.evictExecutions(everyOtherFinished(store));
    const AnalysisReport part = analyze(store, options);

    QCOMPARE(part.executions, full.executions);
    QCOMPARE(part.transitions, full.transitions);
    QCOMPARE(part.finishedExecutions, full.finishedExecutions);
    QCOMPARE(part.runningExecutions, full.runningExecutions);
    QCOMPARE(part.staysWithUnknownEntry, full.staysWithUnknownEntry);
    QCOMPARE(part.states.size(), full.states.size());
    for (size_t i = 0; i < full.states.size(); ++i) {
        const auto &a = full.states[i];
        const auto &b = part.states[i];
        QCOMPARE(b.name, a.name);
        QCOMPARE(b.terminal, a.terminal);
        QCOMPARE(b.dwell.count, a.dwell.count);
        QCOMPARE(b.dwell.max, a.dwell.max);
        QVERIFY(near(b.dwell.totalMs, a.dwell.totalMs, 1e-12));
        QVERIFY(near(b.dwell.mean, a.dwell.mean, 1e-12));
        for (auto [x, y] : {std::pair{a.dwell.p50, b.dwell.p50}, {a.dwell.p95, b.dwell.p95}, {a.dwell.p99, b.dwell.p99}})
            QVERIFY2(near(x, y, 0.02) || std::abs(x - y) <= 1.0, qPrintable(QStringLiteral("%1: %2 vs %3").arg(a.name).arg(x).arg(y)));
        QVERIFY(near(b.steadyState, a.steadyState, 1e-9));
        QVERIFY(near(b.timeShare, a.timeShare, 1e-9));
        QCOMPARE(b.executionsInState, a.executionsInState);
    }
    QCOMPARE(part.edges.size(), full.edges.size());
    for (size_t i = 0; i < full.edges.size(); ++i) {
        QCOMPARE(part.edges[i].from, full.edges[i].from);
        QCOMPARE(part.edges[i].to, full.edges[i].to);
        QCOMPARE(part.edges[i].count, full.edges[i].count);
    }
    QCOMPARE(part.variantCount, full.variantCount);
    QCOMPARE(part.variants.size(), full.variants.size());
    for (size_t i = 0; i < full.variants.size(); ++i) {
        QCOMPARE(part.variants[i].path, full.variants[i].path);
        QCOMPARE(part.variants[i].count, full.variants[i].count);
    }
    QCOMPARE(part.checkpointsTotal, full.checkpointsTotal);
    QCOMPARE(part.checkpointsVerified, full.checkpointsVerified);
    QCOMPARE(part.checkpointsUnverifiable, full.checkpointsUnverifiable);
    QCOMPARE(part.checkpointsCorrupted, full.checkpointsCorrupted);
    QCOMPARE(part.recoveryAttempts, full.recoveryAttempts);
    QCOMPARE(part.recoverySuccesses, full.recoverySuccesses);
    QVERIFY(near(part.recoveryMeanDurationMs, full.recoveryMeanDurationMs, 1e-12));
    QVERIFY(near(part.recoveryP95DurationMs, full.recoveryP95DurationMs, 0.02));
    QStringList failedA = full.failedRecoveries, failedB = part.failedRecoveries;
    failedA.sort();
    failedB.sort();
    QCOMPARE(failedB, failedA);
    if (withDefinition) {
        QVERIFY(full.conformanceRate < 1.0);
        QVERIFY(near(part.conformanceRate, full.conformanceRate, 1e-12));
        QCOMPARE(part.invalidTransitions.size(), full.invalidTransitions.size());
        for (size_t i = 0; i < full.invalidTransitions.size(); ++i)
            QCOMPARE(part.invalidTransitions[i].count, full.invalidTransitions[i].count);
    }
    QVERIFY(part.notes.join(QLatin1Char('\n')).contains(QLatin1String("summarized to stay within the memory budget")));
    QVERIFY(!full.notes.join(QLatin1Char('\n')).contains(QLatin1String("summarized")));
}

void TestMemoryBudget::windowLeavesSummariesOut()
{
    EventStore store = makeStore(2000, false);
    store.evictExecutions(everyOtherFinished(store));
    const HistorySummary &summary = store.summaries().begin()->second;
    AnalysisOptions options;
    options.selection.from = summary.minTime + (summary.maxTime - summary.minTime) / 2;
    const AnalysisReport report = analyze(store, options);
    QVERIFY(report.notes.join(QLatin1Char('\n')).contains(QLatin1String("span more than the time window")));
    // A window holding everything takes them in.
    options.selection.from = summary.minTime - 100000;
    options.selection.to = std::numeric_limits<qint64>::max() / 2;
    const AnalysisReport all = analyze(store, options);
    QVERIFY(all.notes.join(QLatin1Char('\n')).contains(QLatin1String("summarized to stay within")));
}

void TestMemoryBudget::liveRebuildCountsSummaries()
{
    EventStore store = makeStore(3000, true);
    LiveAnalytics before;
    before.rebuild(store);
    store.evictExecutions(everyOtherFinished(store));
    LiveAnalytics after;
    after.rebuild(store);
    QCOMPARE(after.transitions(), before.transitions());
    for (StateId from = 0; from < store.stateCount(); ++from) {
        QCOMPARE(after.executionsIn(from), before.executionsIn(from));
        QCOMPARE(after.dwell(from).count(), before.dwell(from).count());
        for (StateId to = 0; to < store.stateCount(); ++to)
            QCOMPARE(after.count(from, to), before.count(from, to));
    }
}

void TestMemoryBudget::budgetHoldsTheStore()
{
    // A 64 MiB budget with a 16 MiB baseline gives the store about 22 MiB.
    MemoryBudget budget(64ull << 20, 16ull << 20);
    const quint64 limit = budget.counters().storeLimitBytes;
    QVERIFY(limit > (18ull << 20) && limit < (26ull << 20));
    EventStore store;
    const quint32 workflow = store.ensureWorkflow("wf");
    const StateId states[] = {store.internState("a"), store.internState("b"), store.internState("c"), store.internState("done")};
    // Executions that take three steps and finish, plus one in 50 that stops in "b".
    quint64 added = 0;
    quint64 transitions = 0;
    TimeMs t = 1'000'000;
    std::vector<QByteArray> neverFinished;
    for (int batch = 0; batch < 400; ++batch) {
        for (int i = 0; i < 2000; ++i, ++added) {
            const QByteArray id = QByteArray::number(added);
            const ExecutionIndex e = store.addExecution(id, workflow, t, ExecutionStatus::Running);
            store.appendTransition(e, states[0], states[1], ++t, TransitionType::Normal);
            transitions += 1;
            if (added % 50 == 0) {
                neverFinished.push_back(id);
                continue;
            }
            store.appendTransition(e, states[1], states[2], ++t, TransitionType::Normal);
            store.appendTransition(e, states[2], states[3], ++t, TransitionType::Normal);
            transitions += 2;
            store.setExecutionStatus(e, ExecutionStatus::Completed);
        }
        budget.enforce(store);
        QVERIFY2(store.usedBytes() <= limit, qPrintable(QString::number(store.usedBytes())));
    }
    const MemoryCounters &c = budget.counters();
    QVERIFY(c.compactions >= 3);
    QCOMPARE(c.summarizedExecutions + store.executionCount(), added);
    QCOMPARE(c.summarizedTransitions + store.transitionCount(), transitions);
    QCOMPARE(c.summarizedRunning, 0u); // finished executions made enough room
    for (const QByteArray &id : neverFinished)
        QVERIFY(store.findExecution(id) != StringInterner::kNotFound);
    QVERIFY(store.memoryBytes() <= 2 * limit); // capacity: at most one doubling past the share
    const AnalysisReport report = analyze(store, AnalysisOptions());
    QCOMPARE(report.executions, added);
    QCOMPARE(report.transitions, transitions);
    QCOMPARE(report.runningExecutions, quint64(neverFinished.size()));
}

void TestMemoryBudget::budgetBelowTheBaselineIsRaised()
{
    MemoryBudget budget(48ull << 20, 60ull << 20);
    QCOMPARE(budget.counters().requestedBudgetBytes, 48ull << 20);
    QCOMPARE(budget.counters().budgetBytes, (60ull << 20) + MemoryBudget::kMinimumRoomBytes);
    QVERIFY(budget.counters().storeLimitBytes > (6ull << 20));
}

void TestMemoryBudget::runningExecutionsGoOnlyWhenFinishedOnesCannotMakeRoom()
{
    MemoryBudget budget(64ull << 20, 48ull << 20);
    EventStore store;
    const quint32 workflow = store.ensureWorkflow("wf");
    const StateId a = store.internState("a");
    const StateId b = store.internState("b");
    quint64 transitions = 0;
    for (int i = 0; i < 300000; ++i) { // all running: nothing else can go
        const ExecutionIndex e = store.addExecution(QByteArray::number(i), workflow, i, ExecutionStatus::Running);
        store.appendTransition(e, a, b, i + 1, TransitionType::Normal);
        ++transitions;
    }
    const size_t before = store.usedBytes();
    QVERIFY(budget.enforce(store));
    QVERIFY2(store.usedBytes() <= budget.counters().storeLimitBytes,
             qPrintable(QStringLiteral("%1 -> %2, limit %3").arg(before).arg(store.usedBytes()).arg(budget.counters().storeLimitBytes)));
    QVERIFY(budget.counters().summarizedRunning > 0);
    QCOMPARE(budget.counters().summarizedRunning, budget.counters().summarizedExecutions);
    // The oldest went: the newest are still held in detail.
    QVERIFY(store.findExecution("0") == StringInterner::kNotFound);
    QVERIFY(store.findExecution("299999") != StringInterner::kNotFound);
    const AnalysisReport report = analyze(store, AnalysisOptions());
    QCOMPARE(report.transitions, transitions);
    QVERIFY(report.notes.join(QLatin1Char('\n')).contains(QLatin1String("still running when summarized")));
}

void TestMemoryBudget::parseSize_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("bytes"); // -1 = rejected
    QTest::newRow("GiB") << QStringLiteral("1GiB") << (qint64(1) << 30);
    QTest::newRow("bare G is binary") << QStringLiteral("2G") << (qint64(2) << 30);
    QTest::newRow("MiB lower case") << QStringLiteral("512mib") << (qint64(512) << 20);
    QTest::newRow("MB is decimal") << QStringLiteral("800MB") << qint64(800000000);
    QTest::newRow("fraction") << QStringLiteral("1.5GiB") << (qint64(3) << 29);
    QTest::newRow("bytes") << QStringLiteral("134217728") << qint64(134217728);
    QTest::newRow("too small") << QStringLiteral("40MiB") << qint64(-1);
    QTest::newRow("smallest") << QStringLiteral("48MiB") << (qint64(48) << 20);
    QTest::newRow("not a size") << QStringLiteral("lots") << qint64(-1);
    QTest::newRow("negative") << QStringLiteral("-1GiB") << qint64(-1);
    QTest::newRow("empty") << QString() << qint64(-1);
}

void TestMemoryBudget::parseSize()
{
    QFETCH(QString, text);
    QFETCH(qint64, bytes);
    QString error;
    const std::optional<quint64> parsed = MemoryBudget::parseSize(text, &error);
    if (bytes < 0) {
        QVERIFY(!parsed);
        QVERIFY(!error.isEmpty());
        return;
    }
    QVERIFY2(parsed, qPrintable(error));
    QCOMPARE(qint64(*parsed), bytes);
}

QTEST_GUILESS_MAIN(TestMemoryBudget)
#include "tst_memorybudget.moc"
