#include "eventstore.h"

#include <QTest>

using namespace StateScope;

namespace {
// One transition as the chain yields it: the "to" state's name tags it, so the arrival order
// can be recognised after finalize() permuted the columns.
struct Step
{
    QString tag;
    TimeMs time;
    TransitionType type;
    bool operator==(const Step &o) const { return tag == o.tag && time == o.time && type == o.type; }
};

QList<Step> chainOf(const EventStore &store, ExecutionIndex e)
{
    QList<Step> steps;
    for (quint32 t = store.firstTransitionOf(e); t != kNoIndex; t = store.nextTransition(t))
        steps.append({store.stateName(store.transitionTo(t)), store.transitionTime(t), store.transitionType(t)});
    return steps;
}

QStringList tagsOf(const QList<Step> &steps)
{
    QStringList tags;
    for (const Step &s : steps)
        tags.append(s.tag);
    return tags;
}

StateId state(EventStore &store, int i)
{
    const QByteArray name = QByteArrayLiteral("s") + QByteArray::number(i);
    return store.internState(name);
}
} // namespace

class TestEventStore : public QObject
{
    Q_OBJECT

private slots:
    void states();
    void appendOrder_data();
    void appendOrder();
    void finalizeInterleaved();
    void finalizeWhenOrderedIsNoOp();
    void appendAfterFinalize();
    void addExecutionTwice();
    void workflows();
    void ensureWorkflow();
    void sideTables();
};

void TestEventStore::states()
{
    EventStore store;
    QCOMPARE(store.stateCount(), 0u);
    const StateId a = store.internState("Start");
    const StateId b = store.internState("Done");
    QCOMPARE(a, 0u);
    QCOMPARE(b, 1u);
    QCOMPARE(store.internState("Start"), a);
    QCOMPARE(store.findState("Done"), b);
    QCOMPARE(store.findState("Nope"), StringInterner::kNotFound);
    QCOMPARE(store.stateName(a), QStringLiteral("Start"));
    QCOMPARE(store.stateCount(), 2u);
}

void TestEventStore::appendOrder_data()
{
    // Transition i gets tag "s<i>" and time times[i]; the chain must list the tags in time
    // order, equal times in arrival order.
    QTest::addColumn<QList<qint64>>("times");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("in order") << QList<qint64> {100, 200, 300}
                              << QStringList {QStringLiteral("s0"), QStringLiteral("s1"), QStringLiteral("s2")};
    QTest::newRow("reversed") << QList<qint64> {300, 200, 100}
                              << QStringList {QStringLiteral("s2"), QStringLiteral("s1"), QStringLiteral("s0")};
    QTest::newRow("one late") << QList<qint64> {100, 300, 200}
                              << QStringList {QStringLiteral("s0"), QStringLiteral("s2"), QStringLiteral("s1")};
    QTest::newRow("new head") << QList<qint64> {200, 300, 100}
                              << QStringList {QStringLiteral("s2"), QStringLiteral("s0"), QStringLiteral("s1")};
    QTest::newRow("all equal") << QList<qint64> {500, 500, 500, 500}
                               << QStringList {QStringLiteral("s0"), QStringLiteral("s1"), QStringLiteral("s2"),
                                               QStringLiteral("s3")};
    // s2 (100) goes after s0 (100), the last one not later than it, and before s1 (200).
    QTest::newRow("late equal to head") << QList<qint64> {
        100, 200, 100} << QStringList {QStringLiteral("s0"), QStringLiteral("s2"), QStringLiteral("s1")};
    // s3 (200) goes after s1 and s2 (both 200) and before s0 (300).
    QTest::newRow("late among equals") << QList<qint64> {300, 200, 200, 200}
                                       << QStringList {QStringLiteral("s1"), QStringLiteral("s2"), QStringLiteral("s3"),
                                                       QStringLiteral("s0")};
    QTest::newRow("negative times") << QList<qint64> {-5, -10, 0}
                                    << QStringList {QStringLiteral("s1"), QStringLiteral("s0"), QStringLiteral("s2")};
    QTest::newRow("single") << QList<qint64> {42} << QStringList {QStringLiteral("s0")};
}

