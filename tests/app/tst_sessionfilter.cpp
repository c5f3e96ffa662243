// The dashboard reading part of a PostgreSQL source (--workflow/--from/--to): the server keeps
// what the selection cannot touch, the status says what was read, Reload reads the same part,
// and the command line refuses the options for sources that are read whole.
#include "dashboardsession.h"
#include "eventstore.h"
#include "pgconnection.h"
#include "pgtestdatabase.h"
#include "sampledatabase.h"
#include "schemainstaller.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTest>

using namespace StateScope;

class TestSessionFilter : public QObject
{
    Q_OBJECT

private slots:
    void readsOnlyTheWorkflow();
    void commandLineRefusesOtherSources();

private:
    static bool open(DashboardSession &session, const QString &source, const SourceFilter &filter)
    {
        QSignalSpy loaded(&session, &DashboardSession::loadFinished);
        session.openSource(source, {}, filter);
        return loaded.wait(20000) && loaded.first().first().toBool();
    }
};

void TestSessionFilter::readsOnlyTheWorkflow()
{
    STATESCOPE_REQUIRE_PG_DATABASE(pg);
    {
        QString error;
        auto c = PgConnection::open(pg.url(), false, &error);
        QVERIFY2(c && installSchema(*c, &error), qPrintable(error));
        SampleDatabaseOptions options;
        options.executions = 300;
        QVERIFY(writeSampleDatabase(*c, options).error.isEmpty());
    }
    DashboardSession whole;
    QVERIFY(open(whole, pg.url(), {}));
    const quint32 allExecutions = whole.store().executionCount();

    DashboardSession session;
    SourceFilter filter;
    filter.workflow = QStringLiteral("order-processing");
    QVERIFY(open(session, pg.url(), filter));
    const EventStore &store = session.store();
    QVERIFY(store.executionCount() > 0);
    QVERIFY(store.executionCount() < allExecutions);
    const quint32 w = store.workflowForIdOrName(filter.workflow);
    QVERIFY(w != kNoIndex);
    for (ExecutionIndex e = 0; e < store.executionCount(); ++e)
        QCOMPARE(store.executionWorkflow(e), w);
    const QString status = session.sources().front().status;
    QVERIFY2(status.contains(QLatin1String("workflow order-processing only")), qPrintable(status));

    const quint32 partExecutions = store.executionCount();
    QSignalSpy loaded(&session, &DashboardSession::loadFinished);
    session.reloadSource();
    QVERIFY(loaded.wait(20000));
    QCOMPARE(session.store().executionCount(), partExecutions); // Reload read the same part
}

void TestSessionFilter::commandLineRefusesOtherSources()
{
    QProcess p;
    p.setProcessEnvironment([] {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        return env;
    }());
    p.start(QStringLiteral(STATESCOPE_BINARY), {QStringLiteral("/tmp/any.sqlite"), QStringLiteral("--workflow"), QStringLiteral("x")});
    QVERIFY(p.waitForFinished(20000));
    QCOMPARE(p.exitCode(), 2);
    QVERIFY2(p.readAllStandardError().contains("read whole"), "the message names the problem");
    p.start(QStringLiteral(STATESCOPE_BINARY), {QStringLiteral("postgresql://u@h/db"), QStringLiteral("--from"), QStringLiteral("yesterday")});
    QVERIFY(p.waitForFinished(20000));
    QCOMPARE(p.exitCode(), 2);
    QVERIFY(p.readAllStandardError().contains("--from: \"yesterday\" is not a time"));
}

QTEST_MAIN(TestSessionFilter)
#include "tst_sessionfilter.moc"
