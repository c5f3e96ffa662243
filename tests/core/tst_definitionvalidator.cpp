#include "definitionvalidator.h"

#include <QTest>

using namespace StateScope;

Q_DECLARE_METATYPE(StateScope::StateMachineDefinition)

namespace {
QString qs(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

// A small fluent builder for definitions.
struct Machine
{
    StateMachineDefinition d;

    Machine &state(const char *name, const char *type)
    {
        d.states.push_back({qs(name), qs(type)});
        return *this;
    }
    Machine &move(const char *from, const char *to, const char *event = "", int priority = 0,
                  const char *condition = "", bool isError = false)
    {
        DefinitionTransition t;
        t.id = QStringLiteral("t%1").arg(d.transitions.size() + 1);
        t.source = qs(from);
        t.target = qs(to);
        t.event = qs(event);
        t.condition = qs(condition);
        t.priority = priority;
        t.isError = isError;
        d.transitions.push_back(t);
        return *this;
    }
    Machine &error(const char *from, const char *to) { return move(from, to, "error", 0, "", true); }
    Machine &finalState(const char *name)
    {
        d.finalStates.append(qs(name));
        return *this;
    }
};

// Start (task) -> Check (choice) -ok-> Work (task) -> Done; Check -skip-> Done; both tasks
// have an error exit to Failed. Nothing to report.
Machine base()
{
    Machine m;
    m.d.initialState = qs("Start");
    m.state("Start", "Task")
        .state("Check", "Choice")
        .state("Work", "Task")
        .state("Done", "Succeed")
        .state("Failed", "Fail");
    m.finalState("Done").finalState("Failed");
    m.move("Start", "Check").error("Start", "Failed");
    m.move("Check", "Work", "ok").move("Check", "Done", "skip");
    m.move("Work", "Done").error("Work", "Failed");
    return m;
}

QStringList nonDeterminismText(const DefinitionFindings &f)
{
    QStringList out;
    for (const AnalysisReport::NonDeterminism &n : f.nonDeterministic)
        out.append(n.state + QLatin1Char('/') + n.event + QStringLiteral(": ") + n.targets.join(QLatin1Char(',')));
    return out;
}
} // namespace

class TestDefinitionValidator : public QObject
{
    Q_OBJECT

private slots:
    void findings_data();
    void findings();
    void transitionToUnknownState();
    void unknownInitialAndFinalStates();
    void noInitialStateMeansNoReachabilityCheck();
    void duplicateStatesListedOnce();
};

void TestDefinitionValidator::findings_data()
{
    QTest::addColumn<StateMachineDefinition>("definition");
    QTest::addColumn<QStringList>("unreachable");
    QTest::addColumn<QStringList>("deadlocks");
    QTest::addColumn<QStringList>("trapped");
    QTest::addColumn<QStringList>("nonDeterministic");
    QTest::addColumn<QStringList>("missingErrorHandling");

    const QStringList none;
    QTest::newRow("clean") << base().d << none << none << none << none << none;

    QTest::newRow("unreachable") << base().state("Orphan", "Pass").move("Orphan", "Done").d
                                 << QStringList {qs("Orphan")} << none << none << none << none;
    QTest::newRow("deadlock") << base().state("Stuck", "Pass").move("Check", "Stuck", "stall").d << none
                              << QStringList {qs("Stuck")} << none << none << none;
    QTest::newRow("isolated state") << base().state("Lonely", "Pass").d << QStringList {qs("Lonely")}
                                    << QStringList {qs("Lonely")} << none << none << none;
    // Loop1 <-> Loop2 can be entered but never reaches Done or Failed.
    QTest::newRow("trapped") << base()
                                    .state("Loop2", "Pass")
                                    .state("Loop1", "Pass")
                                    .move("Check", "Loop1", "spin")
                                    .move("Loop1", "Loop2")
                                    .move("Loop2", "Loop1")
                                    .d
                             << none << none << QStringList {qs("Loop1"), qs("Loop2")} << none << none;
    // A trapped task is reported under both findings.
    QTest::newRow("trapped task") << base().state("Spin", "Task").move("Check", "Spin", "spin").move("Spin", "Spin").d
                                  << none << none << QStringList {qs("Spin")} << none << QStringList {qs("Spin")};

    // Same source, event, condition and priority, different targets.
    QTest::newRow("non-deterministic") << base().move("Check", "Failed", "ok").d << none << none << none
                                       << QStringList {qs("Check/ok: Failed,Work")} << none;
    QTest::newRow("three targets") << base().move("Check", "Failed", "ok").move("Check", "Done", "ok").d << none << none
                                   << none << QStringList {qs("Check/ok: Done,Failed,Work")} << none;
    QTest::newRow("no event twice") << base().move("Work", "Check").d << none << none << none
                                    << QStringList {qs("Work/: Check,Done")} << none;
    QTest::newRow("priority separates") << base().move("Check", "Failed", "ok", 1).d << none << none << none << none
                                        << none;
    QTest::newRow("condition separates") << base().move("Check", "Failed", "ok", 0, "retries > 3").d << none << none
                                         << none << none << none;
    QTest::newRow("same target twice") << base().move("Check", "Work", "ok").d << none << none << none << none << none;

    // Task, Parallel and Map states (any case) need an error exit; other types and final states do not.
    QTest::newRow("missing error handling")
        << base()
               .state("Work2", "Task")
               .state("Par", "Parallel")
               .state("M", "map")
               .state("P", "Pass")
               .move("Check", "Work2", "w2")
               .move("Work2", "Done")
               .move("Check", "Par", "par")
               .move("Par", "Done")
               .move("Check", "M", "m")
               .move("M", "Done")
               .move("Check", "P", "p")
               .move("P", "Done")
               .d
        << none << none << none << none << QStringList {qs("M"), qs("Par"), qs("Work2")};
    QTest::newRow("error exit by flag only") << base()
                                                    .state("W3", "TASK")
                                                    .move("Check", "W3", "w3")
                                                    .move("W3", "Done")
                                                    .move("W3", "Failed", "oops", 0, "", true)
                                                    .d
                                             << none << none << none << none << none;
    QTest::newRow("final task")
        << base().state("Archive", "Task").finalState("Archive").move("Work", "Archive", "arch").d << none << none
        << none << none << none;
}

void TestDefinitionValidator::findings()
{
    QFETCH(StateMachineDefinition, definition);
    QFETCH(QStringList, unreachable);
    QFETCH(QStringList, deadlocks);
    QFETCH(QStringList, trapped);
    QFETCH(QStringList, nonDeterministic);
    QFETCH(QStringList, missingErrorHandling);
    const DefinitionFindings f = validateDefinition(definition);
    QCOMPARE(f.unreachable, unreachable);
    QCOMPARE(f.deadlocks, deadlocks);
    QCOMPARE(f.trapped, trapped);
    QCOMPARE(nonDeterminismText(f), nonDeterministic);
    QCOMPARE(f.missingErrorHandling, missingErrorHandling);
    QVERIFY2(f.structuralErrors.isEmpty(), qPrintable(f.structuralErrors.join(QLatin1Char('\n'))));
}

void TestDefinitionValidator::transitionToUnknownState()
{
    Machine m = base();
    m.move("Work", "Nowhere", "lost"); // t7
    DefinitionTransition anonymous;
    anonymous.source = qs("Ghost");
    anonymous.target = qs("Done");
    m.d.transitions.push_back(anonymous);
    const DefinitionFindings f = validateDefinition(m.d);
    QCOMPARE(f.structuralErrors,
             (QStringList {qs("transition t7 names unknown state \"Nowhere\""),
                           qs("transition Ghost->Done names unknown state \"Ghost\"")}));
    // Then they are treated as states: Nowhere is a dead end, Ghost cannot be reached.
    QCOMPARE(f.deadlocks, QStringList {qs("Nowhere")});
    QCOMPARE(f.unreachable, QStringList {qs("Ghost")});
    QVERIFY(f.trapped.isEmpty());
}

void TestDefinitionValidator::unknownInitialAndFinalStates()
{
    Machine m = base();
    m.d.initialState = qs("Begin");
    m.finalState("Finish");
    const DefinitionFindings f = validateDefinition(m.d);
    QCOMPARE(f.structuralErrors,
             (QStringList {qs("final state \"Finish\" is not a state"), qs("initial state \"Begin\" is not a state")}));
    // Nothing is reachable from an initial state that does not exist.
    QCOMPARE(f.unreachable, (QStringList {qs("Check"), qs("Done"), qs("Failed"), qs("Start"), qs("Work")}));
    QVERIFY(f.deadlocks.isEmpty());
}

void TestDefinitionValidator::noInitialStateMeansNoReachabilityCheck()
{
    Machine m = base();
    m.d.initialState.clear();
    m.state("Orphan", "Pass").move("Orphan", "Done");
    const DefinitionFindings f = validateDefinition(m.d);
    QVERIFY(f.unreachable.isEmpty());
    QVERIFY(f.structuralErrors.isEmpty());
}

void TestDefinitionValidator::duplicateStatesListedOnce()
{
    Machine m = base();
    m.state("Lonely", "Pass").state("Lonely", "Task"); // the later type wins
    const DefinitionFindings f = validateDefinition(m.d);
    QCOMPARE(f.deadlocks, QStringList {qs("Lonely")});
    QCOMPARE(f.unreachable, QStringList {qs("Lonely")});
    QCOMPARE(f.missingErrorHandling, QStringList {qs("Lonely")});
}

QTEST_GUILESS_MAIN(TestDefinitionValidator)
#include "tst_definitionvalidator.moc"
