#include "checkpointsmodel.h"
#include "eventstore.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QSignalSpy>
#include <QTest>

using namespace StateScope;

namespace {
constexpr TimeMs kT0 = 1767225600000; // 2026-01-01T00:00:00Z

void addCheckpoint(EventStore &store, const char *id, ExecutionIndex e, TimeMs at, const char *state,
                   CheckpointStatus status, bool recoverable, qint64 size)
{
    CheckpointInfo c;
    c.execution = e;
    c.timestamp = at;
    c.sizeBytes = size;
    c.status = status;
    c.recoverable = recoverable;
    store.addCheckpoint(id, "milestone", state, c);
}

// Two executions: the first with three checkpoints (added out of time order), the second with one.
void fill(EventStore &store)
{
    const quint32 w = store.ensureWorkflow("wf");
    const ExecutionIndex a = store.addExecution("exec-a", w, kT0, ExecutionStatus::Running);
    const ExecutionIndex b = store.addExecution("exec-b", w, kT0, ExecutionStatus::Running);
    addCheckpoint(store, "cp-2", a, kT0 + 2000, "approved", CheckpointStatus::Corrupted, true, 2048);
    addCheckpoint(store, "cp-1", a, kT0 + 1000, "validating", CheckpointStatus::Verified, true, 100);
    addCheckpoint(store, "cp-other", b, kT0, "received", CheckpointStatus::Verified, true, 10);
    addCheckpoint(store, "cp-3", a, kT0 + 3000, "packing", CheckpointStatus::Unverifiable, false, -1);
}
} // namespace

class TestCheckpointsModel : public QObject
{
    Q_OBJECT

private slots:
    void showsOneExecutionsCheckpointsOldestFirst();
    void rolesGiveRawValuesIdsAndColors();
    void otherExecutionAndClear();
};

void TestCheckpointsModel::showsOneExecutionsCheckpointsOldestFirst()
{
    EventStore store;
    fill(store);
    CheckpointsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), int(CheckpointsModel::ColumnCount));
    model.setExecution(store, store.findExecution("exec-a"));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0, CheckpointsModel::Time).data().toString(), QStringLiteral("2026-01-01T00:00:01.000Z"));
    QCOMPARE(model.index(0, CheckpointsModel::State).data().toString(), QStringLiteral("validating"));
    QCOMPARE(model.index(0, CheckpointsModel::Type).data().toString(), QStringLiteral("milestone"));
    QCOMPARE(model.index(0, CheckpointsModel::Checksum).data().toString(), QStringLiteral("verified"));
    QCOMPARE(model.index(0, CheckpointsModel::Recoverable).data().toString(), QStringLiteral("yes"));
    QCOMPARE(model.index(1, CheckpointsModel::State).data().toString(), QStringLiteral("approved"));
    QCOMPARE(model.index(1, CheckpointsModel::Checksum).data().toString(), QStringLiteral("corrupted"));
    QVERIFY(model.index(1, CheckpointsModel::Size).data().toString().contains(QLatin1String("2")));
    QCOMPARE(model.index(2, CheckpointsModel::Checksum).data().toString(), QStringLiteral("unverifiable"));
    QCOMPARE(model.index(2, CheckpointsModel::Size).data().toString(), QStringLiteral("unknown"));
    QCOMPARE(model.index(2, CheckpointsModel::Recoverable).data().toString(), QStringLiteral("no"));
    QCOMPARE(model.headerData(CheckpointsModel::Checksum, Qt::Horizontal).toString(), QStringLiteral("Checksum"));
    QCOMPARE(model.rowOf(QStringLiteral("cp-3")), 2);
    QCOMPARE(model.rowOf(QStringLiteral("cp-other")), -1);
}

void TestCheckpointsModel::rolesGiveRawValuesIdsAndColors()
{
    EventStore store;
    fill(store);
    CheckpointsModel model;
    model.setExecution(store, store.findExecution("exec-a"));
    QCOMPARE(model.index(0, CheckpointsModel::Time).data(CheckpointsModel::SortRole).toLongLong(), kT0 + 1000);
    QCOMPARE(model.index(1, CheckpointsModel::Size).data(CheckpointsModel::SortRole).toLongLong(), 2048);
    QCOMPARE(model.index(2, CheckpointsModel::Size).data(CheckpointsModel::SortRole).toLongLong(), -1);
    QCOMPARE(model.index(0, CheckpointsModel::Recoverable).data(CheckpointsModel::SortRole).toInt(), 1);
    for (int column = 0; column < CheckpointsModel::ColumnCount; ++column)
        QCOMPARE(model.index(1, column).data(CheckpointsModel::CheckpointIdRole).toString(), QStringLiteral("cp-2"));
    // The checksum cell has the status color: green, vermillion, grey.
    QCOMPARE(model.index(0, CheckpointsModel::Checksum).data(Qt::ForegroundRole).value<QColor>(), QColor(0x00, 0x9e, 0x73));
    QCOMPARE(model.index(1, CheckpointsModel::Checksum).data(Qt::ForegroundRole).value<QColor>(), QColor(0xd5, 0x5e, 0x00));
    QCOMPARE(model.index(2, CheckpointsModel::Checksum).data(Qt::ForegroundRole).value<QColor>(), QColor(0x80, 0x80, 0x80));
    QVERIFY(!model.index(0, CheckpointsModel::State).data(Qt::ForegroundRole).isValid());
}

void TestCheckpointsModel::otherExecutionAndClear()
{
    EventStore store;
    fill(store);
    CheckpointsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    model.setExecution(store, store.findExecution("exec-b"));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, 0).data(CheckpointsModel::CheckpointIdRole).toString(), QStringLiteral("cp-other"));
    model.setExecution(store, kNoIndex);
    QCOMPARE(model.rowCount(), 0);
    model.setExecution(store, store.findExecution("exec-a"));
    QCOMPARE(model.rowCount(), 3);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(resets.count(), 4);
}

QTEST_GUILESS_MAIN(TestCheckpointsModel)
#include "tst_checkpointsmodel.moc"
