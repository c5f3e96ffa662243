// The Recovery pane's engine path (SPEC 5.4) end to end against `statescope simulate` run as a
// process, as in the demo: the dashboard follows the engine's feed, previews from the engine's
// database (read only), sends the recovery to the engine's REST API with the token, and shows
// the engine's answer and then the feed's recovery_completed event for it.
// Set STATESCOPE_SCREENSHOT_DIR to keep PNGs of the pane and the dialog.
#include "dashboardsession.h"
#include "livetestutil.h"
#include "eventstore.h"
#include "recoverydialog.h"
#include "recoverypane.h"
#include "sqliteconnection.h"

#include <QLabel>
#include <QFile>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace StateScope;

namespace {
const QByteArray kToken = "pane-engine-token";

template<typename T>
T *byName(QWidget &parent, const QString &accessibleName)
{
    for (T *w : parent.findChildren<T *>()) {
        if (w->accessibleName() == accessibleName)
            return w;
    }
    return nullptr;
}
} // namespace

class TestRecoveryPaneEngine : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void recoversThroughTheEngine();
    void wrongTokenIsShownAndNothingChanges();

private:
    // Opens the dialog for a running execution with a verified, recoverable checkpoint whose
    // preview is not refused; null when none turned up in time.
    RecoveryDialog *openRecoverable(const DashboardSession &session, RecoveryPane &pane, QString *executionId);
    qint64 databaseCount(const QByteArray &sql, const QString &id) const;
    // As the demo sets it up: the engine's feed, its database for previews, its API with `token`.
    void followEngine(DashboardSession &session, RecoveryPane &pane, const QByteArray &token) const
    {
        FeedClientOptions feed;
        feed.url = m_feed;
        session.connectFeed(feed);
        pane.setPreviewDatabase(m_db);
        pane.setEngineApi({m_api, {}, token});
        pane.setEngineerMode(true);
    }
    qint64 recoveryRows(const QString &executionId) const
    {
        return databaseCount("SELECT count(*) FROM state_recovery_log r JOIN workflow_states s ON s.id = r.workflow_state_id "
                             "WHERE s.execution_id = ?1",
                             executionId);
    }

    QTemporaryDir m_dir;
    QString m_db;
    QProcess m_simulate;
    QUrl m_feed;
    QUrl m_api;
    QStringList m_tried;
    int m_verifiedFromDatabase = 0;
};

void TestRecoveryPaneEngine::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("STATESCOPE_ENGINE_TOKEN"), QString::fromLatin1(kToken));
    m_simulate.setProcessEnvironment(env);
    m_db = m_dir.filePath(QStringLiteral("engine.sqlite"));
    m_feed = LiveTest::startSimulate(m_simulate,
                                     {QStringLiteral("simulate"), QStringLiteral("--db"), m_db, QStringLiteral("--rate"),
                                      QStringLiteral("200"), QStringLiteral("--dwell-scale"), QStringLiteral("0.02"),
                                      QStringLiteral("--duration"), QStringLiteral("120")},
                                     &m_api);
    QVERIFY2(m_feed.isValid() && m_api.isValid(), m_simulate.readAllStandardError().constData());
}

void TestRecoveryPaneEngine::cleanupTestCase()
{
    if (m_simulate.state() != QProcess::NotRunning) {
        m_simulate.terminate();
        if (!m_simulate.waitForFinished(10000))
            m_simulate.kill();
    }
}

qint64 TestRecoveryPaneEngine::databaseCount(const QByteArray &sql, const QString &id) const
{
    QString error;
    const auto db = SqliteConnection::open(m_db, true, false, &error);
    auto q = db ? db->prepare(sql, &error) : nullptr;
    if (!q)
        return -1;
    q->bindText(1, id.toUtf8());
    return q->next() ? q->int64(0) : -1;
}

RecoveryDialog *TestRecoveryPaneEngine::openRecoverable(const DashboardSession &session, RecoveryPane &pane,
                                                        QString *executionId)
{
    const QDeadlineTimer deadline(30000);
    while (!deadline.hasExpired()) {
        QTest::qWait(300);
        const EventStore &store = session.store();
        for (const CheckpointInfo &c : store.checkpoints()) {
            // The feed cannot verify a checkpoint: the pane checks it in the engine's database.
            if (!c.recoverable || c.execution >= store.executionCount())
                continue;
            const QString id = store.executionId(c.execution);
            if (m_tried.contains(id))
                continue;
            m_tried.append(id);
            pane.setExecution(c.execution);
            const QString checkpointId = store.checkpointId(c);
            const bool verified
                = QTest::qWaitFor([&] { return pane.checkpointStatus(checkpointId) == CheckpointStatus::Verified; }, 2000);
            if (!verified || !pane.selectCheckpoint(checkpointId))
                continue; // not in the database yet
            ++m_verifiedFromDatabase;
            pane.openRecovery();
            RecoveryDialog *dialog = pane.dialog();
            if (!dialog)
                return nullptr;
            if (!QTest::qWaitFor([dialog] { return dialog->previewReady(); }, 10000))
                return nullptr;
            if (!dialog->preview().refused()) {
                *executionId = id;
                return dialog;
            }
            dialog->reject(); // finished meanwhile, or its checkpoint not yet in the database: another one
            QTest::qWait(50);
        }
    }
    return nullptr;
}

