// Amazon States Language machines into the definition graph: every state type, nested Parallel
// and Map machines, Retry and Catch, JSONata choices, and the structural errors validation reports.
#include "aslparser.h"
#include "definitionparser.h"
#include "definitionvalidator.h"

#include <QDir>
#include <QFile>
#include <QSet>
#include <QTest>

using namespace StateScope;

namespace {

// "from->to[event]" for every transition, sorted: compact to compare.
QStringList edges(const StateMachineDefinition &d)
{
    QStringList out;
    for (const DefinitionTransition &t : d.transitions)
        out.append(t.source + QStringLiteral("->") + t.target + (t.event.isEmpty() ? QString() : QLatin1Char('[') + t.event + QLatin1Char(']'))
                   + (t.isError ? QStringLiteral("!") : QString()));
    out.sort();
    return out;
}

QString parentOf(const StateMachineDefinition &d, const QString &state)
{
    for (const DefinitionState &s : d.states)
        if (s.name == state)
            return s.parent;
    return QStringLiteral("(absent)");
}

int branchOf(const StateMachineDefinition &d, const QString &state)
{
    for (const DefinitionState &s : d.states)
        if (s.name == state)
            return s.branch;
    return -2;
}

bool hasProblem(const StateMachineDefinition &d, const QString &part)
{
    for (const QString &p : d.problems)
        if (p.contains(part))
            return true;
    return false;
}

} // namespace

class TestAslParser : public QObject
{
    Q_OBJECT

private slots:
    void everyStateType();
    void nestedParallelAndMap();
    void jsonataChoice();
    void structuralErrors();
    void unreadableFiles();
    void savedFuzzCorpus();
};

void TestAslParser::everyStateType()
{
    const AslParseResult r = parseAslMachine(R"({
        "Comment": "orders", "StartAt": "Validate",
        "States": {
          "Validate": {"Type": "Task", "Resource": "arn:x", "Next": "Route",
                       "Retry": [{"ErrorEquals": ["States.Timeout"], "MaxAttempts": 2}],
                       "Catch": [{"ErrorEquals": ["States.TaskFailed", "Custom"], "Next": "Rejected"}]},
          "Route": {"Type": "Choice",
                    "Choices": [{"Variable": "$.n", "NumericGreaterThan": 10, "Next": "Wait"},
                                {"Variable": "$.n", "NumericEquals": 0, "Next": "Done"}],
                    "Default": "Shape"},
          "Wait": {"Type": "Wait", "Seconds": 5, "Next": "Shape"},
          "Shape": {"Type": "Pass", "Next": "Done"},
          "Done": {"Type": "Succeed"},
          "Rejected": {"Type": "Fail", "Error": "No"}
        }})",
                                             QStringLiteral("orders.asl.json"));
    QVERIFY2(r.ok(), qPrintable(r.error));
    const StateMachineDefinition &d = r.definition;
    QCOMPARE(d.name, QStringLiteral("orders"));
    QCOMPARE(d.initialState, QStringLiteral("Validate"));
    QCOMPARE(d.states.size(), size_t(6));
    QCOMPARE(d.finalStates, (QStringList{QStringLiteral("Done"), QStringLiteral("Rejected")}));
    QVERIFY2(d.problems.isEmpty(), qPrintable(d.problems.join(QLatin1Char('\n'))));
    QCOMPARE(edges(d), (QStringList{QStringLiteral("Route->Done"), QStringLiteral("Route->Shape[default]"),
                                    QStringLiteral("Route->Wait"), QStringLiteral("Shape->Done"),
                                    QStringLiteral("Validate->Rejected[States.TaskFailed,Custom]!"),
                                    QStringLiteral("Validate->Route"), QStringLiteral("Validate->Validate[retry: States.Timeout]"),
                                    QStringLiteral("Wait->Shape")}));
    // Choice rules keep their condition and order.
    int rules = 0;
    for (const DefinitionTransition &t : d.transitions) {
        if (t.source == QLatin1String("Route") && t.event.isEmpty()) {
            QVERIFY(t.condition.contains(QLatin1String("NumericGreaterThan")) || t.condition.contains(QLatin1String("NumericEquals")));
            QCOMPARE(t.priority, rules++);
        }
    }
    QCOMPARE(rules, 2);
    const DefinitionFindings f = validateDefinition(d);
    QVERIFY(f.structuralErrors.isEmpty());
    QVERIFY(f.unreachable.isEmpty());
    QVERIFY(f.missingErrorHandling.isEmpty());
}

