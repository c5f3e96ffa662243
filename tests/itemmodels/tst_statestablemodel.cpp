#include "statestablemodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace StateScope;

class TestStatesTableModel : public QObject
{
    Q_OBJECT

private slots:
    void showsReportRows();
};

void TestStatesTableModel::showsReportRows()
{
    StatesTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    AnalysisReport report;
    AnalysisReport::StateRow a;
    a.name = QStringLiteral("processing");
    a.dwell.count = 4;
    a.dwell.mean = 1500;
    a.steadyState = 0.25;
    a.executionsInState = 2;
    AnalysisReport::StateRow b;
    b.name = QStringLiteral("done");
    b.terminal = true;
    report.states = {a, b};
    model.setReport(report);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), int(StatesTableModel::ColumnCount));
    QCOMPARE(model.index(0, StatesTableModel::State).data().toString(), QStringLiteral("processing"));
    QCOMPARE(model.index(1, StatesTableModel::State).data().toString(), QStringLiteral("done (terminal)"));
    QCOMPARE(model.index(0, StatesTableModel::Mean).data().toString(), QStringLiteral("1.5 s"));
    QCOMPARE(model.index(0, StatesTableModel::SteadyState).data().toString(), QStringLiteral("25.0%"));
    QCOMPARE(model.index(0, StatesTableModel::Mean).data(StatesTableModel::SortRole).toDouble(), 1500.0);
    QCOMPARE(model.index(1, StatesTableModel::Mean).data().toString(), QStringLiteral("-")); // no completed stay
    QCOMPARE(model.headerData(StatesTableModel::P95, Qt::Horizontal).toString(), QStringLiteral("p95"));
    model.setReport(AnalysisReport());
    QCOMPARE(model.rowCount(), 0);
}

QTEST_GUILESS_MAIN(TestStatesTableModel)
#include "tst_statestablemodel.moc"
