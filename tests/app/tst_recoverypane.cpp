#include "analysisreport.h"
#include "checkpointsmodel.h"
#include "dashboardsession.h"
#include "eventstore.h"
#include "mainwindow.h"
#include "recoveryfixture.h"
#include "recoverydialog.h"
#include "recoveryhistorychart.h"
#include "recoverypane.h"
#include "sourcespane.h"

#include <QBarSet>
#include <QCheckBox>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedBarSeries>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <limits>

using namespace StateScope;

// The Recovery pane and dialog against a real SQLite state database (RecoveryFixture): the
// checkpoints of the selected execution, engineer mode gating, the preview, the confirmation
// gating, a recovery through the worker and what it wrote, and a refused (corrupted) checkpoint.
// The recovery history: an engine's earlier recoveries of the other execution of the workflow
// (one with StateScope's data_loss document, a failed one, one with a bare number) and the new
// one, in the workflow's figures, the data lost and the chart.
// Set STATESCOPE_SCREENSHOT_DIR to keep PNGs of the pane and the dialog.
class TestRecoveryPane : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void recoversToVerifiedCheckpoint();
    void predictsOutcomeFromCheckpointState();

private:
    // Sum of each bar set of the pane's chart: succeeded, failed, outcome unknown.
    static QList<qreal> chartTotals(RecoveryPane &pane);
    template<typename T>
    static T *byName(QWidget &parent, const QString &accessibleName);
    static void screenshot(QWidget &widget, const char *name);
};

void TestRecoveryPane::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

template<typename T>
T *TestRecoveryPane::byName(QWidget &parent, const QString &accessibleName)
{
    for (T *w : parent.findChildren<T *>()) {
        if (w->accessibleName() == accessibleName)
            return w;
    }
    return nullptr;
}

