#include "analyzertestutil.h"
#include "reportjson.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <cmath>

using namespace StateScope;
using namespace AnalyzerTest;

namespace {
// e:     entered A at 0, A->B at 1000, B->C at 2000, C->D at 3000
// early: entered A at 0, A->B at 100,  B->C at 200
void addWindowed(EventStore &store)
{
    const quint32 w = store.ensureWorkflow("wf");
    addPath(store, w, "e", 0, {"A", "B", "C", "D"}, {1000, 2000, 3000});
    addPath(store, w, "early", 0, {"A", "B", "C"}, {100, 200});
}

// The three executions of tst_analyzer (A->B->C, A->B->D, A->B->C) plus
// e4..e6 A->B->D and e7 A->C.
void addForConformance(EventStore &store)
{
    const quint32 w = store.ensureWorkflow("wf");
    addPath(store, w, "e1", 0, {"A", "B", "C"}, {1000, 3000});
    addPath(store, w, "e2", 0, {"A", "B", "D"}, {2000, 6000});
    addPath(store, w, "e3", 10000, {"A", "B", "C"}, {13000, 14000});
    addPath(store, w, "e4", 0, {"A", "B", "D"}, {10, 20});
    addPath(store, w, "e5", 0, {"A", "B", "D"}, {10, 20});
    addPath(store, w, "e6", 0, {"A", "B", "D"}, {10, 20});
    addPath(store, w, "e7", 0, {"A", "C"}, {10});
}

DefinitionTransition move(const char *from, const char *to, bool isError = false)
{
    DefinitionTransition t;
    t.id = qs(from) + QStringLiteral("->") + qs(to);
    t.source = qs(from);
    t.target = qs(to);
    t.isError = isError;
    if (isError)
        t.event = qs("error"); // a catch: its own trigger, so not a rival of A->B
    return t;
}

// Allows A->B and B->C only. "Review" is a task nobody reaches and that has no way out.
StateMachineDefinition strictDefinition()
{
    StateMachineDefinition d;
    d.id = qs("sm-1");
    d.name = qs("strict");
    d.initialState = qs("A");
    d.finalStates = {qs("C"), qs("D")};
    d.states = {{qs("A"), qs("Task")},
                {qs("B"), qs("Choice")},
                {qs("C"), qs("Succeed")},
                {qs("D"), qs("Fail")},
                {qs("Review"), qs("Task")}};
    d.transitions = {move("A", "B"), move("B", "C"), move("A", "D", true)};
    return d;
}
} // namespace

class TestAnalyzerSelection : public QObject
{
    Q_OBJECT

private slots:
    void timeWindow_data();
    void timeWindow();
    void windowedStayCountsWhenLeftInside();
    void windowExcludesIdleExecutionOutside();
    void workflowSelection();
    void conformance();
    void invalidMoveRepeatedInOneExecution();
    void conformanceAllAllowed();
    void conformanceJson();
    void definitionFindingsInReport();
    void entryTimes();
};

void TestAnalyzerSelection::timeWindow_data()
{
    QTest::addColumn<qint64>("from");
    QTest::addColumn<qint64>("to");
    QTest::addColumn<quint64>("transitions");
    QTest::addColumn<quint64>("executions");
    QTest::addColumn<QStringList>("states");
    QTest::addColumn<QStringList>("terminal");
    QTest::addColumn<quint64>("finished");

    // Only e's B->C at 2000. A is outside the window entirely: not a state of the selection.
    QTest::newRow("1500..2500") << qint64(1500) << qint64(2500) << quint64(1) << quint64(1)
                                << QStringList {qs("B"), qs("C")} << QStringList {qs("C")} << quint64(0);
    QTest::newRow("bounds inclusive") << qint64(2000) << qint64(2000) << quint64(1) << quint64(1)
                                      << QStringList {qs("B"), qs("C")} << QStringList {qs("C")} << quint64(0);
    // e's B->C and C->D.
    QTest::newRow("from 1500") << qint64(1500) << kUnknownTime << quint64(2) << quint64(1)
                               << QStringList {qs("B"), qs("C"), qs("D")} << QStringList {qs("D")} << quint64(0);
    // e's A->B, early's A->B and B->C; early is complete and finished.
    QTest::newRow("to 1500") << kUnknownTime << qint64(1500) << quint64(3) << quint64(2)
                             << QStringList {qs("A"), qs("B"), qs("C")} << QStringList {qs("C")} << quint64(1);
    QTest::newRow("nothing") << qint64(5000) << qint64(6000) << quint64(0) << quint64(0) << QStringList()
                             << QStringList() << quint64(0);
    QTest::newRow("open") << kUnknownTime << kUnknownTime << quint64(5) << quint64(2)
                          << QStringList {qs("A"), qs("B"), qs("C"), qs("D")} << QStringList {qs("D")} << quint64(1);
}