void TestAslParser::nestedParallelAndMap()
{
    const AslParseResult r = parseAslMachine(R"({"StartAt": "Fork", "States": {
          "Fork": {"Type": "Parallel", "Next": "Each", "Branches": [
              {"StartAt": "Pack", "States": {"Pack": {"Type": "Task", "Resource": "p", "End": true}}},
              {"StartAt": "Bill", "States": {"Bill": {"Type": "Task", "Resource": "b", "Next": "Billed"},
                                             "Billed": {"Type": "Succeed"}}},
              {"StartAt": "Inner", "States": {"Inner": {"Type": "Parallel", "End": true, "Branches": [
                  {"StartAt": "Deep", "States": {"Deep": {"Type": "Pass", "End": true}}}]}}}]},
          "Each": {"Type": "Map", "Next": "Done", "Iterator": {"StartAt": "Send", "States": {
              "Send": {"Type": "Task", "Resource": "s", "Next": "Check"},
              "Check": {"Type": "Choice", "Choices": [{"Variable": "$.ok", "BooleanEquals": false, "Next": "Oops"}], "Default": "Sent"},
              "Sent": {"Type": "Succeed"},
              "Oops": {"Type": "Fail"}}}},
          "Done": {"Type": "Succeed"}}})",
                                             QStringLiteral("nested"));
    QVERIFY2(r.ok(), qPrintable(r.error));
    const StateMachineDefinition &d = r.definition;
    QVERIFY2(d.problems.isEmpty(), qPrintable(d.problems.join(QLatin1Char('\n'))));
    QCOMPARE(parentOf(d, QStringLiteral("Pack")), QStringLiteral("Fork"));
    QCOMPARE(parentOf(d, QStringLiteral("Deep")), QStringLiteral("Inner"));
    QCOMPARE(parentOf(d, QStringLiteral("Inner")), QStringLiteral("Fork"));
    QCOMPARE(parentOf(d, QStringLiteral("Send")), QStringLiteral("Each"));
    QCOMPARE(parentOf(d, QStringLiteral("Fork")), QString());
    // Which Parallel branch holds a state (from 0); -1 at the top and inside a Map.
    QCOMPARE(branchOf(d, QStringLiteral("Fork")), -1);
    QCOMPARE(branchOf(d, QStringLiteral("Pack")), 0);
    QCOMPARE(branchOf(d, QStringLiteral("Bill")), 1);
    QCOMPARE(branchOf(d, QStringLiteral("Billed")), 1);
    QCOMPARE(branchOf(d, QStringLiteral("Inner")), 2);
    QCOMPARE(branchOf(d, QStringLiteral("Deep")), 0); // branch 1 of Inner
    QCOMPARE(branchOf(d, QStringLiteral("Send")), -1);
    QCOMPARE(branchOf(d, QStringLiteral("Oops")), -1);
    QCOMPARE(branchOf(d, QStringLiteral("Done")), -1);
    const QStringList e = edges(d);
    for (const char *expected : {"Fork->Pack[branch 1]", "Fork->Bill[branch 2]", "Fork->Inner[branch 3]", "Pack->Each[join]",
                                 "Billed->Each[join]", "Inner->Deep[branch 1]", "Deep->Each[join]", "Each->Send[iteration]",
                                 "Sent->Done[join]"})
        QVERIFY2(e.contains(QLatin1String(expected)), expected);
    // The nested Inner ends its branch, so its own branch's end joins Fork's Next: Deep -> Each.
    QVERIFY(!e.contains(QStringLiteral("Inner->Each[join]")));
    // A Fail inside a Map ends the execution; a Succeed inside only ends the iteration.
    QVERIFY(d.finalStates.contains(QStringLiteral("Oops")));
    QVERIFY(!d.finalStates.contains(QStringLiteral("Sent")));
    QCOMPARE(d.finalStates.contains(QStringLiteral("Done")), true);
    const DefinitionFindings f = validateDefinition(d);
    QVERIFY2(f.structuralErrors.isEmpty(), qPrintable(f.structuralErrors.join(QLatin1Char('\n'))));
    QVERIFY(f.unreachable.isEmpty());
    QVERIFY(f.trapped.isEmpty());
}