void TestRecoveryPane::screenshot(QWidget &widget, const char *name)
{
    const QString dir = qEnvironmentVariable("STATESCOPE_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        QVERIFY(widget.grab().save(dir + QLatin1Char('/') + QLatin1String(name)));
}

QList<qreal> TestRecoveryPane::chartTotals(RecoveryPane &pane)
{
    QList<qreal> totals;
    auto *chart = pane.findChild<RecoveryHistoryChart *>();
    auto *series = chart ? qobject_cast<QStackedBarSeries *>(chart->chart()->series().value(0)) : nullptr;
    if (!series)
        return totals;
    for (const QBarSet *set : series->barSets()) {
        qreal sum = 0;
        for (int i = 0; i < set->count(); ++i)
            sum += set->at(i);
        totals.append(sum);
    }
    return totals;
}

void TestRecoveryPane::recoversToVerifiedCheckpoint()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("recovery.sqlite"));
    RecoveryFixture fixture;
    QVERIFY2(fixture.create(path), qPrintable(fixture.error()));
    {
        // An engine recovered the other execution three times before: 40 ms and 60 ms
        // successes, a 100 ms failure (its data_loss is what it would have lost, not a loss).
        StateDatabaseWriter w(fixture.db());
        const TimeMs t0 = RecoveryFixture::kT0;
        const char *cp = RecoveryFixture::kOtherExecutionsCheckpoint;
        QString error;
        QVERIFY2(w.prepare(&error) && fixture.db().begin(&error), qPrintable(error));
        QVERIFY2(w.insertRecovery("00000000-0000-4000-8000-0000000000d1", RecoveryFixture::kOtherRow, t0 + 10000, cp,
                                  "received", 40,
                                  R"({"transitionsRolledBack":2,"transitions":[{"from":"a","to":"b","timestamp":null},)"
                                  R"({"from":"b","to":"c","timestamp":null}],"variables":[{"key":"x","change":"changed",)"
                                  R"("current":1,"checkpoint":2},{"key":"y","change":"removed","current":1},)"
                                  R"({"key":"z","change":"restored","checkpoint":3}]})",
                                  true, {})
                     && w.insertRecovery("00000000-0000-4000-8000-0000000000d2", RecoveryFixture::kOtherRow, t0 + 20000,
                                         cp, "received", 100, R"({"transitionsRolledBack":9,"variables":[]})", false,
                                         R"({"message":"engine rejected the snapshot"})")
                     && w.insertRecovery("00000000-0000-4000-8000-0000000000d3", RecoveryFixture::kOtherRow, t0 + 30000,
                                         cp, "received", 60, "12", true, {}),
                 qPrintable(w.error()));
        QVERIFY2(fixture.db().commit(&error), qPrintable(error));
    }

    MainWindow window;
    window.show();
    QSignalSpy loaded(&window, &MainWindow::sourcesLoaded);
    window.openSource(path);
    QVERIFY(loaded.wait(30000));
    auto *pane = window.findChild<RecoveryPane *>();
    QVERIFY(pane);
    auto *dock = window.findChild<QDockWidget *>(QStringLiteral("recoveryDock"));
    QVERIFY(dock);
    dock->raise();
    QCOMPARE(pane->databaseSource(), path);

    // Without a selection the history covers every recovery of the data.
    auto *scopeHistory = byName<QLabel>(*pane, QStringLiteral("Workflow recovery history"));
    auto *dataLoss = byName<QLabel>(*pane, QStringLiteral("Data loss"));
    QVERIFY(scopeHistory && dataLoss);
    QCOMPARE(scopeHistory->text(),
             QStringLiteral("Recoveries in the data: 3 attempts, 2 succeeded (67 %), 1 failed · mean 67 ms"));
    QVERIFY(byName<QLabel>(*pane, QStringLiteral("Recovery history"))->isHidden());

    // Selecting the execution (as the Sources pane does) fills the table: four checkpoints.
    const ExecutionIndex e = window.session().store().findExecution(RecoveryFixture::kExecution);
    QVERIFY(e != StringInterner::kNotFound);
    emit window.findChild<SourcesPane *>()->executionSelected(e);
    QCOMPARE(pane->executionId(), QString::fromLatin1(RecoveryFixture::kExecution));
    auto *table = pane->findChild<QTableView *>(QStringLiteral("checkpointsTable"));
    QCOMPARE(table->model()->rowCount(), 4);
    QCOMPARE(byName<QLabel>(*pane, QStringLiteral("Recovery history"))->text(),
             QStringLiteral("This execution: no recoveries."));
    // Its workflow's history: the other execution's three attempts. Only the first success
    // recorded what it lost (the second wrote a bare number, whose unit is unknown).
    QCOMPARE(scopeHistory->text(),
             QStringLiteral("Recoveries in workflow orders: 3 attempts, 2 succeeded (67 %), 1 failed · mean 67 ms"));
    QCOMPARE(dataLoss->text(), QStringLiteral("Data lost: 2 transitions rolled back, 3 variable values changed "
                                              "(1 of 2 succeeded recoveries recorded it)."));
    auto *chart = pane->findChild<RecoveryHistoryChart *>();
    QVERIFY(chart);
    QCOMPARE(chart->title(), QStringLiteral("Success rate 67 % (2 of 3) · per second"));
    QCOMPARE(chart->history().bucketWidthMs, TimeMs(1000)); // 20 s in 21 one-second buckets
    QCOMPARE(chart->history().buckets.size(), size_t(21));
    QTRY_COMPARE(chartTotals(*pane), (QList<qreal> {2, 1, 0}));

    // Engineer mode is off: Recover… is disabled and says why, even with a checkpoint selected.
    auto *engineer = byName<QCheckBox>(*pane, QStringLiteral("Engineer mode"));
    auto *recover = byName<QPushButton>(*pane, QStringLiteral("Recover…"));
    auto *why = byName<QLabel>(*pane, QStringLiteral("Why recovery is unavailable"));
    auto *banner = byName<QLabel>(*pane, QStringLiteral("Engineer mode banner"));
    QVERIFY(engineer && recover && why && banner);
    QVERIFY(!engineer->isChecked());
    QVERIFY(pane->selectCheckpoint(QString::fromLatin1(RecoveryFixture::kVerified)));
    QVERIFY(!recover->isEnabled());
    QVERIFY2(why->text().contains(QLatin1String("engineer mode")), qPrintable(why->text()));
    QVERIFY(banner->isHidden());

    engineer->click();
    QVERIFY(pane->engineerMode());
    QVERIFY(banner->isVisible());
    QVERIFY(recover->isEnabled());
    screenshot(*pane, "recovery-pane.png");

    // The preview: current → checkpoint state, the transitions rolled back, the version.
    recover->click();
    RecoveryDialog *dialog = pane->dialog();
    QVERIFY(dialog);
    QVERIFY(!recover->isEnabled()); // one dialog at a time
    QTRY_VERIFY_WITH_TIMEOUT(dialog->previewReady(), 10000);
    QVERIFY(!dialog->preview().refused());
    QCOMPARE(byName<QLabel>(*dialog, QStringLiteral("Recovery summary"))->text(), QStringLiteral("shipping → approved"));
    const QString details = byName<QPlainTextEdit>(*dialog, QStringLiteral("Recovery preview"))->toPlainText();
    QVERIFY2(details.contains(QStringLiteral("approved → packing")), qPrintable(details));
    QVERIFY2(details.contains(QStringLiteral("packing → shipping")), qPrintable(details));
    QVERIFY2(details.contains(QLatin1String("state version 5")), qPrintable(details));
    QVERIFY2(details.contains(QLatin1String("carrier")), qPrintable(details)); // a variable that changes
    const QString checksum = byName<QLabel>(*dialog, QStringLiteral("Checksum status"))->text();
    QVERIFY2(checksum.contains(QLatin1String("verified")) && checksum.contains(QLatin1String("version 5")),
             qPrintable(checksum));

    // Recover stays disabled until a reason and the typed id (its first 8 characters) are valid.
    auto *reason = byName<QLineEdit>(*dialog, QStringLiteral("Reason"));
    auto *typed = byName<QLineEdit>(*dialog, QStringLiteral("Typed execution id"));
    auto *confirm = byName<QPushButton>(*dialog, QStringLiteral("Recover"));
    QVERIFY(reason && typed && confirm);
    QVERIFY(!confirm->isEnabled());
    QTest::keyClicks(reason, QStringLiteral("stuck in shipping after a carrier outage"));
    QVERIFY(!confirm->isEnabled());
    QTest::keyClicks(typed, QStringLiteral("0000000"));
    QVERIFY(!confirm->isEnabled()); // 7 characters are not enough
    QTest::keyClicks(typed, QStringLiteral("1"));
    QVERIFY(!confirm->isEnabled()); // not the id's prefix
    typed->setText(QStringLiteral("00000000"));
    QVERIFY(confirm->isEnabled());
    reason->setText(QStringLiteral("   "));
    QVERIFY(!confirm->isEnabled());
    reason->setText(QStringLiteral("stuck in shipping after a carrier outage"));
    QVERIFY(confirm->isEnabled());
    screenshot(*dialog, "recovery-dialog.png");

    // Recover: the worker recovers; the database has the new version, the rollback and the audit row.
    QSignalSpy finished(dialog, &RecoveryDialog::recoveryFinished);
    QSignalSpy reloaded(&window.session(), &DashboardSession::loadFinished);
    confirm->click();
    QVERIFY(finished.wait(10000));
    QVERIFY2(dialog->result().success, qPrintable(dialog->result().outcome));
    QCOMPARE(dialog->result().newStateVersion, 6);
    QVERIFY(!confirm->isEnabled());
    QVERIFY(byName<QLabel>(*dialog, QStringLiteral("Recovery result"))->text().startsWith(QLatin1String("Recovered")));
    screenshot(*dialog, "recovery-dialog-result.png");
    const QByteArray version = QByteArray("SELECT state_version FROM workflow_states WHERE id = '")
        + RecoveryFixture::kRow + "'";
    QCOMPARE(fixture.column(version, {}),
             QStringList {QStringLiteral("6")});
    QCOMPARE(fixture.column("SELECT count(*) FROM state_transitions WHERE transition_type = 'rollback'", {}),
             QStringList {QStringLiteral("1")});
    QCOMPARE(fixture.auditRows().size(), size_t(1));
    QCOMPARE(fixture.auditRows().front().reason, QStringLiteral("stuck in shipping after a carrier outage"));

    // The session reloads the source: the pane shows the recovery in the history.
    QVERIFY(reloaded.wait(30000));
    QVERIFY(reloaded.front().at(0).toBool());
    const QLabel *executionHistory = byName<QLabel>(*pane, QStringLiteral("Recovery history"));
    QTRY_VERIFY2(
        executionHistory->text().startsWith(QStringLiteral("This execution: 1 attempt, 1 succeeded (100 %) · mean")),
        qPrintable(executionHistory->text()));
    QVERIFY2(executionHistory->text().contains(QLatin1String("to approved, succeeded")),
             qPrintable(executionHistory->text()));
    // The workflow now has four attempts; the recovery's own data_loss adds the two transitions
    // after the checkpoint and the four variables that differ.
    QVERIFY2(scopeHistory->text().startsWith(
                 QLatin1String("Recoveries in workflow orders: 4 attempts, 3 succeeded (75 %), 1 failed")),
             qPrintable(scopeHistory->text()));
    QCOMPARE(dataLoss->text(), QStringLiteral("Data lost: 4 transitions rolled back, 7 variable values changed "
                                              "(2 of 3 succeeded recoveries recorded it)."));
    QVERIFY2(chart->title().startsWith(QLatin1String("Success rate 75 % (3 of 4)")), qPrintable(chart->title()));
    QVERIFY(chart->history().buckets.size() <= 24);
    QTRY_COMPARE(chartTotals(*pane), (QList<qreal> {3, 1, 0}));
    QCOMPARE(table->model()->rowCount(), 4);
    dialog->reject();
    QTRY_VERIFY(!pane->dialog());
    QTRY_VERIFY(recover->isEnabled());
    screenshot(*pane, "recovery-pane-after.png");

    // A corrupted checkpoint: the preview shows the refusal and Recover stays disabled.
    QVERIFY(pane->selectCheckpoint(QString::fromLatin1(RecoveryFixture::kCorrupted)));
    QVERIFY(why->text().contains(QLatin1String("corrupted")));
    recover->click();
    dialog = pane->dialog();
    QVERIFY(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->previewReady(), 10000);
    QVERIFY(dialog->preview().refused());
    auto *refusals = byName<QLabel>(*dialog, QStringLiteral("Refusals"));
    QVERIFY(refusals->isVisible());
    QVERIFY2(refusals->text().contains(QLatin1String("corrupted")), qPrintable(refusals->text()));
    byName<QLineEdit>(*dialog, QStringLiteral("Reason"))->setText(QStringLiteral("try"));
    byName<QLineEdit>(*dialog, QStringLiteral("Typed execution id"))->setText(QString::fromLatin1(RecoveryFixture::kExecution));
    QVERIFY(!byName<QPushButton>(*dialog, QStringLiteral("Recover"))->isEnabled());
    QVERIFY(byName<QLabel>(*dialog, QStringLiteral("Why Recover is disabled"))->text().contains(QLatin1String("refused")));
    screenshot(*dialog, "recovery-dialog-refused.png");
    dialog->reject();

    // Engineer mode off again: read-only.
    engineer->click();
    QVERIFY(!recover->isEnabled());
    QVERIFY(banner->isHidden());
}