void TestAnalyzerSelection::timeWindow()
{
    QFETCH(qint64, from);
    QFETCH(qint64, to);
    QFETCH(quint64, transitions);
    QFETCH(quint64, executions);
    QFETCH(QStringList, states);
    QFETCH(QStringList, terminal);
    QFETCH(quint64, finished);
    EventStore store;
    addWindowed(store);
    AnalysisOptions options;
    options.selection.from = from;
    options.selection.to = to;
    const AnalysisReport r = analyze(store, options);
    QCOMPARE(r.from, from);
    QCOMPARE(r.to, to);
    QCOMPARE(r.transitions, transitions);
    QCOMPARE(r.executions, executions);
    QCOMPARE(stateNames(r), states);
    QCOMPARE(terminalNames(r), terminal);
    QCOMPARE(r.finishedExecutions, finished);
    double steadySum = 0;
    for (const AnalysisReport::StateRow &s : r.states)
        steadySum += s.steadyState;
    if (!states.isEmpty())
        QCOMPARE(steadySum, 1.0);
}

void TestAnalyzerSelection::windowedStayCountsWhenLeftInside()
{
    EventStore store;
    addWindowed(store);
    AnalysisOptions options;
    options.selection.from = 1500;
    options.selection.to = 2500;
    const AnalysisReport r = analyze(store, options);
    // B was entered at 1000 (outside) and left at 2000 (inside): the stay counts, 1000 ms.
    QCOMPARE(stateRow(r, "B")->dwell.count, quint64(1));
    QCOMPARE(stateRow(r, "B")->dwell.mean, 1000.0);
    QCOMPARE(edge(r, "B", "C")->count, quint64(1));
    QVERIFY(!edge(r, "A", "B"));
    QVERIFY(!edge(r, "C", "D"));
    // The chain restarts where the selected executions start (B): B <-> C, half the time each.
    QCOMPARE(stateRow(r, "B")->steadyState, 0.5);
    QCOMPARE(stateRow(r, "C")->steadyState, 0.5);
    QCOMPARE(r.asOf, TimeMs(2500)); // "now" is the end of the window

    // From 1500 on: C's stay 2000..3000 counts too; D is never left.
    options.selection.to = kUnknownTime;
    const AnalysisReport open = analyze(store, options);
    QCOMPARE(stateRow(open, "C")->dwell.mean, 1000.0);
    QCOMPARE(stateRow(open, "D")->dwell.count, quint64(0));
    QCOMPARE(open.asOf, TimeMs(3000));
}

void TestAnalyzerSelection::windowExcludesIdleExecutionOutside()
{
    EventStore store;
    const quint32 w = store.ensureWorkflow("wf");
    addPath(store, w, "idle-in", 1000, {"Q"}, {});
    addPath(store, w, "idle-out", 9000, {"Q"}, {});
    addPath(store, w, "idle-unknown", kUnknownTime, {"Q"}, {});
    AnalysisOptions options;
    options.selection.from = 0;
    options.selection.to = 5000;
    const AnalysisReport r = analyze(store, options);
    QCOMPARE(r.executions, quint64(1)); // only the one that entered inside the window
    QCOMPARE(stateNames(r), QStringList {qs("Q")});
    QCOMPARE(analyze(store, {}).executions, quint64(3));
}

