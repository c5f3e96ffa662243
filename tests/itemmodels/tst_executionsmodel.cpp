// The execution browser's model: filters, newest first, the row cap, QAbstractItemModelTester.
#include "eventstore.h"
#include "executionsmodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace StateScope;

class TestExecutionsModel : public QObject
{
    Q_OBJECT

private slots:
    void filters_data();
    void filters();
    void newestFirstAndCapped();
    void liveAppendsAfterRefresh();

private:
    static EventStore makeStore(int executions);
};

// exec-i: received → processing (→ done for even i, completed); started at i seconds.
EventStore TestExecutionsModel::makeStore(int executions)
{
    EventStore store;
    const quint32 w = store.ensureWorkflow("orders");
    const StateId received = store.internState("received");
    const StateId processing = store.internState("processing");
    const StateId done = store.internState("done");
    for (int i = 0; i < executions; ++i) {
        const TimeMs start = TimeMs(i) * 1000;
        const ExecutionIndex e = store.addExecution(QByteArray("exec-" + QByteArray::number(i)), w, start, ExecutionStatus::Running);
        store.appendTransition(e, received, processing, start + 100, TransitionType::Normal);
        if (i % 2 == 0) {
            store.appendTransition(e, processing, done, start + 500, TransitionType::Normal);
            store.setExecutionStatus(e, ExecutionStatus::Completed);
        }
    }
    return store;
}

void TestExecutionsModel::filters_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("state");
    QTest::addColumn<int>("status");
    QTest::addColumn<qint64>("from");
    QTest::addColumn<qint64>("to");
    QTest::addColumn<int>("expected");
    const qint64 none = kUnknownTime;
    QTest::newRow("everything") << QString() << QString() << int(ExecutionStatus::Unknown) << none << none << 20;
    QTest::newRow("id substring, any case") << QStringLiteral("EXEC-1") << QString() << int(ExecutionStatus::Unknown) << none << none << 11;
    QTest::newRow("current state") << QString() << QStringLiteral("processing") << int(ExecutionStatus::Unknown) << none << none << 10;
    QTest::newRow("unknown state") << QString() << QStringLiteral("nowhere") << int(ExecutionStatus::Unknown) << none << none << 0;
    QTest::newRow("completed") << QString() << QString() << int(ExecutionStatus::Completed) << none << none << 10;
    // exec-6 (done at 6.5 s), exec-5 and exec-7 (started in the window) and exec-1, exec-3 (still running).
    QTest::newRow("active in 5..7 s") << QString() << QString() << int(ExecutionStatus::Unknown) << qint64(5000) << qint64(7000) << 5;
    QTest::newRow("state and id") << QStringLiteral("exec-1") << QStringLiteral("done") << int(ExecutionStatus::Unknown) << none << none << 5;
}

void TestExecutionsModel::filters()
{
    QFETCH(QString, id);
    QFETCH(QString, state);
    QFETCH(int, status);
    QFETCH(qint64, from);
    QFETCH(qint64, to);
    QFETCH(int, expected);
    const EventStore store = makeStore(20);
    ExecutionsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setStore(&store);
    ExecutionFilter filter;
    filter.idContains = id;
    filter.state = state;
    filter.status = ExecutionStatus(status);
    filter.activeFrom = from;
    filter.activeTo = to;
    model.setFilter(filter);
    QCOMPARE(model.rowCount(), expected);
    QCOMPARE(model.matchCount(), quint64(expected));
    for (int row = 0; row < model.rowCount(); ++row) {
        const QString execution = model.index(row, ExecutionsModel::Id).data().toString();
        QVERIFY(execution.contains(id, Qt::CaseInsensitive));
        if (!state.isEmpty())
            QCOMPARE(model.index(row, ExecutionsModel::State).data().toString(), state);
    }
}

void TestExecutionsModel::newestFirstAndCapped()
{
    const EventStore store = makeStore(ExecutionsModel::kMaxRows + 100);
    ExecutionsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setStore(&store);
    QCOMPARE(model.rowCount(), ExecutionsModel::kMaxRows);
    QCOMPARE(model.matchCount(), quint64(ExecutionsModel::kMaxRows + 100));
    QCOMPARE(model.index(0, ExecutionsModel::Id).data().toString(), QStringLiteral("exec-%1").arg(ExecutionsModel::kMaxRows + 99));
    QCOMPARE(model.index(0, ExecutionsModel::Transitions).data(ExecutionsModel::SortRole).toInt(), 1); // odd: still processing
    QCOMPARE(model.index(1, ExecutionsModel::Status).data().toString(), executionStatusName(ExecutionStatus::Completed));
    QCOMPARE(model.index(1, ExecutionsModel::State).data().toString(), QStringLiteral("done"));
}

void TestExecutionsModel::liveAppendsAfterRefresh()
{
    EventStore store = makeStore(3);
    ExecutionsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setStore(&store);
    QCOMPARE(model.rowCount(), 3);
    const ExecutionIndex e = store.addExecution("exec-new", 0, 10000, ExecutionStatus::Running);
    model.refresh();
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.rowOf(e), 0);
    QCOMPARE(model.index(0, ExecutionsModel::State).data().toString(), QString());
}

QTEST_GUILESS_MAIN(TestExecutionsModel)
#include "tst_executionsmodel.moc"
