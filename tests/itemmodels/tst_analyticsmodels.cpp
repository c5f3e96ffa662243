// The Analytics view's item models over a report analyze() made from a hand-built store whose
// answers are known: variants, an invalid transition against a definition, a stuck execution,
// a failed recovery, predictions for the running executions.
#include "../core/analyzertestutil.h"
#include "alertsmodel.h"
#include "conformancemodel.h"
#include "predictionsmodel.h"
#include "variantsmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace StateScope;
using namespace AnalyzerTest;

class TestAnalyticsModels : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void variants();
    void conformance();
    void conformanceWithoutDefinition();
    void statePredictions();
    void executionPredictions();
    void alerts();
    void sameShapeUpdatesWithoutReset();

private:
    AnalysisReport m_report;
};

// start -> work -> done x3, start -> work -> failed, start -> done (not in the definition),
// and two executions still in work: s1 since t = 1 s (stuck at "now" = 100 s), r2 since 99.5 s.
void TestAnalyticsModels::initTestCase()
{
    EventStore store;
    const quint32 w = store.addWorkflow({qs("wf"), qs("orders"), {}});
    addPath(store, w, "e1", 0, {"start", "work", "done"}, {1000, 3000}, ExecutionStatus::Completed);
    addPath(store, w, "e2", 0, {"start", "work", "done"}, {1000, 3000}, ExecutionStatus::Completed);
    addPath(store, w, "e3", 0, {"start", "work", "done"}, {1000, 4000}, ExecutionStatus::Completed);
    const ExecutionIndex e4 = addPath(store, w, "e4", 0, {"start", "work", "failed"}, {1000, 2000}, ExecutionStatus::Failed);
    addPath(store, w, "e5", 0, {"start", "done"}, {500}, ExecutionStatus::Completed);
    addPath(store, w, "s1", 0, {"start", "work"}, {1000}, ExecutionStatus::Running);
    addPath(store, w, "r2", 0, {"start", "work"}, {99500}, ExecutionStatus::Running);
    RecoveryRecord recovery;
    recovery.id = qs("rec-1");
    recovery.execution = e4;
    recovery.time = 2500;
    recovery.success = 0;
    store.recoveries().push_back(recovery);
    store.finalize();

    StateMachineDefinition definition;
    definition.name = qs("orders-v1");
    definition.initialState = qs("start");
    definition.finalStates = QStringList{qs("done"), qs("failed")};
    definition.states = {{qs("start"), qs("pass")}, {qs("work"), qs("task")}, {qs("done"), qs("succeed")},
                         {qs("failed"), qs("fail")}, {qs("archive"), qs("pass")}};
    definition.transitions = {{qs("t1"), qs("start"), qs("work"), {}, {}, 0, false},
                              {qs("t2"), qs("work"), qs("done"), {}, {}, 0, false},
                              {qs("t3"), qs("work"), qs("failed"), {}, {}, 0, false},
                              {qs("t4"), qs("archive"), qs("done"), {}, {}, 0, false}};
    AnalysisOptions options;
    options.definition = definition;
    options.asOf = 100000;
    m_report = analyze(store, options);
    QCOMPARE(m_report.executions, quint64(7));
}

void TestAnalyticsModels::variants()
{
    VariantsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setReport(m_report);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.variantCount(), quint64(3));
    QCOMPARE(model.finishedExecutions(), quint64(5));
    QCOMPARE(model.index(0, VariantsModel::Path).data().toString(), qs("start → work → done"));
    QCOMPARE(model.index(0, VariantsModel::Count).data().toString(), qs("3"));
    QCOMPARE(model.index(0, VariantsModel::Share).data().toString(), qs("60.0%"));
    QCOMPARE(model.index(0, VariantsModel::Steps).data().toString(), qs("2"));
    QCOMPARE(model.index(0, VariantsModel::Count).data(VariantsModel::SortRole).toDouble(), 3.0);
    QCOMPARE(model.index(0, VariantsModel::Share).data(VariantsModel::SortRole).toDouble(), 0.6);
    QVERIFY(model.index(0, VariantsModel::Count).data(VariantsModel::SortRole).typeId() == QMetaType::Double);
    QCOMPARE(model.index(0, VariantsModel::Example).data().toString(), qs("e1"));
    QCOMPARE(model.index(0, VariantsModel::Path).data(VariantsModel::ExecutionIdRole).toString(), qs("e1"));
    // Ties (one execution each) in path order.
    QCOMPARE(model.index(1, VariantsModel::Path).data().toString(), qs("start → done"));
    QCOMPARE(model.index(1, VariantsModel::Example).data().toString(), qs("e5"));
    QCOMPARE(model.index(2, VariantsModel::Path).data().toString(), qs("start → work → failed"));
    QCOMPARE(model.index(2, VariantsModel::Steps).data(VariantsModel::SortRole).toDouble(), 2.0);
    model.setReport(AnalysisReport());
    QCOMPARE(model.rowCount(), 0);
}

