// BARS R4 in the dashboard: the loaded database goes away and comes back. Meanwhile the data
// stays on screen, marked stale with the time of its last confirmation, and the session keeps
// retrying; a change made meanwhile is offered as a reload. A real SQLite file, and a real
// PostgreSQL server reached through a TCP relay whose network is cut.
#include "dashboardsession.h"
#include "eventstore.h"
#include "pgtestdatabase.h"
#include "recoveryfixture.h"
#include "tcprelay.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace StateScope;

class TestSourceHealth : public QObject
{
    Q_OBJECT

private slots:
    void sqliteGoesAwayAndComesBack();
    void postgresServerUnreachable();

private:
    // Opens `source` in a session that probes it every 200 ms; false when the load failed.
    static bool open(DashboardSession &session, const QString &source)
    {
        session.setSourceMonitorOptions({200, 100, 400});
        QSignalSpy loaded(&session, &DashboardSession::loadFinished);
        session.openSource(source);
        return loaded.wait(20000) && loaded.first().first().toBool();
    }
    static QString status(const DashboardSession &session)
    {
        return session.sources().empty() ? QString() : session.sources().front().status;
    }
};

void TestSourceHealth::sqliteGoesAwayAndComesBack()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("state.sqlite"));
    RecoveryFixture fixture;
    QVERIFY2(fixture.create(path), qPrintable(fixture.error()));
    DashboardSession session;
    QVERIFY(open(session, path));
    QCOMPARE(status(session), QStringLiteral("loaded"));
    const quint32 transitionsLoaded = session.store().transitionCount();
    // The monitor's baseline is taken beside the load, on its own thread: a change is only a
    // change once the baseline exists (a slow machine may take it after the load).
    QTRY_VERIFY_WITH_TIMEOUT(session.offlineHealth().confirmedAtMs >= 0, 10000);

    QVERIFY2(fixture.moveOn(), qPrintable(fixture.error())); // the engine writes on
    QTRY_VERIFY_WITH_TIMEOUT(status(session).contains(QLatin1String("changed since")), 5000);
    QVERIFY(!session.sources().front().problem);
    QCOMPARE(session.store().transitionCount(), transitionsLoaded); // nothing reloaded behind the user's back

    const QString moved = dir.filePath(QStringLiteral("elsewhere.sqlite"));
    QVERIFY(QFile::rename(path, moved));
    QTRY_VERIFY_WITH_TIMEOUT(!session.offlineHealth().reachable, 5000);
    QVERIFY2(status(session).startsWith(QLatin1String("unreachable since")), qPrintable(status(session)));
    QVERIFY(status(session).contains(QLatin1String("the file is gone")));
    QVERIFY(status(session).contains(QLatin1String("showing data as of")));
    QVERIFY(session.sources().front().problem);
    QVERIFY(session.hasData()); // the data stays on screen, marked stale
    QCOMPARE(session.store().transitionCount(), transitionsLoaded);
    QTRY_VERIFY_WITH_TIMEOUT(session.offlineHealth().attempts >= 3, 5000); // and is retried

    QVERIFY(QFile::rename(moved, path));
    QTRY_VERIFY_WITH_TIMEOUT(session.offlineHealth().reachable, 5000);
    QVERIFY(status(session).contains(QLatin1String("changed since")));

    QSignalSpy loaded(&session, &DashboardSession::loadFinished);
    session.reloadSource();
    QVERIFY(loaded.wait(20000));
    QCOMPARE(session.store().transitionCount(), transitionsLoaded + 1);
    QTRY_COMPARE_WITH_TIMEOUT(status(session), QStringLiteral("loaded"), 5000);
}

void TestSourceHealth::postgresServerUnreachable()
{
    STATESCOPE_REQUIRE_PG_DATABASE(pg);
    RecoveryFixture fixture;
    QVERIFY2(fixture.create(pg.url()), qPrintable(fixture.error()));
    QUrl url(pg.url());
    TcpRelay relay(quint16(url.port(5432)));
    QVERIFY(relay.listen());
    url.setPort(relay.port());

    DashboardSession session;
    QVERIFY(open(session, url.toString()));
    QCOMPARE(status(session), QStringLiteral("loaded"));
    relay.cut(); // the server is gone: killed, or the network between
    QTRY_VERIFY_WITH_TIMEOUT(!session.offlineHealth().reachable, 10000);
    QVERIFY2(status(session).startsWith(QLatin1String("unreachable since")), qPrintable(status(session)));
    QVERIFY(session.hasData());
    QTRY_VERIFY_WITH_TIMEOUT(session.offlineHealth().attempts >= 2, 10000);

    QVERIFY(relay.restore());
    QTRY_VERIFY_WITH_TIMEOUT(session.offlineHealth().reachable, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(status(session), QStringLiteral("loaded"), 5000); // nothing changed meanwhile
}

QTEST_MAIN(TestSourceHealth)
#include "tst_sourcehealth.moc"
