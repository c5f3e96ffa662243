// `statescope recover` end to end: the real executable on a sample database, as a script would
// run it; the rows it leaves are read back from the database.
#include "checksum.h"
#include "pgconnection.h"
#include "pgtestdatabase.h"
#include "recoveryfixture.h"
#include "sampledatabase.h"
#include "schemainstaller.h"
#include "sqliteconnection.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace StateScope;

class TestRecoverCommand : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void recoversAndAudits();
    void refusalIsOneLineAndAudited();
    void missingReasonIsARefusal();
    void jsonOutput();
    void actorDefaultsToTheOsUser();
    void badArguments_data();
    void badArguments();
    void postgresEndToEnd();

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    struct Checkpoint
    {
        QString id;
        QString execution;
        ChecksumStatus status = ChecksumStatus::Unverifiable;
        bool recoverable = false;
        int transitionsAfter = 0;
    };
    static Run run(const QStringList &arguments, const QString &user = {});
    static std::vector<Checkpoint> checkpoints(SqlConnection &db);
    // The first checkpoint of that status and recoverability not used yet, with transitions after it.
    Checkpoint take(ChecksumStatus status, bool recoverable);
    static QStringList column(SqlConnection &db, const QByteArray &sql) { return RecoveryFixture::column(db, sql); }
    QStringList column(const QByteArray &sql) { return column(*m_connection, sql); }
    static SampleDatabaseOptions sampleOptions();

    QTemporaryDir m_dir;
    QString m_db;
    std::unique_ptr<SqliteConnection> m_connection; // to read back what the command wrote
    std::vector<Checkpoint> m_checkpoints;
};

TestRecoverCommand::Run TestRecoverCommand::run(const QStringList &arguments, const QString &user)
{
    QProcess p;
    if (!user.isEmpty()) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("USER"), user);
        p.setProcessEnvironment(env);
    }
    p.start(QStringLiteral(STATESCOPE_BINARY), QStringList {QStringLiteral("recover")} + arguments);
    if (!p.waitForFinished(120000))
        qFatal("statescope did not finish");
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

SampleDatabaseOptions TestRecoverCommand::sampleOptions()
{
    SampleDatabaseOptions options;
    options.executions = 400;
    options.seed = 9;
    options.checkpointShare = 1.0; // every execution has one
    options.corruptedShare = 0.1;
    options.unverifiableShare = 0.1;
    options.recoveryShare = 0; // no earlier recoveries: every transition after a checkpoint is lost
    return options;
}

std::vector<TestRecoverCommand::Checkpoint> TestRecoverCommand::checkpoints(SqlConnection &db)
{
    const bool pg = db.dialect() == SqlConnection::Dialect::PostgreSQL;
    QString error;
    auto q = db.prepare(
        pg ? QByteArray("SELECT c.id::text, s.execution_id::text, c.state_snapshot::text, c.variables::text, "
                        "c.checksum, c.recoverable::int, (SELECT count(*) FROM state_transitions t "
                        "WHERE t.workflow_state_id = s.id AND t.timestamp > c.timestamp) "
                        "FROM state_checkpoints c JOIN workflow_states s ON s.id = c.workflow_state_id ORDER BY c.id")
           : QByteArray("SELECT c.id, s.execution_id, c.state_snapshot, c.variables, c.checksum, c.recoverable, "
                        "(SELECT count(*) FROM state_transitions t "
                        "WHERE t.workflow_state_id = s.id AND t.timestamp > c.timestamp) "
                        "FROM state_checkpoints c JOIN workflow_states s ON s.id = c.workflow_state_id ORDER BY c.id"),
        &error);
    std::vector<Checkpoint> out;
    while (q && q->next()) {
        out.push_back({QString::fromUtf8(q->text(0)), QString::fromUtf8(q->text(1)),
                       verifyCheckpoint(q->text(2), q->text(3), q->text(4)), q->int64(5) != 0, int(q->int64(6))});
    }
    return out;
}

TestRecoverCommand::Checkpoint TestRecoverCommand::take(ChecksumStatus status, bool recoverable)
{
    for (Checkpoint &c : m_checkpoints) {
        if (c.status == status && c.recoverable == recoverable && c.transitionsAfter > 0 && !c.id.isEmpty()) {
            Checkpoint found = c;
            c.id.clear(); // each test recovers another execution
            return found;
        }
    }
    qFatal("the sample has no unused checkpoint of that kind");
}