void TestAnalyzerSelection::workflowSelection()
{
    EventStore store;
    const quint32 alpha = store.addWorkflow({qs("wf-a"), qs("Alpha"), QString()});
    const quint32 beta = store.addWorkflow({qs("wf-b"), qs("Beta"), QString()});
    const ExecutionIndex a1 = addPath(store, alpha, "a1", 0, {"A", "B"}, {100});
    addPath(store, beta, "b1", 0, {"X", "Y"}, {100});
    addPath(store, beta, "b2", 0, {"X", "Z"}, {300});
    CheckpointInfo checkpoint;
    const QString checkpointId = qs("cp-a1");
    checkpoint.execution = a1;
    checkpoint.timestamp = 50;
    checkpoint.status = CheckpointStatus::Corrupted;
    store.addCheckpoint(checkpointId.toUtf8(), "automatic", "a", checkpoint);

    AnalysisOptions options;
    options.selection.workflows.assign(store.workflows().size(), false);
    options.selection.workflows[store.workflowForIdOrName(qs("Beta"))] = true;
    const AnalysisReport r = analyze(store, options);
    QCOMPARE(r.executions, quint64(2));
    QCOMPARE(r.transitions, quint64(2));
    QCOMPARE(stateNames(r), (QStringList {qs("X"), qs("Y"), qs("Z")}));
    QCOMPARE(edge(r, "X", "Y")->probability, 0.5);
    QCOMPARE(r.checkpointsTotal, quint64(0)); // a1's checkpoint belongs to Alpha
    QVERIFY(r.alerts.empty());

    options.selection.workflows = {true, false};
    const AnalysisReport ra = analyze(store, options);
    QCOMPARE(stateNames(ra), (QStringList {qs("A"), qs("B")}));
    QCOMPARE(ra.checkpointsCorrupted, QStringList {qs("cp-a1")});
    QCOMPARE(alertKinds(ra), QStringList {qs("corrupted_checkpoint")});
}

void TestAnalyzerSelection::conformance()
{
    EventStore store;
    addForConformance(store);
    AnalysisOptions options;
    options.definition = strictDefinition();
    const AnalysisReport r = analyze(store, options);
    QVERIFY(r.hasDefinition);
    QCOMPARE(r.definitionName, qs("strict"));
    QCOMPARE(r.executions, quint64(7));
    // B->D in e2, e4, e5, e6 (examples capped at three); A->C in e7. A->D is allowed but unseen.
    QCOMPARE(r.invalidTransitions.size(), size_t(2));
    QCOMPARE(r.invalidTransitions[0].from, qs("B"));
    QCOMPARE(r.invalidTransitions[0].to, qs("D"));
    QCOMPARE(r.invalidTransitions[0].count, quint64(4));
    QCOMPARE(r.invalidTransitions[0].exampleExecutions, (QStringList {qs("e2"), qs("e4"), qs("e5")}));
    QCOMPARE(r.invalidTransitions[1].from, qs("A"));
    QCOMPARE(r.invalidTransitions[1].to, qs("C"));
    QCOMPARE(r.invalidTransitions[1].count, quint64(1));
    QCOMPARE(r.invalidTransitions[1].exampleExecutions, QStringList {qs("e7")});
    // e1 and e3 conform: 2 of 7.
    QCOMPARE(r.conformanceRate, 2.0 / 7.0);
}

void TestAnalyzerSelection::invalidMoveRepeatedInOneExecution()
{
    EventStore store;
    addPath(store, store.ensureWorkflow("wf"), "twice", 0, {"A", "B", "D", "B", "D"}, {1, 2, 3, 4});
    AnalysisOptions options;
    options.definition = strictDefinition();
    const AnalysisReport r = analyze(store, options);
    // B->D twice and D->B once: every occurrence counts, the execution is named once.
    QCOMPARE(r.invalidTransitions.size(), size_t(2));
    QCOMPARE(r.invalidTransitions[0].count, quint64(2));
    QCOMPARE(r.invalidTransitions[0].exampleExecutions, QStringList {qs("twice")});
    QCOMPARE(r.invalidTransitions[1].from, qs("D"));
    QCOMPARE(r.conformanceRate, 0.0);
}