void TestAslParser::jsonataChoice()
{
    const AslParseResult r = parseAslMachine(R"({"QueryLanguage": "JSONata", "StartAt": "C", "States": {
          "C": {"Type": "Choice", "Choices": [{"Condition": "{% $states.input.n > 3 %}", "Next": "Big"}], "Default": "Small"},
          "Big": {"Type": "Task", "Resource": "r", "Arguments": {"n": "{% $states.input.n %}"}, "Output": "{% $states.result %}", "End": true},
          "Small": {"Type": "Pass", "End": true}}})",
                                             QStringLiteral("jsonata"));
    QVERIFY2(r.ok(), qPrintable(r.error));
    QVERIFY(r.definition.problems.isEmpty());
    QCOMPARE(edges(r.definition), (QStringList{QStringLiteral("C->Big"), QStringLiteral("C->Small[default]")}));
    QVERIFY(r.definition.transitions.front().condition.contains(QLatin1String("$states.input.n > 3")));
}

void TestAslParser::structuralErrors()
{
    const AslParseResult r = parseAslMachine(R"({"StartAt": "Start", "QueryLanguage": "XPath", "States": {
          "A": {"Type": "Task", "Next": "B"},
          "A": {"Type": "Pass", "Next": "B"},
          "B": {"Type": "Parallel", "Next": "Nowhere", "Branches": [
              {"StartAt": "X", "States": {"X": {"Type": "Pass", "Next": "Y"}}},
              {"StartAt": "Y", "States": {"Y": {"Type": "Pass", "Next": "A"}, "B": {"Type": "Succeed"}}}]},
          "C": {"Type": "Task", "Next": "C", "End": true},
          "D": {"Type": "Pass"},
          "E": {"Type": "Sleep", "End": true},
          "F": {"Resource": "x", "End": true},
          "G": {"Type": "Choice", "Default": "A"},
          "H": {"Type": "Map", "End": true}}})",
                                             QStringLiteral("broken"));
    QVERIFY2(r.ok(), qPrintable(r.error)); // broken, but a machine: validation reports what is wrong
    const StateMachineDefinition &d = r.definition;
    for (const char *part : {"duplicate state name \"A\" in the machine", "state name \"B\" is used in the machine and in branch 2",
                             "StartAt names a missing state \"Start\"", "branch 1 of \"B\" has no terminal state",
                             "\"B\" goes to a missing state \"Nowhere\"",
                             "state \"X\" in branch 1 of \"B\" goes to \"Y\" in branch 2 of \"B\"",
                             "state \"Y\" in branch 2 of \"B\" goes to \"A\" in the machine", "\"C\" has both Next and End",
                             "\"D\" has neither Next nor End", "unknown Type \"Sleep\"", "\"F\" has no Type",
                             "Choice state \"G\" has no Choices", "Map state \"H\" has no ItemProcessor",
                             "unknown QueryLanguage \"XPath\""})
        QVERIFY2(hasProblem(d, QLatin1String(part)), qPrintable(QStringLiteral("missing: %1\nin: %2").arg(QLatin1String(part), d.problems.join(QLatin1Char('\n')))));
    // Links to missing states are not in the graph; validation repeats the reader's problems.
    QVERIFY(!edges(d).contains(QStringLiteral("B->Nowhere")));
    const DefinitionFindings f = validateDefinition(d);
    QCOMPARE(f.structuralErrors.mid(0, d.problems.size()), d.problems);

    const AslParseResult noEnd = parseAslMachine(R"({"StartAt": "L", "States": {"L": {"Type": "Pass", "Next": "L"}}})", QStringLiteral("loop"));
    QVERIFY(noEnd.ok());
    QCOMPARE(noEnd.definition.problems, QStringList{QStringLiteral("the machine has no terminal state (End, Succeed or Fail)")});
    // A Parallel or Map with End is a terminal state too (found by the fuzz corpus).
    const AslParseResult containerEnd = parseAslMachine(
        R"({"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [
              {"StartAt": "X", "States": {"X": {"Type": "Pass", "End": true}}}]}}})",
        QStringLiteral("parallel"));
    QVERIFY(containerEnd.ok());
    QCOMPARE(containerEnd.definition.problems, QStringList());
    QCOMPARE(containerEnd.definition.finalStates, QStringList{QStringLiteral("X")});
}

