// Recovery to a checkpoint (SPEC 5.1-5.3, BARS S4, R4) against real SQLite files and the real
// PostgreSQL server: what the preview shows, what a recovery writes to the four tables, and that
// a refusal or a failure in the middle leaves the state tables as they were and an audit row.
#include "pgtestdatabase.h"
#include "recoveryexecutor.h"
#include "recoveryfixture.h"
#include "recoveryplanner.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace StateScope;

// The fixture on the data row's backend: a new SQLite file, or a new PostgreSQL database
// (skipped without a server; a failure under STATESCOPE_REQUIRE_PG=1).
#define OPEN_FIXTURE(fixture)                                                                                          \
    QFETCH(bool, postgres);                                                                                            \
    std::unique_ptr<PgTestDatabase> pgDatabase;                                                                        \
    if (postgres) {                                                                                                    \
        pgDatabase = std::make_unique<PgTestDatabase>();                                                               \
        if (!pgDatabase->isValid()) {                                                                                  \
            if (PgTestDatabase::required())                                                                            \
                QFAIL(qPrintable(pgDatabase->unavailableReason()));                                                    \
            QSKIP(qPrintable(pgDatabase->unavailableReason()));                                                        \
        }                                                                                                              \
    }                                                                                                                  \
    RecoveryFixture fixture;                                                                                           \
    QVERIFY2(fixture.create(postgres ? pgDatabase->url() : newSqlitePath()), qPrintable(fixture.error()));

class TestRecovery : public QObject
{
    Q_OBJECT

private slots:
    void previewShowsDataLoss_data() { backends(); }
    void previewShowsDataLoss();
    void recoveryWritesAllFourTables_data() { backends(); }
    void recoveryWritesAllFourTables();
    void refusals_data();
    void refusals();
    void staleStateVersion_data() { backends(); }
    void staleStateVersion();
    void failureInTheMiddle_data();
    void failureInTheMiddle();
    void readOnlyDatabase();
    void postgresPermissionDenied();
    void postgresConnectionLost();
    void auditLogCreatedWhenMissing_data() { backends(); }
    void auditLogCreatedWhenMissing();
    void confirmation();

private:
    static void backends();
    QString newSqlitePath() { return m_dir.filePath(QStringLiteral("r%1.sqlite").arg(++m_files)); }
    // The fixture's execution recovered to its verified checkpoint, from preview to outcome.
    static RecoveryResult recoverToVerified(SqlConnection &db)
    {
        const RecoveryPreview p = RecoveryPlanner(db).preview(RecoveryFixture::kExecution, RecoveryFixture::kVerified);
        return RecoveryExecutor(db).execute(p, request());
    }
    // What the user reads when the database refuses the first write.
    static QString noWriteRights(const char *why)
    {
        return QStringLiteral("the recovery failed and was rolled back: the database user may not write "
                              "workflow_states: ")
            + QLatin1String(why);
    }
    static RecoveryRequest request(const QString &reason = QStringLiteral("stuck in shipping"))
    {
        return {reason, QStringLiteral("alice"), true};
    }
    QTemporaryDir m_dir;
    int m_files = 0;
};

void TestRecovery::backends()
{
    QTest::addColumn<bool>("postgres");
    QTest::newRow("sqlite") << false;
    QTest::newRow("postgres") << true;
}