void TestAnalyzerSelection::conformanceAllAllowed()
{
    EventStore store;
    addForConformance(store);
    StateMachineDefinition d = strictDefinition();
    d.transitions.push_back(move("B", "D"));
    d.transitions.push_back(move("A", "C"));
    AnalysisOptions options;
    options.definition = d;
    const AnalysisReport r = analyze(store, options);
    QVERIFY(r.invalidTransitions.empty());
    QCOMPARE(r.conformanceRate, 1.0);

    // Without a definition there is no conformance at all.
    const AnalysisReport none = analyze(store, {});
    QVERIFY(!none.hasDefinition);
    QVERIFY(none.invalidTransitions.empty());
}

void TestAnalyzerSelection::conformanceJson()
{
    EventStore store;
    addForConformance(store);
    AnalysisOptions options;
    options.definition = strictDefinition();
    const QJsonObject c = reportToJson(analyze(store, options)).value(qs("conformance")).toObject();
    QCOMPARE(c.value(qs("definition")).toString(), qs("strict"));
    QCOMPARE(c.value(qs("conformanceRate")).toDouble(), 2.0 / 7.0);
    const QJsonArray invalid = c.value(qs("invalidTransitions")).toArray();
    QCOMPARE(invalid.size(), 2);
    const QJsonObject first = invalid.first().toObject();
    QCOMPARE(first.value(qs("from")).toString(), qs("B"));
    QCOMPARE(first.value(qs("to")).toString(), qs("D"));
    QCOMPARE(first.value(qs("count")).toInteger(), qint64(4));
    QCOMPARE(first.value(qs("exampleExecutions")).toArray(), (QJsonArray {qs("e2"), qs("e4"), qs("e5")}));
}

void TestAnalyzerSelection::definitionFindingsInReport()
{
    EventStore store;
    addForConformance(store);
    StateMachineDefinition d = strictDefinition();
    DefinitionTransition ghost = move("A", "Ghost"); // names a state the definition lacks
    ghost.event = qs("timeout");
    d.transitions.push_back(ghost);
    AnalysisOptions options;
    options.definition = d;
    const AnalysisReport r = analyze(store, options);
    // Review: no way in, no way out, a task without an error exit. B has no error exit
    // either, but it is a Choice, and A has one (A->D).
    QCOMPARE(r.unreachable, QStringList {qs("Review")});
    QCOMPARE(r.deadlocks, (QStringList {qs("Ghost"), qs("Review")}));
    QCOMPARE(r.missingErrorHandling, QStringList {qs("Review")});
    QVERIFY(r.nonDeterministic.empty());
    QVERIFY(r.trapped.isEmpty());
    // The unknown state is a structural error of the definition, under validation.
    QCOMPARE(r.structuralErrors.size(), 1);
    QVERIFY(r.structuralErrors.first().contains(qs("Ghost")));
    QVERIFY(r.notes.isEmpty());
}

void TestAnalyzerSelection::entryTimes()
{
    EventStore store;
    const quint32 w = store.ensureWorkflow("wf");
    addPath(store, w, "known", 100, {"A", "B", "C"}, {600, 800}); // A 500, B 200
    addPath(store, w, "unknown", kUnknownTime, {"A", "B", "C"}, {1000, 3000}); // A ?, B 2000
    addPath(store, w, "negative", 5000, {"A", "B", "C"}, {1000, 1300}); // A -4000, B 300
    const AnalysisReport r = analyze(store, {});
    QCOMPARE(r.staysWithUnknownEntry, quint64(1));
    QCOMPARE(r.negativeStays, quint64(1));
    QCOMPARE(stateRow(r, "A")->dwell.count, quint64(1));
    QCOMPARE(stateRow(r, "A")->dwell.mean, 500.0); // 600 - entry 100
    QCOMPARE(stateRow(r, "B")->dwell.count, quint64(3));
    QCOMPARE(stateRow(r, "B")->dwell.mean, 2500.0 / 3.0); // (200 + 2000 + 300) / 3
    QCOMPARE(edge(r, "A", "B")->count, quint64(3)); // the moves themselves still count
    QCOMPARE(r.notes.size(), 2);
    QVERIFY(r.notes[0].startsWith(qs("1 first stays have no entry time")));
    QVERIFY(r.notes[1].startsWith(qs("1 stays end before they start")));
}

QTEST_GUILESS_MAIN(TestAnalyzerSelection)
#include "tst_analyzerselection.moc"