void TestAslParser::unreadableFiles()
{
    AslParseResult r = parseAslMachine("{\"StartAt\": \"A\",\n \"States\": {\"A\": {\"Type\": \"Pass\" \"End\": true}}}",
                                       QStringLiteral("f.asl.json"));
    QVERIFY(!r.ok());
    QVERIFY2(r.error.startsWith(QLatin1String("f.asl.json: invalid JSON at line 2, column ")), qPrintable(r.error));
    r = parseAslMachine(R"({"StartAt": "A", "States": {"A": 3}})", QStringLiteral("f"));
    QCOMPARE(r.error, QStringLiteral("f: state \"A\" in the machine is not an object"));
    r = parseAslMachine(R"({"StartAt": "A", "States": []})", QStringLiteral("f"));
    QCOMPARE(r.error, QStringLiteral("f: the machine has no \"StartAt\" string and \"States\" object"));
    r = parseAslMachine(R"({"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [{"States": {}}]}}})",
                        QStringLiteral("f"));
    QCOMPARE(r.error, QStringLiteral("f: branch 1 of \"P\" has no \"StartAt\" string and \"States\" object"));
    r = parseAslMachine("[1, 2]", QStringLiteral("f"));
    QCOMPARE(r.error, QStringLiteral("f: not a JSON object"));
}

// The fuzz target's seeds and every crasher saved since (tests/fuzz/corpus/aslparser), replayed
// in each CI run (under ASan + UBSan in the sanitizer build) through both definition file readers
// and validation: good_* files read without problems, bad_* ones are refused or have problems.
void TestAslParser::savedFuzzCorpus()
{
    const QString dir = QFINDTESTDATA("../fuzz/corpus/aslparser");
    QVERIFY2(!dir.isEmpty(), "tests/fuzz/corpus/aslparser not found");
    const QFileInfoList files = QDir(dir).entryInfoList(QDir::Files, QDir::Name);
    QVERIFY(files.size() >= 20);
    int good = 0;
    for (const QFileInfo &info : files) {
        QFile file(info.filePath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray json = file.readAll();
        const QString name = info.fileName();
        const AslParseResult asl = parseAslMachine(json, name);
        QVERIFY2(asl.ok() || asl.error.startsWith(name + QStringLiteral(": ")), qPrintable(name));
        if (asl.ok()) {
            // Everything an ASL machine links is one of its states, also in broken machines.
            QSet<QString> states;
            for (const DefinitionState &s : asl.definition.states)
                states.insert(s.name);
            for (const DefinitionTransition &t : asl.definition.transitions)
                QVERIFY2(states.contains(t.source) && states.contains(t.target), qPrintable(name));
            for (const QString &fin : asl.definition.finalStates)
                QVERIFY2(states.contains(fin), qPrintable(name));
            const DefinitionFindings f = validateDefinition(asl.definition);
            QCOMPARE(f.structuralErrors.mid(0, asl.definition.problems.size()), asl.definition.problems);
        }
        const DefinitionParseResult read = parseDefinitionJson(json, name);
        const bool clean = read.ok() && read.definition.problems.isEmpty();
        if (read.ok())
            validateDefinition(read.definition);
        if (name.startsWith(QLatin1String("good_"))) {
            QVERIFY2(clean, qPrintable(name + QLatin1Char(' ') + read.error + read.definition.problems.join(QLatin1Char(';'))));
            ++good;
        }
        if (name.startsWith(QLatin1String("bad_")))
            QVERIFY2(!clean, qPrintable(name));
    }
    QVERIFY(good >= 4);
}

QTEST_GUILESS_MAIN(TestAslParser)
#include "tst_aslparser.moc"