void TestRecovery::previewShowsDataLoss()
{
    OPEN_FIXTURE(f);
    const RecoveryPreview p = RecoveryPlanner(f.db()).preview(RecoveryFixture::kExecution, RecoveryFixture::kVerified);
    QVERIFY2(p.refusals.isEmpty(), qPrintable(p.refusals.join(QLatin1Char('\n'))));
    QCOMPARE(p.workflowId, QByteArray(RecoveryFixture::kWorkflow));
    QCOMPARE(p.workflowStateId, QByteArray(RecoveryFixture::kRow));
    QCOMPARE(p.currentState, QStringLiteral("shipping"));
    QCOMPARE(p.stateVersion, 5);
    QCOMPARE(p.checkpointState, QStringLiteral("approved"));
    QCOMPARE(p.checkpointTime, RecoveryFixture::kT0 + 2000);
    QCOMPARE(p.checksumStatus, ChecksumStatus::Verified);
    QVERIFY(p.recoverable);
    QCOMPARE(p.afterChecksum, RecoveryFixture::checkpointChecksumHex());
    // PostgreSQL re-serialises JSONB: the checksum is of the canonical form, so it is the same.
    QCOMPARE(p.beforeChecksum,
             checkpointChecksum(RecoveryFixture::snapshot("shipping", RecoveryFixture::kT0 + 4000),
                                RecoveryFixture::currentVariables())
                 .hex);
    QCOMPARE(p.currentStateSince, RecoveryFixture::kT0 + 4000);

    QCOMPARE(p.dataLoss.transitionsRolledBack, 2);
    QCOMPARE(p.dataLoss.transitions.size(), size_t(2));
    QCOMPARE(p.dataLoss.transitions[0].from, QStringLiteral("approved"));
    QCOMPARE(p.dataLoss.transitions[0].to, QStringLiteral("packing"));
    QCOMPARE(p.dataLoss.transitions[0].at, RecoveryFixture::kT0 + 3000);
    QCOMPARE(p.dataLoss.transitions[1].to, QStringLiteral("shipping"));

    QStringList changes;
    for (const VariableChange &v : p.dataLoss.variables)
        changes.append(v.key + QLatin1Char(' ') + variableChangeKindName(v.kind) + QLatin1Char(' ')
                       + QString::fromUtf8(v.currentValue) + QStringLiteral(" -> ")
                       + QString::fromUtf8(v.checkpointValue));
    QCOMPARE(changes,
             QStringList({QStringLiteral("amount changed 12.5 -> 10"), QStringLiteral("attempt changed 4 -> 2"),
                          QStringLiteral("carrier removed \"dhl\" -> "), QStringLiteral("coupon restored  -> \"X\"")}));
}

void TestRecovery::recoveryWritesAllFourTables()
{
    OPEN_FIXTURE(f);
    const RecoveryPreview p = RecoveryPlanner(f.db()).preview(RecoveryFixture::kExecution, RecoveryFixture::kVerified);
    const RecoveryResult r = RecoveryExecutor(f.db()).execute(p, request());
    QVERIFY2(r.success, qPrintable(r.outcome));
    QCOMPARE(r.status, RecoveryResult::Status::Succeeded);
    QCOMPARE(r.newStateVersion, 6);
    QVERIFY(!r.recoveryId.isEmpty() && !r.auditId.isEmpty());
    QVERIFY2(r.outcome.contains(QStringLiteral("shipping → approved, state version 6")), qPrintable(r.outcome));
    const bool pg = f.postgres();

    // workflow_states: the checkpoint's snapshot and variables, one version on; the checksum of
    // the new {state, variables} is the checkpoint's, so it verifies.
    auto state = f.db().prepare(
        pg ? QByteArray("SELECT state_version, current_state::text, variables::text FROM workflow_states WHERE id = $1")
           : QByteArray("SELECT state_version, current_state, variables FROM workflow_states WHERE id = $1"),
        nullptr);
    state->bindText(1, RecoveryFixture::kRow);
    QVERIFY(state->next());
    QCOMPARE(state->int64(0), 6);
    QCOMPARE(verifyCheckpoint(state->text(1), state->text(2), RecoveryFixture::checkpointChecksumHex()),
             ChecksumStatus::Verified);
    state.reset();
    QCOMPARE(f.column("SELECT state_version FROM workflow_states WHERE id = '00000000-0000-4000-8000-0000000000a2'",
                      "SELECT state_version FROM workflow_states WHERE id = '00000000-0000-4000-8000-0000000000a2'"),
             QStringList {QStringLiteral("1")}); // the other execution is untouched

    // state_transitions: one rollback from the current state to the checkpoint's.
    QCOMPARE(f.column("SELECT from_state || ' ' || to_state || ' ' || transition_id FROM state_transitions WHERE "
                      "transition_type = 'rollback'",
                      "SELECT from_state || ' ' || to_state || ' ' || transition_id FROM state_transitions WHERE "
                      "transition_type = 'rollback'"),
             QStringList {QStringLiteral("shipping approved recovery-") + QString::fromUtf8(r.recoveryId)});
    QCOMPARE(f.column("SELECT count(*) FROM state_transitions", "SELECT count(*) FROM state_transitions"),
             QStringList {QStringLiteral("5")});

    // state_recovery_log: the recovery, successful, with its data loss.
    const QStringList log
        = f.column("SELECT id || '|' || recovery_type || '|' || from_checkpoint || '|' || to_state || '|' || success "
                   "|| '|' || data_loss "
                   "|| '|' || coalesce(error_details, 'null') FROM state_recovery_log",
                   "SELECT id::text || '|' || recovery_type || '|' || from_checkpoint::text || '|' || to_state || '|' "
                   "|| success || '|' "
                   "|| data_loss::text || '|' || coalesce(error_details::text, 'null') FROM state_recovery_log");
    QCOMPARE(log.size(), 1);
    const QStringList fields = log.first().split(QLatin1Char('|'));
    QCOMPARE(fields.mid(0, 5),
             QStringList({QString::fromUtf8(r.recoveryId), QStringLiteral("checkpoint"),
                          QString::fromLatin1(RecoveryFixture::kVerified), QStringLiteral("approved"),
                          pg ? QStringLiteral("true") : QStringLiteral("1")}));
    const QJsonObject dataLoss = QJsonDocument::fromJson(fields[5].toUtf8()).object();
    QCOMPARE(dataLoss.value(QStringLiteral("transitionsRolledBack")).toInt(), 2);
    QCOMPARE(dataLoss.value(QStringLiteral("transitions")).toArray().size(), 2);
    QCOMPARE(dataLoss.value(QStringLiteral("variables")).toArray().size(), 4);
    QCOMPARE(fields[6], QStringLiteral("null"));

    // audit_log: who, why, and the before/after checksums.
    const auto audit = f.auditRows();
    QCOMPARE(audit.size(), size_t(1));
    QCOMPARE(audit[0].actor, QStringLiteral("alice"));
    QCOMPARE(audit[0].action, QStringLiteral("recovery"));
    QCOMPARE(audit[0].reason, QStringLiteral("stuck in shipping"));
    QVERIFY(audit[0].target.contains(QLatin1String(RecoveryFixture::kExecution)));
    QCOMPARE(audit[0].details.value(QStringLiteral("outcome")).toString(), QStringLiteral("succeeded"));
    QCOMPARE(audit[0].details.value(QStringLiteral("beforeChecksum")).toString().toLatin1(), p.beforeChecksum);
    QCOMPARE(audit[0].details.value(QStringLiteral("afterChecksum")).toString().toLatin1(),
             RecoveryFixture::checkpointChecksumHex());
    QCOMPARE(audit[0].details.value(QStringLiteral("newStateVersion")).toInt(), 6);

    // Recovering again loses only what happened since: the rollback, not what it undid.
    const RecoveryPreview again
        = RecoveryPlanner(f.db()).preview(RecoveryFixture::kExecution, RecoveryFixture::kVerified);
    QCOMPARE(again.stateVersion, 6);
    QCOMPARE(again.dataLoss.transitionsRolledBack, 1);
    QCOMPARE(again.dataLoss.transitions[0].from, QStringLiteral("shipping"));
    QVERIFY(again.dataLoss.variables.empty());
}

