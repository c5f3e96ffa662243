// The workflow and time window of `analyze` pushed down to PostgreSQL (SqlPushdown): reading
// only the executions a selection can touch must give the same report as reading everything
// and selecting in memory, on a real server.
#include "analyzer.h"
#include "eventstore.h"
#include "pgconnection.h"
#include "pgtestdatabase.h"
#include "reportjson.h"
#include "sampledatabase.h"
#include "schemainstaller.h"
#include "storeloader.h"

#include <QJsonDocument>
#include <QTest>

#include <memory>

using namespace StateScope;

class TestPgPushdown : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void sameReportAsInMemory_data();
    void sameReportAsInMemory();

private:
    static QByteArray report(const EventStore &store, const SourceFilter &filter);
    std::unique_ptr<PgTestDatabase> m_pg;
    std::shared_ptr<EventStore> m_full;
    TimeMs m_first = 0;
    TimeMs m_last = 0;
    TimeMs m_subMillisecond = 0; // a transition stored at this ms + 0.9 ms
};

void TestPgPushdown::initTestCase()
{
    m_pg = std::make_unique<PgTestDatabase>();
    if (!m_pg->isValid()) {
        if (PgTestDatabase::required())
            QFAIL(qPrintable(m_pg->unavailableReason()));
        QSKIP(qPrintable(m_pg->unavailableReason()));
    }
    QString error;
    auto c = PgConnection::open(m_pg->url(), false, &error);
    QVERIFY2(c && installSchema(*c, &error), qPrintable(error));
    SampleDatabaseOptions options;
    options.executions = 1500;
    options.seed = 5;
    QVERIFY(writeSampleDatabase(*c, options).error.isEmpty());
    // One row with sub-millisecond precision, as engines writing timestamptz produce: it reads
    // as its millisecond, and a window ending at that millisecond must still hold it.
    auto q = c->prepare("UPDATE state_transitions SET timestamp = timestamp + interval '900 microseconds' "
                        "WHERE id = (SELECT id FROM state_transitions ORDER BY timestamp OFFSET 2000 LIMIT 1) "
                        "RETURNING floor(extract(epoch from timestamp) * 1000)::int8", &error);
    QVERIFY2(q && q->next(), qPrintable(q ? q->error() : error));
    m_subMillisecond = q->int64(0);
    q.reset();

    LoadResult load;
    m_full = loadDatabaseSource(m_pg->url(), &load);
    QVERIFY2(m_full, qPrintable(load.error));
    QCOMPARE(load.issueCount, quint64(0));
    m_first = m_full->transitionTime(0);
    m_last = m_first;
    for (quint32 t = 0; t < m_full->transitionCount(); ++t) {
        m_first = std::min(m_first, m_full->transitionTime(t));
        m_last = std::max(m_last, m_full->transitionTime(t));
    }
    QVERIFY(m_last - m_first > 60000);
}

QByteArray TestPgPushdown::report(const EventStore &store, const SourceFilter &filter)
{
    AnalysisOptions options;
    options.sourceLabel = QStringLiteral("x");
    options.selection.from = filter.from;
    options.selection.to = filter.to;
    if (!filter.workflow.isEmpty()) {
        const quint32 w = store.workflowForIdOrName(filter.workflow);
        if (w == kNoIndex)
            return "no such workflow";
        options.selection.workflows.assign(store.workflows().size(), false);
        options.selection.workflows[w] = true;
    }
    return QJsonDocument(reportToJson(analyze(store, options))).toJson();
}

void TestPgPushdown::sameReportAsInMemory_data()
{
    QTest::addColumn<QString>("workflow");
    QTest::addColumn<double>("fromShare"); // of the data's time span; < 0 = open
    QTest::addColumn<double>("toShare");
    QTest::newRow("workflow by name") << "order-processing" << -1.0 << -1.0;
    QTest::newRow("window in the middle") << QString() << 0.4 << 0.6;
    QTest::newRow("window open at the start") << QString() << -1.0 << 0.3;
    QTest::newRow("window open at the end") << QString() << 0.8 << -1.0;
    QTest::newRow("workflow and window") << "invoice-approval" << 0.2 << 0.5;
    QTest::newRow("window with nothing in it") << QString() << 2.0 << 3.0;
    QTest::newRow("window ending at a sub-millisecond row") << QString() << 0.0 << -2.0;
}

void TestPgPushdown::sameReportAsInMemory()
{
    QFETCH(QString, workflow);
    QFETCH(double, fromShare);
    QFETCH(double, toShare);
    auto at = [this](double share) -> TimeMs {
        if (share == -2.0)
            return m_subMillisecond;
        return share < 0 ? kUnknownTime : m_first + TimeMs(double(m_last - m_first) * share);
    };
    SourceFilter filter;
    filter.workflow = workflow;
    filter.from = at(fromShare);
    filter.to = at(toShare);
    if (filter.to == m_subMillisecond)
        filter.from = m_subMillisecond - 1000;

    LoadResult load;
    const auto pushed = loadDatabaseSource(m_pg->url(), &load, {}, nullptr, filter);
    QVERIFY2(pushed, qPrintable(load.error));
    QCOMPARE(load.issueCount, quint64(0)); // no transition without its execution, no orphans
    QVERIFY2(pushed->transitionCount() < m_full->transitionCount(), "the server left nothing out");
    QVERIFY(pushed->executionCount() < m_full->executionCount());

    const QByteArray expected = report(*m_full, filter);
    const QByteArray actual = report(*pushed, filter);
    if (actual != expected) {
        const QList<QByteArray> a = actual.split('\n'), e = expected.split('\n');
        for (qsizetype i = 0; i < std::min(a.size(), e.size()); ++i) {
            if (a[i] != e[i])
                QFAIL(qPrintable(QStringLiteral("line %1: pushed down %2, in memory %3")
                                     .arg(i + 1).arg(QString::fromUtf8(a[i]), QString::fromUtf8(e[i]))));
        }
        QCOMPARE(a.size(), e.size());
    }
    if (filter.to == m_subMillisecond)
        QVERIFY(pushed->transitionCount() > 0);
}

QTEST_GUILESS_MAIN(TestPgPushdown)
#include "tst_pgpushdown.moc"