void TestEventStore::appendOrder()
{
    QFETCH(QList<qint64>, times);
    QFETCH(QStringList, expected);

    EventStore store;
    const quint32 w = store.ensureWorkflow("wf");
    const ExecutionIndex e = store.addExecution("e1", w, 0, ExecutionStatus::Running);
    const StateId from = store.internState("from");
    for (int i = 0; i < times.size(); ++i)
        store.appendTransition(e, from, state(store, i), times[i], TransitionType::Normal);
    QCOMPARE(store.transitionCount(), quint32(times.size()));
    QCOMPARE(store.transitionCountOf(e), quint32(times.size()));
    QCOMPARE(tagsOf(chainOf(store, e)), expected);
    QCOMPARE(store.stateName(store.transitionTo(store.lastTransitionOf(e))), expected.last());
    QCOMPARE(store.nextTransition(store.lastTransitionOf(e)), kNoIndex);

    // finalize() keeps the order and makes the chain the identity.
    store.finalize();
    QCOMPARE(tagsOf(chainOf(store, e)), expected);
    QCOMPARE(store.firstTransitionOf(e), 0u);
    QCOMPARE(store.lastTransitionOf(e), quint32(times.size() - 1));
    for (quint32 t = 0; t + 1 < store.transitionCount(); ++t) {
        QCOMPARE(store.nextTransition(t), t + 1);
        QVERIFY(store.transitionTime(t) <= store.transitionTime(t + 1));
    }
}

void TestEventStore::finalizeInterleaved()
{
    EventStore store;
    const quint32 w = store.ensureWorkflow("wf");
    const ExecutionIndex a = store.addExecution("a", w, 0, ExecutionStatus::Running);
    const ExecutionIndex b = store.addExecution("b", w, 0, ExecutionStatus::Running);
    const ExecutionIndex c = store.addExecution("c", w, 0, ExecutionStatus::Running);
    const StateId x = store.internState("x");
    const auto add = [&](ExecutionIndex e, const char *tag, TimeMs t, TransitionType type) {
        store.appendTransition(e, x, store.internState(tag), t, type);
    };
    // Arrival order mixes executions and puts some late.
    add(b, "b2", 20, TransitionType::Normal);
    add(a, "a1", 10, TransitionType::Normal);
    add(c, "c1", 5, TransitionType::Error);
    add(a, "a3", 30, TransitionType::Retry);
    add(b, "b1", 10, TransitionType::Normal);
    add(a, "a2", 20, TransitionType::Rollback);
    add(c, "c2", 5, TransitionType::Compensation); // equal time: after c1
    add(b, "b3", 20, TransitionType::Other); // equal time: after b2

    const QList<Step> chainA = chainOf(store, a);
    const QList<Step> chainB = chainOf(store, b);
    const QList<Step> chainC = chainOf(store, c);
    QCOMPARE(tagsOf(chainA), (QStringList {QStringLiteral("a1"), QStringLiteral("a2"), QStringLiteral("a3")}));
    QCOMPARE(tagsOf(chainB), (QStringList {QStringLiteral("b1"), QStringLiteral("b2"), QStringLiteral("b3")}));
    QCOMPARE(tagsOf(chainC), (QStringList {QStringLiteral("c1"), QStringLiteral("c2")}));

    store.finalize();
    QCOMPARE(store.transitionCount(), 8u);
    // Same chains (tags, times and types travel together) ...
    QCOMPARE(chainOf(store, a), chainA);
    QCOMPARE(chainOf(store, b), chainB);
    QCOMPARE(chainOf(store, c), chainC);
    // ... now contiguous, in execution order: a = 0..2, b = 3..5, c = 6..7.
    const ExecutionIndex execs[] = {a, b, c};
    const quint32 heads[] = {0, 3, 6};
    const quint32 tails[] = {2, 5, 7};
    for (int i = 0; i < 3; ++i) {
        const ExecutionIndex e = execs[i];
        QCOMPARE(store.firstTransitionOf(e), heads[i]);
        QCOMPARE(store.lastTransitionOf(e), tails[i]);
        for (quint32 t = heads[i]; t <= tails[i]; ++t) {
            QCOMPARE(store.transitionExecution(t), e);
            QCOMPARE(store.transitionFrom(t), x);
            QCOMPARE(store.nextTransition(t), t == tails[i] ? kNoIndex : t + 1);
        }
    }
    QCOMPARE(store.transitionType(4), TransitionType::Normal); // b2
    QCOMPARE(store.transitionType(5), TransitionType::Other); // b3
    QCOMPARE(store.transitionType(7), TransitionType::Compensation);
}

void TestEventStore::finalizeWhenOrderedIsNoOp()
{
    EventStore store;
    const quint32 w = store.ensureWorkflow("wf");
    const ExecutionIndex a = store.addExecution("a", w, 0, ExecutionStatus::Completed);
    const ExecutionIndex b = store.addExecution("b", w, 0, ExecutionStatus::Completed);
    const StateId s = store.internState("s");
    const StateId t = store.internState("t");
    store.appendTransition(a, s, t, 1, TransitionType::Normal);
    store.appendTransition(a, t, s, 2, TransitionType::Normal);
    store.appendTransition(b, s, t, 1, TransitionType::Normal);
    store.finalize();
    QCOMPARE(store.firstTransitionOf(a), 0u);
    QCOMPARE(store.lastTransitionOf(a), 1u);
    QCOMPARE(store.firstTransitionOf(b), 2u);
    QCOMPARE(store.transitionExecution(2), b);
    QCOMPARE(store.nextTransition(1), kNoIndex);
}