void TestRecovery::refusals_data()
{
    QTest::addColumn<bool>("postgres");
    QTest::addColumn<QByteArray>("execution");
    QTest::addColumn<QByteArray>("checkpoint");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<bool>("engineerMode");
    QTest::addColumn<QString>("expected");
    const QByteArray e = RecoveryFixture::kExecution;
    const QString why = QStringLiteral("stuck");
    QTest::newRow("corrupted") << false << e << QByteArray(RecoveryFixture::kCorrupted) << why << true
                               << QStringLiteral("is corrupted: checksum mismatch");
    QTest::newRow("unverifiable") << false << e << QByteArray(RecoveryFixture::kUnverifiable) << why << true
                                  << QStringLiteral("is unverifiable: it has no checksum");
    QTest::newRow("not recoverable") << false << e << QByteArray(RecoveryFixture::kNotRecoverable) << why << true
                                     << QStringLiteral("is marked not recoverable");
    QTest::newRow("another execution's") << false << e << QByteArray(RecoveryFixture::kOtherExecutionsCheckpoint) << why
                                         << true
                                         << QStringLiteral(
                                                "belongs to execution 00000000-0000-4000-8000-0000000000e2, not to");
    QTest::newRow("unknown execution") << false << QByteArray("no-such-execution")
                                       << QByteArray(RecoveryFixture::kVerified) << why << true
                                       << QStringLiteral("there is no execution no-such-execution in");
    QTest::newRow("unknown checkpoint") << false << e << QByteArray("no-such-checkpoint") << why << true
                                        << QStringLiteral("there is no checkpoint no-such-checkpoint in");
    QTest::newRow("empty reason") << false << e << QByteArray(RecoveryFixture::kVerified) << QStringLiteral("  ")
                                  << true << QStringLiteral("no reason is given");
    QTest::newRow("engineer mode off") << false << e << QByteArray(RecoveryFixture::kVerified) << why << false
                                       << QStringLiteral("engineer mode is off");
    QTest::newRow("postgres: corrupted") << true << e << QByteArray(RecoveryFixture::kCorrupted) << why << true
                                         << QStringLiteral("is corrupted: checksum mismatch");
    QTest::newRow("postgres: unknown execution (not a UUID)")
        << true << QByteArray("x'; DROP TABLE audit_log;--") << QByteArray(RecoveryFixture::kVerified) << why << true
        << QStringLiteral("there is no execution x'; DROP TABLE audit_log;--");
}

