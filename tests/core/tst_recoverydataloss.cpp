// RecoveryDataLoss::summarize: the figures of state_recovery_log.data_loss as StateScope and
// other engines write it. Anything that is not a count stays unknown (-1) and never fails.
#include "recoverydataloss.h"

#include <QTest>

using namespace StateScope;

class TestRecoveryDataLoss : public QObject
{
    Q_OBJECT

private slots:
    void summarize_data();
    void summarize();
    void summarizesItsOwnDocument();
};

void TestRecoveryDataLoss::summarize_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("known");
    QTest::addColumn<qint64>("transitions");
    QTest::addColumn<qint64>("variables");

    QTest::newRow("StateScope's document") << QByteArray(
        R"({"transitionsRolledBack":2,"transitions":[{"from":"a","to":"b","timestamp":"2026-01-01T00:00:01.000Z"},)"
        R"({"from":"b","to":"c","timestamp":null}],"variables":[{"key":"x","change":"changed","current":2,"checkpoint":1},)"
        R"({"key":"y","change":"removed","current":"q"},{"key":"z","change":"restored","checkpoint":[1]}]})")
                                           << true << qint64(2) << qint64(3);
    QTest::newRow("nothing lost") << QByteArray(R"({"transitionsRolledBack":0,"variables":[]})") << true << qint64(0)
                                  << qint64(0);
    QTest::newRow("count only (sample databases)")
        << QByteArray(R"({"transitionsRolledBack":5})") << true << qint64(5) << qint64(-1);
    QTest::newRow("lists only") << QByteArray(R"({"transitions":[{},{}],"variables":[{"key":"a"}]})") << true
                                << qint64(2) << qint64(1);
    QTest::newRow("count beats a capped list")
        << QByteArray(R"({"transitionsRolledBack":1500,"transitions":[{}]})") << true << qint64(1500) << qint64(-1);
    QTest::newRow("variablesChanged count")
        << QByteArray(R"({"transitionsRolledBack":1,"variablesChanged":7})") << true << qint64(1) << qint64(7);
    QTest::newRow("JSONB prints a whole number with a fraction")
        << QByteArray(R"({"transitionsRolledBack": 3.0, "variables": []})") << true << qint64(3) << qint64(0);
    QTest::newRow("whitespace around") << QByteArray(" \n {\"variables\":[{}]}\n") << true << qint64(-1) << qint64(1);
    QTest::newRow("negative count") << QByteArray(R"({"transitionsRolledBack":-1})") << false << qint64(-1)
                                    << qint64(-1);
    QTest::newRow("fractional count") << QByteArray(R"({"transitionsRolledBack":2.5})") << false << qint64(-1)
                                      << qint64(-1);
    QTest::newRow("count as a string") << QByteArray(R"({"transitionsRolledBack":"3","variables":"many"})") << false
                                       << qint64(-1) << qint64(-1);
    QTest::newRow("other keys") << QByteArray(R"({"lostBytes":100,"records":4})") << false << qint64(-1) << qint64(-1);
    QTest::newRow("empty object") << QByteArray("{}") << false << qint64(-1) << qint64(-1);
    QTest::newRow("empty") << QByteArray() << false << qint64(-1) << qint64(-1);
    QTest::newRow("JSON null") << QByteArray("null") << false << qint64(-1) << qint64(-1);
    QTest::newRow("bare number") << QByteArray("12") << false << qint64(-1) << qint64(-1);
    QTest::newRow("array of ids") << QByteArray(R"(["t-1","t-2"])") << false << qint64(-1) << qint64(-1);
    QTest::newRow("string") << QByteArray(R"("some data")") << false << qint64(-1) << qint64(-1);
    QTest::newRow("invalid JSON") << QByteArray(R"({"transitionsRolledBack":)") << false << qint64(-1) << qint64(-1);
}

void TestRecoveryDataLoss::summarize()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, known);
    QFETCH(qint64, transitions);
    QFETCH(qint64, variables);
    qint64 t = 99, v = 99;
    QCOMPARE(RecoveryDataLoss::summarize(json, &t, &v), known);
    QCOMPARE(t, transitions);
    QCOMPARE(v, variables);
}

// What the recovery executor and the simulated engine write reads back exactly, also when the
// transition list is cut at kMaxListedTransitions.
void TestRecoveryDataLoss::summarizesItsOwnDocument()
{
    RecoveryDataLoss loss;
    loss.transitionsRolledBack = qint64(RecoveryDataLoss::kMaxListedTransitions) + 200;
    for (qint64 i = 0; i < loss.transitionsRolledBack; ++i)
        loss.transitions.push_back({QStringLiteral("a"), QStringLiteral("b"), 1000 * i});
    loss.variables = RecoveryDataLoss::diffVariables(R"({"a":1,"b":2,"c":3})", R"({"a":1,"b":5,"d":4})");
    QCOMPARE(loss.variables.size(), size_t(3)); // b changed, c removed, d restored
    qint64 t = 0, v = 0;
    QVERIFY(RecoveryDataLoss::summarize(loss.toJson(), &t, &v));
    QCOMPARE(t, qint64(1200));
    QCOMPARE(v, qint64(3));

    RecoveryDataLoss none;
    QVERIFY(RecoveryDataLoss::summarize(none.toJson(), &t, &v));
    QCOMPARE(t, qint64(0));
    QCOMPARE(v, qint64(0));
}

QTEST_GUILESS_MAIN(TestRecoveryDataLoss)
#include "tst_recoverydataloss.moc"