void TestEventStore::appendAfterFinalize()
{
    EventStore store;
    const quint32 w = store.ensureWorkflow("wf");
    const ExecutionIndex a = store.addExecution("a", w, 0, ExecutionStatus::Running);
    const ExecutionIndex b = store.addExecution("b", w, 0, ExecutionStatus::Running);
    const StateId x = store.internState("x");
    store.appendTransition(a, x, store.internState("a1"), 10, TransitionType::Normal);
    store.appendTransition(b, x, store.internState("b1"), 10, TransitionType::Normal);
    store.finalize();
    // Live appends after a bulk load: a's chain now jumps over b's transition.
    store.appendTransition(a, x, store.internState("a3"), 30, TransitionType::Normal);
    store.appendTransition(a, x, store.internState("a2"), 20, TransitionType::Normal);
    QCOMPARE(tagsOf(chainOf(store, a)),
             (QStringList {QStringLiteral("a1"), QStringLiteral("a2"), QStringLiteral("a3")}));
    store.finalize();
    QCOMPARE(tagsOf(chainOf(store, a)),
             (QStringList {QStringLiteral("a1"), QStringLiteral("a2"), QStringLiteral("a3")}));
    QCOMPARE(tagsOf(chainOf(store, b)), QStringList {QStringLiteral("b1")});
    QCOMPARE(store.firstTransitionOf(a), 0u);
    QCOMPARE(store.lastTransitionOf(a), 2u);
    QCOMPARE(store.firstTransitionOf(b), 3u);
    QCOMPARE(store.transitionCountOf(a), 3u);
}

void TestEventStore::addExecutionTwice()
{
    EventStore store;
    const quint32 w1 = store.ensureWorkflow("w1");
    const quint32 w2 = store.ensureWorkflow("w2");
    const ExecutionIndex e = store.addExecution("exec-1", w1, kUnknownTime, ExecutionStatus::Unknown);
    QCOMPARE(e, 0u);
    QCOMPARE(store.executionEntryTime(e), kUnknownTime);
    QCOMPARE(store.executionStatus(e), ExecutionStatus::Unknown);
    QCOMPARE(store.executionInitialState(e), kNoState);
    QCOMPARE(store.firstTransitionOf(e), kNoIndex);
    QCOMPARE(store.transitionCountOf(e), 0u);

    // Second sighting: same index, the new facts replace the unknown ones.
    QCOMPARE(store.addExecution("exec-1", w2, 1000, ExecutionStatus::Running), e);
    QCOMPARE(store.executionCount(), 1u);
    QCOMPARE(store.executionWorkflow(e), w2);
    QCOMPARE(store.executionEntryTime(e), TimeMs(1000));
    QCOMPARE(store.executionStatus(e), ExecutionStatus::Running);

    // Unknown values never erase what is known.
    QCOMPARE(store.addExecution("exec-1", kNoIndex, kUnknownTime, ExecutionStatus::Unknown), e);
    QCOMPARE(store.executionWorkflow(e), w2);
    QCOMPARE(store.executionEntryTime(e), TimeMs(1000));
    QCOMPARE(store.executionStatus(e), ExecutionStatus::Running);

    // Known values refresh it again.
    QCOMPARE(store.addExecution("exec-1", kNoIndex, 2000, ExecutionStatus::Completed), e);
    QCOMPARE(store.executionEntryTime(e), TimeMs(2000));
    QCOMPARE(store.executionStatus(e), ExecutionStatus::Completed);

    const ExecutionIndex f = store.addExecution("exec-2", w1, 5, ExecutionStatus::Failed);
    QCOMPARE(f, 1u);
    QCOMPARE(store.findExecution("exec-2"), f);
    QCOMPARE(store.findExecution("exec-3"), kNoIndex);
    QCOMPARE(store.executionId(f), QStringLiteral("exec-2"));
    QCOMPARE(store.executionId(e), QStringLiteral("exec-1"));
    // UUIDs are packed to 16 bytes and come back exactly; upper-case ones are kept as text.
    const ExecutionIndex u = store.addExecution("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", w1, 1, ExecutionStatus::Running);
    const ExecutionIndex upper = store.addExecution("0A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D", w1, 1, ExecutionStatus::Running);
    QVERIFY(u != upper);
    QCOMPARE(store.executionId(u), QStringLiteral("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"));
    QCOMPARE(store.executionId(upper), QStringLiteral("0A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D"));
    QCOMPARE(store.findExecution("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"), u);
    QCOMPARE(store.findExecution("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4e"), kNoIndex);
    store.setExecutionInitialState(f, store.internState("Only"));
    QCOMPARE(store.stateName(store.executionInitialState(f)), QStringLiteral("Only"));
    store.setExecutionStatus(f, ExecutionStatus::Cancelled);
    store.setExecutionEntryTime(f, -7);
    QCOMPARE(store.executionStatus(f), ExecutionStatus::Cancelled);
    QCOMPARE(store.executionEntryTime(f), TimeMs(-7));
}