void TestRecovery::refusals()
{
    QFETCH(QByteArray, execution);
    QFETCH(QByteArray, checkpoint);
    QFETCH(QString, reason);
    QFETCH(bool, engineerMode);
    QFETCH(QString, expected);
    OPEN_FIXTURE(f);
    const QStringList before = f.stateTables();
    const RecoveryPreview p = RecoveryPlanner(f.db()).preview(execution, checkpoint);
    const RecoveryResult r = RecoveryExecutor(f.db()).execute(p, {reason, QStringLiteral("bob"), engineerMode});
    QCOMPARE(r.status, RecoveryResult::Status::Refused);
    QVERIFY(!r.success);
    QVERIFY2(r.outcome.contains(expected), qPrintable(r.outcome));
    QCOMPARE(f.stateTables(), before);
    const auto audit = f.auditRows();
    QCOMPARE(audit.size(), size_t(1));
    QCOMPARE(audit[0].actor, QStringLiteral("bob"));
    QCOMPARE(audit[0].action, QStringLiteral("recovery_refused"));
    QCOMPARE(audit[0].reason, reason.trimmed());
    QCOMPARE(audit[0].details.value(QStringLiteral("outcome")).toString(), QStringLiteral("refused"));
    QCOMPARE(audit[0].details.value(QStringLiteral("refusal")).toString(), r.outcome);
    QCOMPARE(audit[0].details.value(QStringLiteral("checkpointId")).toString().toUtf8(), checkpoint);
    QCOMPARE(QByteArray(r.auditId).isEmpty(), false);
}

void TestRecovery::staleStateVersion()
{
    OPEN_FIXTURE(f);
    const RecoveryPreview p = RecoveryPlanner(f.db()).preview(RecoveryFixture::kExecution, RecoveryFixture::kVerified);
    QVERIFY(p.refusals.isEmpty());
    QVERIFY2(f.moveOn(), qPrintable(f.error())); // a transition happens while the user reads the preview
    const QStringList before = f.stateTables();
    const RecoveryResult r = RecoveryExecutor(f.db()).execute(p, request());
    QCOMPARE(r.status, RecoveryResult::Status::Refused);
    QCOMPARE(r.outcome, QStringLiteral("the execution moved on (state version 6, expected 5)"));
    QCOMPARE(f.stateTables(), before);
    const auto audit = f.auditRows();
    QCOMPARE(audit.size(), size_t(1));
    QCOMPARE(audit[0].action, QStringLiteral("recovery_refused"));
    QCOMPARE(audit[0].details.value(QStringLiteral("expectedStateVersion")).toInt(), 5);
}

void TestRecovery::failureInTheMiddle_data()
{
    QTest::addColumn<bool>("postgres");
    QTest::addColumn<int>("step");
    for (const bool pg : {false, true}) {
        for (int step = 1; step <= 4; ++step)
            QTest::addRow("%s, after step %d", pg ? "postgres" : "sqlite", step) << pg << step;
    }
}