void TestRecoverCommand::initTestCase()
{
    m_db = m_dir.filePath(QStringLiteral("recover.sqlite"));
    QString error;
    m_connection = SqliteConnection::open(m_db, false, true, &error);
    QVERIFY(m_connection && installSchema(*m_connection, &error));
    QVERIFY(writeSampleDatabase(*m_connection, sampleOptions()).error.isEmpty());
    m_checkpoints = checkpoints(*m_connection);
}

void TestRecoverCommand::recoversAndAudits()
{
    const Checkpoint c = take(ChecksumStatus::Verified, true);
    const QString version
        = column("SELECT state_version FROM workflow_states WHERE execution_id = '" + c.execution.toLatin1() + "'")
              .first();
    const Run r = run({m_db, QStringLiteral("--execution"), c.execution, QStringLiteral("--checkpoint"), c.id,
                       QStringLiteral("--reason"), QStringLiteral("stuck after a bad deploy"),
                       QStringLiteral("--actor"), QStringLiteral("tester")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(r.err.isEmpty());
    const QString out = QString::fromUtf8(r.out);
    QVERIFY2(out.contains(QStringLiteral("rolled back  %1 transitions after the checkpoint").arg(c.transitionsAfter)),
             qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("recovery     ")) && out.contains(QStringLiteral(" → ")), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("outcome      recovered execution %1").arg(c.execution)), qPrintable(out));

    QCOMPARE(column("SELECT state_version FROM workflow_states WHERE execution_id = '" + c.execution.toLatin1() + "'")
                 .first()
                 .toInt(),
             version.toInt() + 1);
    QCOMPARE(column("SELECT success FROM state_recovery_log WHERE from_checkpoint = '" + c.id.toLatin1() + "'"),
             QStringList {QStringLiteral("1")});
    QCOMPARE(column("SELECT count(*) FROM state_transitions t JOIN workflow_states s ON s.id = t.workflow_state_id "
                    "WHERE s.execution_id = '"
                    + c.execution.toLatin1() + "' AND t.transition_type = 'rollback'"),
             QStringList {QStringLiteral("1")});
    QCOMPARE(column("SELECT actor || '|' || action || '|' || reason FROM audit_log WHERE target LIKE '%"
                    + c.id.toLatin1() + "'"),
             QStringList {QStringLiteral("tester|recovery|stuck after a bad deploy")});
}

void TestRecoverCommand::refusalIsOneLineAndAudited()
{
    const Checkpoint c = take(ChecksumStatus::Corrupted, true);
    const QStringList before = column("SELECT state_version FROM workflow_states ORDER BY id");
    const Run r = run({m_db, QStringLiteral("--execution"), c.execution, QStringLiteral("--checkpoint"), c.id,
                       QStringLiteral("--reason"), QStringLiteral("try it"), QStringLiteral("--actor"),
                       QStringLiteral("tester")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.out.isEmpty());
    QCOMPARE(r.err.count('\n'), 1);
    QVERIFY2(r.err.startsWith(QByteArray("statescope: recovery refused: checkpoint " + c.id.toLatin1()
                                         + " is corrupted: checksum mismatch")),
             r.err.constData());
    QCOMPARE(column("SELECT state_version FROM workflow_states ORDER BY id"), before);
    QCOMPARE(column("SELECT count(*) FROM state_recovery_log WHERE from_checkpoint = '" + c.id.toLatin1() + "'"),
             QStringList {QStringLiteral("0")});
    QCOMPARE(column("SELECT action || '|' || reason || '|' || json_extract(details, '$.outcome') FROM audit_log "
                    "WHERE target LIKE '%"
                    + c.id.toLatin1() + "'"),
             QStringList {QStringLiteral("recovery_refused|try it|refused")});
}

void TestRecoverCommand::missingReasonIsARefusal()
{
    const Checkpoint c = take(ChecksumStatus::Verified, true);
    const Run r = run({m_db, QStringLiteral("--execution"), c.execution, QStringLiteral("--checkpoint"), c.id});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.startsWith("statescope: recovery refused: no reason is given"), r.err.constData());
    QCOMPARE(r.err.count('\n'), 1);
    QCOMPARE(column("SELECT action FROM audit_log WHERE target LIKE '%" + c.id.toLatin1() + "'"),
             QStringList {QStringLiteral("recovery_refused")});
}

