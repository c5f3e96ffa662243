// A CSV log with column names StateScope does not know: the session says so with the header,
// the mapping dialog gates its choices, and the log loads with the mapping (and reloads with it).
#include "csvmappingdialog.h"
#include "dashboardsession.h"
#include "eventstore.h"

#include <QComboBox>
#include <QFile>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace StateScope;

class TestCsvMapping : public QObject
{
    Q_OBJECT

private slots:
    void unknownColumnsAreMappedByTheUser();
    void dialogGatesItsChoices();
};

void TestCsvMapping::unknownColumnsAreMappedByTheUser()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("export.csv"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("when,ticket,step\n"
            "2026-01-01T00:00:00Z,T1,open\n"
            "2026-01-01T00:01:00Z,T1,triage\n"
            "2026-01-01T00:00:30Z,T2,open\n"
            "2026-01-01T00:05:00Z,T1,closed\n");
    f.close();

    DashboardSession session;
    QSignalSpy mapping(&session, &DashboardSession::columnMappingNeeded);
    QSignalSpy loaded(&session, &DashboardSession::loadFinished);
    session.openSource(path);
    QVERIFY(loaded.wait(10000));
    QCOMPARE(loaded.first().first().toBool(), false);
    QCOMPARE(mapping.count(), 1);
    QCOMPARE(mapping.first().at(0).toString(), path);
    QCOMPARE(mapping.first().at(1).toStringList(), (QStringList{QStringLiteral("when"), QStringLiteral("ticket"), QStringLiteral("step")}));
    QVERIFY(mapping.first().at(2).toString().contains(QLatin1String("no case id column")));

    CsvColumns columns;
    columns.caseColumn = 1;
    columns.stateColumn = 2;
    columns.timeColumn = 0;
    loaded.clear();
    session.openSource(path, columns);
    QVERIFY(loaded.wait(10000));
    QVERIFY2(loaded.first().first().toBool(), qPrintable(loaded.first().at(1).toString()));
    QCOMPARE(session.store().executionCount(), quint32(2));
    QCOMPARE(session.store().transitionCount(), quint32(2)); // T1: open -> triage -> closed
    const ExecutionIndex t1 = session.store().findExecution("T1");
    QCOMPARE(session.store().stateName(session.store().transitionTo(session.store().lastTransitionOf(t1))), QStringLiteral("closed"));

    // A reload keeps the mapping.
    loaded.clear();
    session.reloadSource();
    QVERIFY(loaded.wait(10000));
    QVERIFY(loaded.first().first().toBool());
    QCOMPARE(session.store().transitionCount(), quint32(2));
    QCOMPARE(mapping.count(), 1);
}

void TestCsvMapping::dialogGatesItsChoices()
{
    CsvMappingDialog dialog(QStringLiteral("/tmp/export.csv"), {QStringLiteral("when"), QStringLiteral("ticket"), QStringLiteral("step")},
                            QStringLiteral("export.csv: no case id column"));
    auto *ok = dialog.findChild<QPushButton *>();
    QPushButton *load = nullptr;
    for (QPushButton *b : dialog.findChildren<QPushButton *>())
        if (b->text() == QLatin1String("Load"))
            load = b;
    QVERIFY(ok && load);
    QVERIFY(!dialog.acceptable());
    QVERIFY(!load->isEnabled());
    dialog.choose(0, 1);
    dialog.choose(1, 2);
    QVERIFY(!load->isEnabled()); // no timestamp yet
    dialog.choose(2, 2);
    QVERIFY(!load->isEnabled()); // step for two roles
    dialog.choose(2, 0);
    QVERIFY(load->isEnabled());
    const CsvColumns c = dialog.columns();
    QCOMPARE(c.caseColumn, 1);
    QCOMPARE(c.stateColumn, 2);
    QCOMPARE(c.timeColumn, 0);
}

QTEST_MAIN(TestCsvMapping)
#include "tst_csvmapping.moc"