void TestAnalyticsModels::conformance()
{
    ConformanceModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setReport(m_report);
    QVERIFY(model.hasDefinition());
    QCOMPARE(model.definitionName(), qs("orders-v1"));
    QCOMPARE(model.conformanceRate(), 1.0 - 1.0 / 7.0);
    QCOMPARE(model.invalidTransitionCount(), 1);
    QCOMPARE(model.index(0, ConformanceModel::Finding).data().toString(), qs("Invalid transition"));
    QCOMPARE(model.index(0, ConformanceModel::Subject).data().toString(), qs("start → done"));
    QCOMPARE(model.index(0, ConformanceModel::Count).data().toString(), qs("1"));
    QCOMPARE(model.index(0, ConformanceModel::Count).data(ConformanceModel::SortRole).toDouble(), 1.0);
    QCOMPARE(model.index(0, ConformanceModel::Details).data().toString(), qs("e.g. e5"));
    QCOMPARE(model.index(0, ConformanceModel::Subject).data(ConformanceModel::ExecutionIdRole).toString(), qs("e5"));
    QCOMPARE(model.index(0, 0).data(ConformanceModel::ExamplesRole).toStringList(), QStringList{qs("e5")});
    // The definition's own findings: archive is unreachable, work is a task without an error exit.
    QStringList findings;
    for (int row = 1; row < model.rowCount(); ++row) {
        findings.append(model.index(row, ConformanceModel::Finding).data().toString() + QLatin1Char(':')
                        + model.index(row, ConformanceModel::Subject).data().toString());
        QVERIFY(model.index(row, ConformanceModel::Subject).data(ConformanceModel::ExecutionIdRole).toString().isEmpty());
        QCOMPARE(model.index(row, ConformanceModel::Count).data().toString(), QString());
    }
    QVERIFY2(findings.contains(qs("Unreachable state:archive")), qPrintable(findings.join(qs(", "))));
    QVERIFY2(findings.contains(qs("Missing error handling:work")), qPrintable(findings.join(qs(", "))));
    QVERIFY(!findings.contains(qs("Unreachable state:work")));
}

void TestAnalyticsModels::conformanceWithoutDefinition()
{
    ConformanceModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    AnalysisReport report;
    report.trapped = QStringList{qs("limbo")};
    model.setReport(report);
    QVERIFY(!model.hasDefinition());
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, ConformanceModel::Finding).data().toString(), qs("Trapped state"));
    QCOMPARE(model.index(0, ConformanceModel::Subject).data().toString(), qs("limbo"));
}

void TestAnalyticsModels::statePredictions()
{
    PredictionsModel model(PredictionsModel::Kind::States);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setReport(m_report);
    QCOMPARE(model.runningExecutions(), quint64(2));
    QCOMPARE(model.rowCount(), 1); // only work holds running executions
    QCOMPARE(model.columnCount(), PredictionsModel::FirstOutcome + 2);
    QCOMPARE(model.index(0, PredictionsModel::StateName).data().toString(), qs("work"));
    QCOMPARE(model.index(0, PredictionsModel::Running).data().toString(), qs("2"));
    QCOMPARE(model.index(0, PredictionsModel::NextStates).data().toString(), qs("done 75.0%, failed 25.0%"));
    QCOMPARE(model.index(0, PredictionsModel::NextStates).data(PredictionsModel::SortRole).toDouble(), 0.75);
    const int doneColumn = PredictionsModel::FirstOutcome + int(m_report.absorptionColumns.indexOf(qs("done")));
    QCOMPARE(model.headerData(doneColumn, Qt::Horizontal).toString(), qs("→ done"));
    QCOMPARE(model.index(0, doneColumn).data().toString(), qs("75.0%"));
    QCOMPARE(model.index(0, doneColumn).data(PredictionsModel::SortRole).toDouble(), 0.75);
    // Expected remaining from work: its mean dwell (2 s), then terminal.
    QCOMPARE(model.index(0, PredictionsModel::StateRemaining).data().toString(), qs("2.0 s"));
    QCOMPARE(model.index(0, PredictionsModel::StateRemaining).data(PredictionsModel::SortRole).toDouble(), 2000.0);
    QVERIFY(model.index(0, 0).data(PredictionsModel::ExecutionIdRole).toString().isEmpty());
    // A state swatch only where the view gave a palette, only on the state column.
    QVERIFY(!model.index(0, PredictionsModel::StateName).data(Qt::DecorationRole).isValid());
    model.setStateColor([](const QString &state) { return state == QLatin1String("work") ? QColor(Qt::red) : QColor(); });
    QCOMPARE(model.index(0, PredictionsModel::StateName).data(Qt::DecorationRole).value<QColor>(), QColor(Qt::red));
    QVERIFY(!model.index(0, PredictionsModel::Running).data(Qt::DecorationRole).isValid());
}

