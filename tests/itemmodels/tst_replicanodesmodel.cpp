#include "replicanodesmodel.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QSignalSpy>
#include <QTest>

using namespace StateScope;

namespace {
ReplicaNode node(const char *id, double lagMs, qint64 pending, bool inSync)
{
    ReplicaNode n;
    n.nodeId = QString::fromLatin1(id);
    n.lagMs = lagMs;
    n.pendingChanges = pending;
    n.inSync = inSync;
    return n;
}

ConsistencySample sample(std::vector<ReplicaNode> nodes)
{
    ConsistencySample s;
    s.replicationFactor = int(nodes.size());
    s.quorumSize = 2;
    s.nodes = std::move(nodes);
    return s;
}
} // namespace

class TestReplicaNodesModel : public QObject
{
    Q_OBJECT

private slots:
    void showsNodes();
    void flagsLagOverThreshold();
    void sameNodesEmitDataChangedOnly();
    void moreNodesAreInserted();
    void fewerNodesAreRemoved();
    void otherNodesResetTheModel();
    void thresholdChangeRefreshesFlags();
};

void TestReplicaNodesModel::showsNodes()
{
    ReplicaNodesModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    model.setSample(sample({node("db-1", 12, 0, true), node("db-2", 4000, 1234, false)}), 1000);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), int(ReplicaNodesModel::ColumnCount));
    QCOMPARE(model.index(0, ReplicaNodesModel::Node).data().toString(), QStringLiteral("db-1"));
    QCOMPARE(model.index(0, ReplicaNodesModel::InSync).data().toString(), QStringLiteral("yes"));
    QCOMPARE(model.index(1, ReplicaNodesModel::InSync).data().toString(), QStringLiteral("no"));
    QCOMPARE(model.index(0, ReplicaNodesModel::Lag).data().toString(), QStringLiteral("12 ms"));
    QCOMPARE(model.index(1, ReplicaNodesModel::Lag).data().toString(), QStringLiteral("4.0 s"));
    QCOMPARE(model.index(1, ReplicaNodesModel::Pending).data(ReplicaNodesModel::SortRole).toLongLong(), 1234);
    QCOMPARE(model.index(1, ReplicaNodesModel::Lag).data(ReplicaNodesModel::SortRole).toDouble(), 4000.0);
    QCOMPARE(model.index(0, ReplicaNodesModel::InSync).data(ReplicaNodesModel::SortRole).toInt(), 1);
    QCOMPARE(model.index(0, ReplicaNodesModel::Node).data(ReplicaNodesModel::SortRole).toString(),
             QStringLiteral("db-1"));
    QCOMPARE(model.index(0, ReplicaNodesModel::InSync).data(Qt::DecorationRole).value<QColor>(),
             ReplicaNodesModel::goodColor());
    QCOMPARE(model.index(1, ReplicaNodesModel::InSync).data(Qt::DecorationRole).value<QColor>(),
             ReplicaNodesModel::criticalColor());
    QCOMPARE(model.headerData(ReplicaNodesModel::Lag, Qt::Horizontal).toString(), QStringLiteral("Lag"));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestReplicaNodesModel::flagsLagOverThreshold()
{
    ReplicaNodesModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSample(sample({node("a", 999, 0, true), node("b", 1000, 0, true), node("c", 1000.5, 3, false)}), 1000);
    // At the threshold is still within it (SPEC 6: max lag <= threshold is healthy).
    QCOMPARE(model.index(0, 0).data(ReplicaNodesModel::OverThresholdRole).toBool(), false);
    QCOMPARE(model.index(1, 0).data(ReplicaNodesModel::OverThresholdRole).toBool(), false);
    QCOMPARE(model.index(2, 0).data(ReplicaNodesModel::OverThresholdRole).toBool(), true);
    QVERIFY(!model.index(1, ReplicaNodesModel::Lag).data(Qt::ForegroundRole).isValid());
    const QVariant fg = model.index(2, ReplicaNodesModel::Lag).data(Qt::ForegroundRole);
    QVERIFY(fg.isValid());
    QCOMPARE(fg.value<QColor>().hue(), ReplicaNodesModel::criticalColor().hue());
    QVERIFY(model.index(2, ReplicaNodesModel::Node).data(Qt::ForegroundRole).isValid());
    QVERIFY(!model.index(2, ReplicaNodesModel::Pending).data(Qt::ForegroundRole).isValid());
    QVERIFY(model.index(2, ReplicaNodesModel::Lag).data(Qt::ToolTipRole).toString().contains(QStringLiteral("over")));
    QVERIFY(model.index(0, ReplicaNodesModel::Lag).data(Qt::ToolTipRole).toString().contains(QStringLiteral("within")));
}