// The outcome prediction shown in the preview comes from the report's absorption for the
// checkpoint's state, else from its state predictions.
void TestRecoveryPane::predictsOutcomeFromCheckpointState()
{
    AnalysisReport report;
    report.states.resize(3);
    report.states[0].name = QStringLiteral("approved");
    report.states[1].name = QStringLiteral("completed");
    report.states[1].terminal = true;
    report.states[2].name = QStringLiteral("packing");
    report.absorptionColumns = {QStringLiteral("completed"), QStringLiteral("failed")};
    AnalysisReport::Absorption a;
    a.state = 0;
    a.probabilities = {0.75, 0.25};
    a.expectedRemainingMs = 90000;
    report.absorption.push_back(a);
    AnalysisReport::StatePrediction p;
    p.state = 2;
    p.outcomes = {1.0, 0.0};
    p.expectedRemainingMs = std::numeric_limits<double>::quiet_NaN();
    report.statePredictions.push_back(p);
    const QString approved = RecoveryDialog::outcomePrediction(report, QStringLiteral("approved"));
    QVERIFY2(approved.contains(QLatin1String("completed 75 %")) && approved.contains(QLatin1String("failed 25 %"))
                 && approved.contains(QLatin1String("remaining")),
             qPrintable(approved));
    const QString packing = RecoveryDialog::outcomePrediction(report, QStringLiteral("packing"));
    QVERIFY2(packing.contains(QLatin1String("completed 100 %")) && !packing.contains(QLatin1String("failed"))
                 && !packing.contains(QLatin1String("remaining")),
             qPrintable(packing));
    QVERIFY(RecoveryDialog::outcomePrediction(report, QStringLiteral("completed")).contains(QLatin1String("terminal")));
    QVERIFY(RecoveryDialog::outcomePrediction(report, QStringLiteral("unknown")).isEmpty());
}

QTEST_MAIN(TestRecoveryPane)
#include "tst_recoverypane.moc"