void TestAnalyticsModels::executionPredictions()
{
    PredictionsModel model(PredictionsModel::Kind::Executions);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    AnalysisReport report = m_report;
    model.setReport(report);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, PredictionsModel::Execution).data().toString(), qs("s1")); // longest in state first
    QCOMPARE(model.index(0, PredictionsModel::ExecutionState).data().toString(), qs("work"));
    QCOMPARE(model.index(0, PredictionsModel::InState).data().toString(), qs("1 min 39 s"));
    QCOMPARE(model.index(0, PredictionsModel::InState).data(PredictionsModel::SortRole).toDouble(), 99000.0);
    QCOMPARE(model.index(0, PredictionsModel::LikelyNext).data().toString(), qs("done (75.0%)"));
    QCOMPARE(model.index(0, PredictionsModel::LikelyOutcome).data().toString(), qs("done (75.0%)"));
    QCOMPARE(model.index(0, PredictionsModel::Remaining).data(PredictionsModel::ExecutionIdRole).toString(), qs("s1"));
    QCOMPARE(model.index(1, PredictionsModel::Execution).data().toString(), qs("r2"));
    QCOMPARE(model.index(1, PredictionsModel::InState).data().toString(), qs("500 ms"));
    // Unknown times read "—" and sort below every known one.
    report.executionPredictions[1].expectedRemainingMs = std::nan("");
    report.executionPredictions[1].inStateMs = std::nan("");
    model.setReport(report);
    QCOMPARE(model.index(1, PredictionsModel::Remaining).data().toString(), qs("—"));
    QCOMPARE(model.index(1, PredictionsModel::InState).data().toString(), qs("—"));
    QCOMPARE(model.index(1, PredictionsModel::Remaining).data(PredictionsModel::SortRole).toDouble(), -1.0);
}

void TestAnalyticsModels::alerts()
{
    AlertsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setReport(m_report);
    QCOMPARE(model.rowCount(), 2);
    // s1 has been in work for 99 s; work's p99 is under 3 s, so the alert is critical.
    QCOMPARE(model.index(0, AlertsModel::Kind).data().toString(), qs("Stuck execution"));
    QCOMPARE(model.index(0, AlertsModel::Severity).data().toString(), qs("Critical"));
    QCOMPARE(model.index(0, AlertsModel::Severity).data(AlertsModel::SortRole).toInt(), 2);
    QCOMPARE(model.index(0, AlertsModel::Severity).data(Qt::BackgroundRole).value<QColor>(), AlertsModel::severityTint(qs("critical")));
    // Dark text on a pale tint of the severity's hue.
    QVERIFY(AlertsModel::severityTint(qs("critical")).lightness() > 200);
    QVERIFY(model.index(0, AlertsModel::Severity).data(Qt::ForegroundRole).value<QColor>().lightness() < 100);
    QCOMPARE(model.index(0, AlertsModel::Title).data().toString(), qs("Execution stuck in work"));
    QCOMPARE(model.index(0, AlertsModel::Target).data().toString(), qs("s1"));
    QCOMPARE(model.index(0, AlertsModel::Target).data(AlertsModel::ExecutionIdRole).toString(), qs("s1"));
    QVERIFY(model.index(0, AlertsModel::Description).data().toString().contains(qs("1 min 39 s")));
    // The failed recovery names its execution inside the target text.
    QCOMPARE(model.index(1, AlertsModel::Kind).data().toString(), qs("Failed recovery"));
    QCOMPARE(model.index(1, AlertsModel::Severity).data().toString(), qs("Warning"));
    QCOMPARE(model.index(1, AlertsModel::Target).data().toString(), qs("rec-1 (execution e4)"));
    QCOMPARE(model.index(1, AlertsModel::Target).data(AlertsModel::ExecutionIdRole).toString(), qs("e4"));
    QCOMPARE(model.countOfSeverity(qs("critical")), 1);
    // Targets that are not executions give none.
    AnalysisReport::Alert checkpoint{qs("corrupted_checkpoint"), qs("critical"), qs("Corrupted checkpoint"), qs("cp-9"), {}};
    QVERIFY(AlertsModel::executionOf(checkpoint).isEmpty());
    QVERIFY(AlertsModel::severityRank(qs("emergency")) > AlertsModel::severityRank(qs("critical")));
}

void TestAnalyticsModels::sameShapeUpdatesWithoutReset()
{
    VariantsModel model;
    model.setReport(m_report);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
    AnalysisReport next = m_report;
    next.variants[0].count = 4;
    next.finishedExecutions = 6;
    model.setReport(next);
    QCOMPARE(resets.count(), 0);
    QCOMPARE(changes.count(), 1);
    QCOMPARE(model.index(0, VariantsModel::Count).data().toString(), qs("4"));
    std::swap(next.variants[1], next.variants[2]);
    model.setReport(next);
    QCOMPARE(resets.count(), 1);
    QCOMPARE(model.index(1, VariantsModel::Path).data().toString(), qs("start → work → failed"));
}

QTEST_GUILESS_MAIN(TestAnalyticsModels)
#include "tst_analyticsmodels.moc"