void TestRecovery::failureInTheMiddle()
{
    QFETCH(int, step);
    OPEN_FIXTURE(f);
    const QStringList before = f.stateTables();
    const RecoveryPreview p = RecoveryPlanner(f.db()).preview(RecoveryFixture::kExecution, RecoveryFixture::kVerified);
    RecoveryExecutor executor(f.db());
    QList<int> stepsSeen;
    executor.setStepHookForTesting([&stepsSeen, step](RecoveryStep s, QString *) {
        stepsSeen.append(int(s));
        return int(s) != step;
    });
    const RecoveryResult r = executor.execute(p, request());
    QCOMPARE(r.status, RecoveryResult::Status::Failed);
    QVERIFY2(r.outcome.startsWith(
                 QStringLiteral("the recovery failed and was rolled back: failure injected after step %1").arg(step)),
             qPrintable(r.outcome));
    QCOMPARE(stepsSeen.size(), step);
    QVERIFY2(r.auditError.isEmpty(), qPrintable(r.auditError));

    // The state is as before; the only new state_recovery_log row is the failed attempt.
    const QStringList after = f.stateTables();
    QStringList withoutAttempt = after;
    QCOMPARE(withoutAttempt.removeAll(QStringLiteral("recovery ") + QString::fromUtf8(r.recoveryId)), 1);
    QCOMPARE(withoutAttempt, before);
    const QStringList errorDetails = f.column("SELECT error_details FROM state_recovery_log",
                                              "SELECT error_details::text FROM state_recovery_log");
    QVERIFY2(errorDetails.first().contains(QLatin1String("failure injected after step")),
             qPrintable(errorDetails.first()));
    QCOMPARE(f.column("SELECT success FROM state_recovery_log", "SELECT success::int FROM state_recovery_log"),
             QStringList {QStringLiteral("0")});
    const auto audit = f.auditRows();
    QCOMPARE(audit.size(), size_t(1));
    QCOMPARE(audit[0].action, QStringLiteral("recovery_failed"));
    QVERIFY(audit[0].details.value(QStringLiteral("error")).toString().contains(QLatin1String("failure injected")));
}

void TestRecovery::readOnlyDatabase()
{
    const QString path = newSqlitePath();
    QStringList before;
    {
        RecoveryFixture f;
        QVERIFY2(f.create(path), qPrintable(f.error()));
        before = f.stateTables();
    }
    QString error;
    auto readOnly = SqliteConnection::open(path, true, false, &error); // what a user without write access gets
    QVERIFY2(readOnly, qPrintable(error));
    const RecoveryResult r = recoverToVerified(*readOnly); // reading works, writing does not
    QCOMPARE(r.status, RecoveryResult::Status::Failed);
    QVERIFY2(r.outcome.startsWith(noWriteRights("the database is read-only")), qPrintable(r.outcome));
    QVERIFY2(r.outcome.contains(QLatin1String("the failed attempt could not be logged")), qPrintable(r.outcome));
    QVERIFY(r.auditId.isEmpty());
    readOnly.reset();
    auto check = SqliteConnection::open(path, false, false, &error);
    QCOMPARE(RecoveryFixture::column(*check, "SELECT count(*) FROM state_recovery_log"),
             QStringList {QStringLiteral("0")});
    QCOMPARE(RecoveryFixture::auditRows(*check).size(), size_t(0));
}

void TestRecovery::postgresPermissionDenied()
{
    STATESCOPE_REQUIRE_PG_DATABASE(pg);
    RecoveryFixture f;
    QVERIFY2(f.create(pg.url()), qPrintable(f.error()));
    const QStringList before = f.stateTables();
    // A role that may read but not write, as an analyst's account would be. Roles belong to the
    // whole server: the name is ours (letters and digits), dropped again below.
    const QByteArray role = "statescope_reader_" + QByteArray::number(QRandomGenerator::global()->generate64(), 16);
    QString error;
    QVERIFY2(f.db().execScript("CREATE ROLE " + role + " NOLOGIN; GRANT SELECT ON ALL TABLES IN SCHEMA public TO "
                                   + role + "; SET ROLE " + role,
                               &error),
             qPrintable(error));
    const RecoveryResult r = recoverToVerified(f.db());
    QVERIFY(f.db().execScript("RESET ROLE; DROP OWNED BY " + role + "; DROP ROLE " + role, &error));
    QCOMPARE(r.status, RecoveryResult::Status::Failed);
    QVERIFY2(r.outcome.startsWith(noWriteRights("permission denied;")), qPrintable(r.outcome));
    QVERIFY2(r.auditError.contains(QLatin1String("permission denied")), qPrintable(r.auditError));
    QCOMPARE(f.stateTables(), before);
}