void TestReplicaNodesModel::sameNodesEmitDataChangedOnly()
{
    ReplicaNodesModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSample(sample({node("a", 10, 0, true), node("b", 20, 0, true), node("c", 30, 0, true)}), 1000);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setSample(sample({node("a", 10, 0, true), node("b", 2500, 7, false), node("c", 30, 0, true)}), 1000);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 1); // only the row that changed
    QCOMPARE(changed.at(0).at(1).toModelIndex().row(), 1);
    QCOMPARE(model.index(1, ReplicaNodesModel::Lag).data(ReplicaNodesModel::SortRole).toDouble(), 2500.0);
    // The same values again: nothing to repaint.
    model.setSample(sample({node("a", 10, 0, true), node("b", 2500, 7, false), node("c", 30, 0, true)}), 1000);
    QCOMPARE(changed.count(), 1);
}

void TestReplicaNodesModel::moreNodesAreInserted()
{
    ReplicaNodesModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSample(sample({node("a", 10, 0, true), node("b", 20, 0, true)}), 1000);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setSample(
        sample({node("a", 10, 0, true), node("b", 50, 1, true), node("c", 0, 0, true), node("d", 5, 0, true)}), 1000);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 2);
    QCOMPARE(inserted.at(0).at(2).toInt(), 3);
    QCOMPARE(changed.count(), 1); // b's lag changed
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.index(3, 0).data().toString(), QStringLiteral("d"));
}

void TestReplicaNodesModel::fewerNodesAreRemoved()
{
    ReplicaNodesModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSample(sample({node("a", 10, 0, true), node("b", 20, 0, true), node("c", 30, 0, true)}), 1000);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setSample(sample({node("a", 10, 0, true)}), 1000);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.at(0).at(1).toInt(), 1);
    QCOMPARE(removed.at(0).at(2).toInt(), 2);
    QCOMPARE(model.rowCount(), 1);
}

void TestReplicaNodesModel::otherNodesResetTheModel()
{
    ReplicaNodesModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSample(sample({node("a", 10, 0, true), node("b", 20, 0, true)}), 1000);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.setSample(sample({node("x", 1, 0, true), node("y", 2, 0, true), node("z", 3, 0, true)}), 1000);
    QCOMPARE(reset.count(), 1);
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("x"));
}

void TestReplicaNodesModel::thresholdChangeRefreshesFlags()
{
    ReplicaNodesModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const ConsistencySample s = sample({node("a", 1500, 0, true), node("b", 20, 0, true)});
    model.setSample(s, 1000);
    QVERIFY(model.index(0, 0).data(ReplicaNodesModel::OverThresholdRole).toBool());
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setSample(s, 2000);
    QCOMPARE(changed.count(), 1);
    QVERIFY(!model.index(0, 0).data(ReplicaNodesModel::OverThresholdRole).toBool());
    QCOMPARE(model.lagThresholdMs(), 2000.0);
}

QTEST_GUILESS_MAIN(TestReplicaNodesModel)
#include "tst_replicanodesmodel.moc"
