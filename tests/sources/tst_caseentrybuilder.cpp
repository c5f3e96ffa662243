// Entries of an event log in any order become executions with their transitions in time order.
#include "caseentrybuilder.h"
#include "eventstore.h"

#include <QTest>

using namespace StateScope;

class TestCaseEntryBuilder : public QObject
{
    Q_OBJECT

private slots:
    void unsortedEntriesBecomeOrderedChains();
};

void TestCaseEntryBuilder::unsortedEntriesBecomeOrderedChains()
{
    CaseEntryBuilder b;
    b.add("c2", "received", 1000);
    b.add("c1", "shipped", 3000);
    b.add("c1", "received", 1000);
    b.add("c1", "packed", 2000);
    b.add("c3", "received", 5000); // a case with one entry: no transition, its state is known
    b.add("été-1", "reçu", 7000);  // ids and states from logs may be any UTF-8 text
    b.add("c2", "packed", 1000);   // same time as its first entry: file order breaks the tie
    QCOMPARE(b.entryCount(), size_t(7));
    QCOMPARE(b.caseCount(), quint32(4));
    const auto store = b.build(QStringLiteral("orders.csv"));
    QCOMPARE(b.entryCount(), size_t(0));
    QCOMPARE(store->executionCount(), quint32(4));
    QCOMPARE(store->transitionCount(), quint32(3));
    QCOMPARE(store->workflows().size(), size_t(1));
    QCOMPARE(store->workflows().front().name, QStringLiteral("orders.csv"));

    const ExecutionIndex c1 = store->findExecution("c1");
    QCOMPARE(store->executionEntryTime(c1), TimeMs(1000));
    QCOMPARE(store->transitionCountOf(c1), quint32(2));
    const quint32 t1 = store->firstTransitionOf(c1);
    QCOMPARE(store->stateName(store->transitionFrom(t1)), QStringLiteral("received"));
    QCOMPARE(store->stateName(store->transitionTo(t1)), QStringLiteral("packed"));
    QCOMPARE(store->transitionTime(t1), TimeMs(2000));
    const quint32 t2 = store->nextTransition(t1);
    QCOMPARE(store->stateName(store->transitionTo(t2)), QStringLiteral("shipped"));
    QCOMPARE(store->nextTransition(t2), kNoIndex);

    const ExecutionIndex c2 = store->findExecution("c2");
    const quint32 t = store->firstTransitionOf(c2);
    QCOMPARE(store->stateName(store->transitionFrom(t)), QStringLiteral("received"));
    QCOMPARE(store->stateName(store->transitionTo(t)), QStringLiteral("packed"));

    const ExecutionIndex c3 = store->findExecution("c3");
    QCOMPARE(store->transitionCountOf(c3), quint32(0));
    QCOMPARE(store->stateName(store->executionInitialState(c3)), QStringLiteral("received"));
    QCOMPARE(store->executionStatus(c3), ExecutionStatus::Unknown);

    const ExecutionIndex accented = store->findExecution(QStringLiteral("été-1").toUtf8());
    QVERIFY(accented != kNoIndex);
    QCOMPARE(store->executionId(accented), QStringLiteral("été-1"));
    QCOMPARE(store->stateName(store->executionInitialState(accented)), QStringLiteral("reçu"));
}

QTEST_GUILESS_MAIN(TestCaseEntryBuilder)
#include "tst_caseentrybuilder.moc"