void TestRecovery::postgresConnectionLost()
{
    STATESCOPE_REQUIRE_PG_DATABASE(pg);
    RecoveryFixture f;
    QVERIFY2(f.create(pg.url()), qPrintable(f.error()));
    const QString pid = f.column({}, "SELECT pg_backend_pid()").first();
    QString error;
    auto admin = PgConnection::open(pg.url(), false, &error);
    QVERIFY2(admin, qPrintable(error));
    const RecoveryPreview p = RecoveryPlanner(f.db()).preview(RecoveryFixture::kExecution, RecoveryFixture::kVerified);
    RecoveryExecutor executor(f.db());
    // The server ends the session in the middle of the transaction (BARS R4: server killed
    // during a recovery): the update and the rollback transition are written, not committed.
    executor.setStepHookForTesting([&admin, &pid](RecoveryStep step, QString *) {
        if (step == RecoveryStep::InsertRollbackTransition) {
            auto kill = admin->prepare("SELECT pg_terminate_backend($1::int)", nullptr);
            kill->bindText(1, pid.toLatin1());
            while (kill->next()) { }
        }
        return true;
    });
    const RecoveryResult r = executor.execute(p, request());
    QCOMPARE(r.status, RecoveryResult::Status::Failed);
    QVERIFY2(r.outcome.startsWith(QLatin1String("the recovery failed and was rolled back: state_recovery_log: ")),
             qPrintable(r.outcome));
    QVERIFY2(r.outcome.contains(QLatin1String("connection")), qPrintable(r.outcome));
    QVERIFY2(!r.auditError.isEmpty(), qPrintable(r.outcome)); // no connection left to log it with
    QCOMPARE(r.outcome.count(QLatin1Char('\n')), 0);
    // Seen from another session: nothing of it was committed.
    QCOMPARE(RecoveryFixture::column(*admin, "SELECT count(*) FROM state_recovery_log"),
             QStringList {QStringLiteral("0")});
    QCOMPARE(RecoveryFixture::column(*admin, "SELECT count(*) FROM state_transitions"),
             QStringList {QStringLiteral("4")});
    QCOMPARE(RecoveryFixture::column(*admin, "SELECT state_version FROM workflow_states ORDER BY id"),
             QStringList({QStringLiteral("5"), QStringLiteral("1")}));
    QCOMPARE(RecoveryFixture::auditRows(*admin).size(), size_t(0));
}

void TestRecovery::auditLogCreatedWhenMissing()
{
    OPEN_FIXTURE(f);
    QString error;
    QVERIFY2(f.db().execScript("DROP TABLE audit_log", &error), qPrintable(error)); // an engine's database without it
    QVERIFY(!f.db().tableExists(QStringLiteral("audit_log")));
    const RecoveryPreview p = RecoveryPlanner(f.db()).preview(RecoveryFixture::kExecution, RecoveryFixture::kCorrupted);
    const RecoveryResult r = RecoveryExecutor(f.db()).execute(p, request());
    QCOMPARE(r.status, RecoveryResult::Status::Refused);
    QVERIFY2(r.auditError.isEmpty(), qPrintable(r.auditError));
    QVERIFY(f.db().tableExists(QStringLiteral("audit_log"))); // with the shipped schema's DDL
    QCOMPARE(f.auditRows().size(), size_t(1));

    // Created inside a recovery that fails, the table goes with the rollback: the failed attempt
    // is still logged, in a table created again.
    QVERIFY2(f.db().execScript("DROP TABLE audit_log", &error), qPrintable(error));
    RecoveryExecutor executor(f.db());
    executor.setStepHookForTesting([](RecoveryStep step, QString *) { return step != RecoveryStep::InsertAuditLog; });
    const RecoveryPreview good
        = RecoveryPlanner(f.db()).preview(RecoveryFixture::kExecution, RecoveryFixture::kVerified);
    const RecoveryResult failed = executor.execute(good, request());
    QCOMPARE(failed.status, RecoveryResult::Status::Failed);
    QVERIFY2(failed.auditError.isEmpty(), qPrintable(failed.outcome));
    const auto audit = f.auditRows();
    QCOMPARE(audit.size(), size_t(1));
    QCOMPARE(audit[0].action, QStringLiteral("recovery_failed"));
}

void TestRecovery::confirmation()
{
    const QByteArray id = RecoveryFixture::kExecution;
    QVERIFY(RecoveryExecutor::confirmationMatches(QString::fromLatin1(id), id));
    QVERIFY(RecoveryExecutor::confirmationMatches(u" 00000000 ", id));
    QVERIFY(!RecoveryExecutor::confirmationMatches(u"0000000", id)); // fewer than 8 characters
    QVERIFY(!RecoveryExecutor::confirmationMatches(u"00000001", id));
    QVERIFY(!RecoveryExecutor::confirmationMatches(u"", QByteArray()));
}

QTEST_GUILESS_MAIN(TestRecovery)
#include "tst_recovery.moc"