void TestRecoverCommand::jsonOutput()
{
    const Checkpoint c = take(ChecksumStatus::Verified, true);
    const Run r
        = run({m_db, QStringLiteral("--execution"), c.execution, QStringLiteral("--checkpoint"), c.id,
               QStringLiteral("--reason"), QStringLiteral("json"), QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QJsonParseError error;
    const QJsonObject o = QJsonDocument::fromJson(r.out, &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonObject preview = o.value(QStringLiteral("preview")).toObject();
    const QJsonObject result = o.value(QStringLiteral("result")).toObject();
    QCOMPARE(preview.value(QStringLiteral("executionId")).toString(), c.execution);
    QCOMPARE(preview.value(QStringLiteral("checksumStatus")).toString(), QStringLiteral("verified"));
    QCOMPARE(preview.value(QStringLiteral("transitionsRolledBack")).toInt(), c.transitionsAfter);
    QCOMPARE(preview.value(QStringLiteral("transitions")).toArray().size(), c.transitionsAfter);
    QVERIFY(preview.value(QStringLiteral("variables")).isArray());
    QCOMPARE(result.value(QStringLiteral("status")).toString(), QStringLiteral("succeeded"));
    QCOMPARE(result.value(QStringLiteral("newStateVersion")).toInt(),
             preview.value(QStringLiteral("stateVersion")).toInt() + 1);
    QCOMPARE(column("SELECT id FROM state_recovery_log WHERE from_checkpoint = '" + c.id.toLatin1() + "'"),
             QStringList {result.value(QStringLiteral("recoveryId")).toString()});
}

void TestRecoverCommand::actorDefaultsToTheOsUser()
{
    const Checkpoint c = take(ChecksumStatus::Unverifiable, true);
    const Run r = run({m_db, QStringLiteral("--execution"), c.execution, QStringLiteral("--checkpoint"), c.id,
                       QStringLiteral("--reason"), QStringLiteral("who")},
                      QStringLiteral("ops-on-call"));
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("is unverifiable"), r.err.constData());
    QCOMPARE(column("SELECT actor FROM audit_log WHERE target LIKE '%" + c.id.toLatin1() + "'"),
             QStringList {QStringLiteral("ops-on-call")});
}

void TestRecoverCommand::badArguments_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("message");
    const QString e = QStringLiteral("--execution"), x = QStringLiteral("x"), k = QStringLiteral("--checkpoint");
    QTest::newRow("no source") << QStringList {e, x, k, x} << QByteArray("recover: missing SOURCE");
    QTest::newRow("no checkpoint") << QStringList {QStringLiteral("DB"), e, x}
                                   << QByteArray("recover: --checkpoint ID is required");
    QTest::newRow("no such file") << QStringList {QStringLiteral("/nonexistent.sqlite"), e, x, k, x}
                                  << QByteArray("/nonexistent.sqlite: no such file");
    QTest::newRow("bad format") << QStringList {QStringLiteral("DB"), e, x, k, x, QStringLiteral("--format"),
                                                QStringLiteral("xml")}
                                << QByteArray("--format: \"xml\" is not text or json");
}

void TestRecoverCommand::badArguments()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, message);
    arguments.replaceInStrings(QStringLiteral("DB"), m_db);
    const QStringList audits = column("SELECT id FROM audit_log");
    const Run r = run(arguments);
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.err, "statescope: " + message + '\n');
    QCOMPARE(column("SELECT id FROM audit_log"), audits); // not an attempt: nothing to audit
}

void TestRecoverCommand::postgresEndToEnd()
{
    STATESCOPE_REQUIRE_PG_DATABASE(pg);
    QString error;
    auto c = PgConnection::open(pg.url(), false, &error);
    QVERIFY2(c && installSchema(*c, &error), qPrintable(error));
    QVERIFY(writeSampleDatabase(*c, sampleOptions()).error.isEmpty());
    Checkpoint chosen;
    for (const Checkpoint &candidate : checkpoints(*c)) {
        if (candidate.status == ChecksumStatus::Verified && candidate.recoverable && candidate.transitionsAfter > 0)
            chosen = candidate;
    }
    QVERIFY(!chosen.id.isEmpty());
    const Run r
        = run({pg.url(), QStringLiteral("--execution"), chosen.execution, QStringLiteral("--checkpoint"), chosen.id,
               QStringLiteral("--reason"), QStringLiteral("pg"), QStringLiteral("--actor"), QStringLiteral("tester")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(r.out.contains(QByteArray("rolled back  " + QByteArray::number(chosen.transitionsAfter) + " transitions")));
    QCOMPARE(column(*c, "SELECT action || '|' || actor || '|' || (details->>'afterChecksum') FROM audit_log"),
             column(*c,
                    "SELECT 'recovery|tester|' || checksum FROM state_checkpoints WHERE id = '" + chosen.id.toLatin1()
                        + "'"));
    QCOMPARE(column(*c, "SELECT count(*) FROM state_recovery_log WHERE success"), QStringList {QStringLiteral("1")});
}

QTEST_GUILESS_MAIN(TestRecoverCommand)
#include "tst_recovercommand.moc"