void TestEventStore::workflows()
{
    EventStore store;
    const quint32 orders = store.addWorkflow({QStringLiteral("wf-1"), QStringLiteral("Orders"), QString()});
    const quint32 refunds
        = store.addWorkflow({QStringLiteral("wf-2"), QStringLiteral("Refunds"), QStringLiteral("sm-9")});
    // A workflow named like another one's id: the id wins.
    const quint32 tricky = store.addWorkflow({QStringLiteral("wf-3"), QStringLiteral("wf-1"), QString()});
    QCOMPARE(orders, 0u);
    QCOMPARE(refunds, 1u);
    QCOMPARE(tricky, 2u);
    QCOMPARE(store.workflows().size(), size_t(3));

    QCOMPARE(store.findWorkflow("wf-2"), refunds);
    QCOMPARE(store.findWorkflow("Refunds"), StringInterner::kNotFound);
    QCOMPARE(store.workflowForIdOrName(QStringLiteral("wf-2")), refunds);
    QCOMPARE(store.workflowForIdOrName(QStringLiteral("Refunds")), refunds);
    QCOMPARE(store.workflowForIdOrName(QStringLiteral("Orders")), orders);
    QCOMPARE(store.workflowForIdOrName(QStringLiteral("wf-1")), orders);
    QCOMPARE(store.workflowForIdOrName(QStringLiteral("wf-3")), tricky);
    QCOMPARE(store.workflowForIdOrName(QStringLiteral("nope")), kNoIndex);
    QCOMPARE(store.workflowForIdOrName(QStringLiteral("orders")), kNoIndex); // case-sensitive

    // Adding a known id merges: non-empty fields replace, empty ones keep.
    QCOMPARE(store.addWorkflow({QStringLiteral("wf-1"), QString(), QStringLiteral("sm-1")}), orders);
    QCOMPARE(store.workflows()[orders].name, QStringLiteral("Orders"));
    QCOMPARE(store.workflows()[orders].stateMachineId, QStringLiteral("sm-1"));
    QCOMPARE(store.addWorkflow({QStringLiteral("wf-1"), QStringLiteral("Orders v2"), QString()}), orders);
    QCOMPARE(store.workflows()[orders].name, QStringLiteral("Orders v2"));
    QCOMPARE(store.workflows()[orders].stateMachineId, QStringLiteral("sm-1"));
    QCOMPARE(store.workflows().size(), size_t(3));
}

void TestEventStore::ensureWorkflow()
{
    EventStore store;
    const quint32 w = store.ensureWorkflow("engine-7");
    QCOMPARE(w, 0u);
    QCOMPARE(store.ensureWorkflow("engine-7"), w);
    QCOMPARE(store.workflows().size(), size_t(1));
    QCOMPARE(store.workflows()[w].id, QStringLiteral("engine-7"));
    QVERIFY(store.workflows()[w].name.isEmpty());
    // A later addWorkflow names it.
    QCOMPARE(store.addWorkflow({QStringLiteral("engine-7"), QStringLiteral("Billing"), QString()}), w);
    QCOMPARE(store.workflowForIdOrName(QStringLiteral("Billing")), w);
}

void TestEventStore::sideTables()
{
    EventStore store;
    QVERIFY(store.checkpoints().empty());
    QVERIFY(store.recoveries().empty());
    QVERIFY(store.consistency().empty());
    StateMachineDefinition d;
    d.id = QStringLiteral("sm-1");
    d.name = QStringLiteral("Order flow");
    store.definitions().push_back(d);
    QVERIFY(store.definitionById(QStringLiteral("sm-1")));
    QCOMPARE(store.definitionById(QStringLiteral("sm-1"))->name, QStringLiteral("Order flow"));
    QCOMPARE(store.definitionById(QStringLiteral("sm-2")), nullptr);
    QVERIFY(store.memoryBytes() > 0);
}

QTEST_GUILESS_MAIN(TestEventStore)
#include "tst_eventstore.moc"