void TestRecoveryPaneEngine::recoversThroughTheEngine()
{
    DashboardSession session;
    RecoveryPane pane(session);
    followEngine(session, pane, kToken);
    pane.resize(480, 720);
    pane.show();

    // An execution may move on between the preview and the request: the engine then answers
    // 409 and applies nothing, as it must; the test tries another one.
    QString executionId;
    RecoveryDialog *dialog = nullptr;
    qint64 rowsBefore = -1;
    int conflicts = 0;
    for (int attempt = 0; attempt < 6; ++attempt) {
        dialog = openRecoverable(session, pane, &executionId);
        QVERIFY2(dialog, "no execution with a recoverable checkpoint turned up");
        QVERIFY(dialog->viaEngine());
        rowsBefore = recoveryRows(executionId);
        byName<QLineEdit>(*dialog, QStringLiteral("Reason"))->setText(QStringLiteral("customer asked for a re-run"));
        byName<QLineEdit>(*dialog, QStringLiteral("Typed execution id"))->setText(executionId.left(8));
        QPushButton *recover = byName<QPushButton>(*dialog, QStringLiteral("Recover"));
        QVERIFY(recover->isEnabled());
        QSignalSpy finished(dialog, &RecoveryDialog::recoveryFinished);
        QTest::mouseClick(recover, Qt::LeftButton);
        QVERIFY(finished.wait(15000));
        if (dialog->engineReply().outcome != EngineRecoveryReply::Outcome::Conflict) {
            QCOMPARE(finished.first().first().toBool(), dialog->engineReply().ok());
            break;
        }
        ++conflicts;
        QCOMPARE(recoveryRows(executionId), rowsBefore);
        dialog->reject();
        QTest::qWait(50);
    }
    qInfo() << "conflicts before a recovery went through:" << conflicts;
    QVERIFY(m_verifiedFromDatabase > 0);
    const EngineRecoveryReply &reply = dialog->engineReply();
    QVERIFY2(reply.ok(), qPrintable(reply.summary));
    QVERIFY(!reply.recoveryId.isEmpty());
    QCOMPARE(reply.stateVersion, dialog->preview().stateVersion + 1);
    // The feed then brings the engine's recovery_completed for that recovery.
    QTRY_VERIFY_WITH_TIMEOUT(dialog->feedConfirmation().contains(QLatin1String("completed")), 10000);
    QVERIFY(dialog->feedConfirmation().contains(reply.recoveryId));
    if (const QString dir = qEnvironmentVariable("STATESCOPE_SCREENSHOT_DIR"); !dir.isEmpty()) {
        QVERIFY(pane.grab().save(dir + QStringLiteral("/recovery-engine-pane.png")));
        QVERIFY(dialog->grab().save(dir + QStringLiteral("/recovery-engine-dialog.png")));
    }
    // And the engine wrote it to its database: the log row and the new state version.
    QTRY_COMPARE_WITH_TIMEOUT(recoveryRows(executionId), rowsBefore + 1, 10000);
    // StateScope's own audit row of the attempt (BARS S4), with the engine's recovery id.
    QVERIFY2(dialog->engineAuditError().isEmpty(), qPrintable(dialog->engineAuditError()));
    QCOMPARE(databaseCount("SELECT count(*) FROM audit_log WHERE action = 'engine_recovery' AND reason = "
                           "'customer asked for a re-run' AND instr(details, ?1) > 0",
                           reply.recoveryId),
             1);
    QVERIFY(databaseCount("SELECT state_version FROM workflow_states WHERE execution_id = ?1", executionId)
            >= reply.stateVersion);
    dialog->reject();
}

void TestRecoveryPaneEngine::wrongTokenIsShownAndNothingChanges()
{
    DashboardSession session;
    RecoveryPane pane(session);
    followEngine(session, pane, "not-the-token");
    QString executionId;
    RecoveryDialog *dialog = openRecoverable(session, pane, &executionId);
    QVERIFY2(dialog, "no execution with a recoverable checkpoint turned up");
    const qint64 rowsBefore = recoveryRows(executionId);
    byName<QLineEdit>(*dialog, QStringLiteral("Reason"))->setText(QStringLiteral("testing a bad token"));
    byName<QLineEdit>(*dialog, QStringLiteral("Typed execution id"))->setText(executionId);
    QSignalSpy finished(dialog, &RecoveryDialog::recoveryFinished);
    QTest::mouseClick(byName<QPushButton>(*dialog, QStringLiteral("Recover")), Qt::LeftButton);
    QVERIFY(finished.wait(15000));
    QVERIFY(!finished.first().first().toBool());
    QCOMPARE(dialog->engineReply().outcome, EngineRecoveryReply::Outcome::NotAuthorized);
    QVERIFY(byName<QLabel>(*dialog, QStringLiteral("Recovery result"))->text().contains(QLatin1String("did not recover")));
    // The engine applied nothing (a refused token is not logged as a recovery attempt of the execution).
    QTest::qWait(500);
    QCOMPARE(recoveryRows(executionId), rowsBefore);
    // The refused attempt is in StateScope's audit log all the same (BARS S4).
    QVERIFY2(dialog->engineAuditError().isEmpty(), qPrintable(dialog->engineAuditError()));
    QCOMPARE(databaseCount("SELECT count(*) FROM audit_log WHERE action = 'engine_recovery_refused' AND "
                           "instr(target, ?1) > 0 AND instr(details, '401') > 0",
                           executionId),
             1);
    dialog->reject();
}

QTEST_MAIN(TestRecoveryPaneEngine)
#include "tst_recoverypaneengine.moc"
