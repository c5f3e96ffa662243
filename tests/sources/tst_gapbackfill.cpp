// Filling a feed gap from the state database: exactly the transitions strictly inside it.
#include "gapbackfill.h"
#include "pgconnection.h"
#include "pgtestdatabase.h"
#include "schemainstaller.h"
#include "sqliteconnection.h"
#include "statedatabasewriter.h"

#include <QTemporaryDir>
#include <QTest>

using namespace StateScope;

class TestGapBackfill : public QObject
{
    Q_OBJECT

private slots:
    void sqlite();
    void postgres();

private:
    static void fill(SqlConnection &c);
    static void check(SqlConnection &c, bool integerRow);
};

static const TimeMs kBase = 1767225600000; // 2026-01-01T00:00:00Z

void TestGapBackfill::fill(SqlConnection &c)
{
    QString error;
    QVERIFY2(installSchema(c, &error), qPrintable(error));
    StateDatabaseWriter w(c);
    QVERIFY2(w.prepare(&error), qPrintable(error));
    QVERIFY(w.insertWorkflow("00000000-0000-4000-8000-000000000001", "wf", {}, kBase));
    QVERIFY(w.insertExecution("00000000-0000-4000-8000-0000000000e1", "00000000-0000-4000-8000-000000000001", "running", kBase, kUnknownTime));
    QVERIFY(w.insertWorkflowState("00000000-0000-4000-8000-0000000000a1", "00000000-0000-4000-8000-000000000001",
                                  "00000000-0000-4000-8000-0000000000e1", 1, R"({"stateName":"a"})", {}, kBase, kBase));
    // Transitions at +1000, +1500, +2000 (ms after base), +2999, +3000.
    const TimeMs offsets[] = {1000, 1500, 2000, 2999, 3000};
    int n = 0;
    for (TimeMs offset : offsets) {
        const QByteArray id = QByteArray("00000000-0000-4000-8000-00000000010") + QByteArray::number(n);
        QVERIFY(w.insertTransition(id, "00000000-0000-4000-8000-0000000000a1", QByteArray("tr-" + QByteArray::number(n)),
                                   QByteArray("s" + QByteArray::number(n)), QByteArray("s" + QByteArray::number(n + 1)),
                                   n == 2 ? "retry" : "normal", kBase + offset, -1));
        ++n;
    }
}

void TestGapBackfill::check(SqlConnection &c, bool integerRow)
{
    std::vector<FeedEvent> events;
    QString error;
    // The gap lies between the events at +1000 and +3000, which the feed delivered.
    QVERIFY2(GapBackfill(c).read(kBase + 1000, kBase + 3000, &events, &error), qPrintable(error));
    QStringList ids;
    for (const FeedEvent &e : events)
        ids.append(QString::fromUtf8(e.transitionId));
    QStringList expected{QStringLiteral("tr-1"), QStringLiteral("tr-2"), QStringLiteral("tr-3")};
    if (integerRow)
        expected.insert(2, QStringLiteral("tr-int")); // +2500, written as epoch ms by another engine
    QCOMPARE(ids, expected);
    QCOMPARE(events.front().time, kBase + 1500);
    QCOMPARE(events.front().executionId, QByteArray("00000000-0000-4000-8000-0000000000e1"));
    QCOMPARE(events.front().workflowId, QByteArray("00000000-0000-4000-8000-000000000001"));
    QCOMPARE(events.front().fromState, QByteArray("s1"));
    QCOMPARE(events[1].transitionType, TransitionType::Retry);
    // Empty and unknown ranges give nothing, not an error.
    events.clear();
    QVERIFY(GapBackfill(c).read(kBase + 3000, kBase + 3001, &events, &error));
    QVERIFY(events.empty());
    QVERIFY(GapBackfill(c).read(kUnknownTime, kBase, &events, &error));
    QVERIFY(events.empty());
}

void TestGapBackfill::sqlite()
{
    QTemporaryDir dir;
    QString error;
    auto c = SqliteConnection::open(dir.filePath(QStringLiteral("gap.sqlite")), false, true, &error);
    QVERIFY(c);
    fill(*c);
    QVERIFY(c->execScript("INSERT INTO state_transitions (id, workflow_state_id, transition_id, from_state, to_state, "
                          "transition_type, timestamp, trigger) VALUES ('x', '00000000-0000-4000-8000-0000000000a1', "
                          "'tr-int', 'p', 'q', 'normal', 1767225602500, '{}')", &error));
    check(*c, true);
}

void TestGapBackfill::postgres()
{
    STATESCOPE_REQUIRE_PG_DATABASE(pg);
    QString error;
    auto c = PgConnection::open(pg.url(), false, &error);
    QVERIFY2(c, qPrintable(error));
    fill(*c);
    check(*c, false);
}

QTEST_GUILESS_MAIN(TestGapBackfill)
#include "tst_gapbackfill.moc"
