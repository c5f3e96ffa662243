// The SQL store against a real PostgreSQL server (started by scripts/test.sh).
#include "analyzer.h"
#include "eventstore.h"
#include "pgconnection.h"
#include "pgtestdatabase.h"
#include "reportjson.h"
#include "sampledatabase.h"
#include "schemainstaller.h"
#include "sqliteconnection.h"
#include "storeloader.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <map>

using namespace StateScope;

class TestPostgresStore : public QObject
{
    Q_OBJECT

private slots:
    void sameReportAsSqlite();
    void badRowsAreReported();
    void injectionShapedNames();
    void refusesPasswordInUrl();
    void missingTablesNamed();
    void unreachableServerNamed();
    void recoveryDataLoss();

private:
    static std::unique_ptr<PgConnection> connectWithSchema(const QString &url);
};

std::unique_ptr<PgConnection> TestPostgresStore::connectWithSchema(const QString &url)
{
    QString error;
    auto c = PgConnection::open(url, false, &error);
    if (!c || !installSchema(*c, &error))
        qFatal("cannot prepare %s: %s", qPrintable(url), qPrintable(error));
    return c;
}

void TestPostgresStore::sameReportAsSqlite()
{
    STATESCOPE_REQUIRE_PG_DATABASE(pg);
    SampleDatabaseOptions options;
    options.executions = 600;
    options.seed = 11;
    {
        auto c = connectWithSchema(pg.url());
        const SampleDatabaseSummary s = writeSampleDatabase(*c, options);
        QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
    }
    QTemporaryDir dir;
    const QString sqlitePath = dir.filePath(QStringLiteral("same.sqlite"));
    {
        QString error;
        auto c = SqliteConnection::open(sqlitePath, false, true, &error);
        QVERIFY(c && installSchema(*c, &error));
        QVERIFY(writeSampleDatabase(*c, options).error.isEmpty());
    }
    LoadResult pgLoad, sqliteLoad;
    const auto pgStore = loadDatabaseSource(pg.url(), &pgLoad);
    QVERIFY2(pgStore, qPrintable(pgLoad.error));
    const auto sqliteStore = loadDatabaseSource(sqlitePath, &sqliteLoad);
    QVERIFY2(sqliteStore, qPrintable(sqliteLoad.error));
    QCOMPARE(pgLoad.issueCount, quint64(0));
    QCOMPARE(pgStore->transitionCount(), sqliteStore->transitionCount());

    AnalysisOptions analysisOptions; // same label: only the data may differ
    analysisOptions.sourceLabel = QStringLiteral("x");
    QJsonObject fromPg = reportToJson(analyze(*pgStore, analysisOptions));
    QJsonObject fromSqlite = reportToJson(analyze(*sqliteStore, analysisOptions));
    QVERIFY(fromPg.value(QStringLiteral("transitions")).toInteger() > 0);
    // JSONB re-serialises snapshots; canonical checksums must still verify the same.
    QCOMPARE(fromPg.value(QStringLiteral("checkpoints")), fromSqlite.value(QStringLiteral("checkpoints")));
    QCOMPARE(QJsonDocument(fromPg).toJson(), QJsonDocument(fromSqlite).toJson());
}

void TestPostgresStore::badRowsAreReported()
{
    STATESCOPE_REQUIRE_PG_DATABASE(pg);
    auto c = connectWithSchema(pg.url());
    QString error;
    // JSONB only holds valid JSON; what PostgreSQL cannot reject is the wrong shape of it.
    QVERIFY2(c->execScript(R"SQL(
        INSERT INTO workflows (id, name) VALUES ('00000000-0000-0000-0000-000000000001', 'w');
        INSERT INTO workflow_executions (id, workflow_id, status) VALUES
            ('00000000-0000-0000-0000-0000000000e1', '00000000-0000-0000-0000-000000000001', 'running'),
            ('00000000-0000-0000-0000-0000000000e2', '00000000-0000-0000-0000-000000000001', 'running'),
            ('00000000-0000-0000-0000-0000000000e3', '00000000-0000-0000-0000-000000000001', 'running'),
            ('00000000-0000-0000-0000-0000000000e4', '00000000-0000-0000-0000-000000000001', 'running');
        INSERT INTO workflow_states (id, workflow_id, execution_id, state_version, current_state, persistence, created_at) VALUES
            ('00000000-0000-0000-0000-0000000000a1', '00000000-0000-0000-0000-000000000001',
             '00000000-0000-0000-0000-0000000000e1', 1, '{"stateName":"a"}', '{}', '2026-01-01T00:00:00Z'),
            ('00000000-0000-0000-0000-0000000000a2', '00000000-0000-0000-0000-000000000001',
             '00000000-0000-0000-0000-0000000000e2', 1, '"just a string"', '{}', '2026-01-01T00:00:00Z'),
            ('00000000-0000-0000-0000-0000000000a3', '00000000-0000-0000-0000-000000000001',
             '00000000-0000-0000-0000-0000000000e3', 1, '{"stateName": 5}', '{}', '2026-01-01T00:00:00Z'),
            ('00000000-0000-0000-0000-0000000000a4', '00000000-0000-0000-0000-000000000001',
             '00000000-0000-0000-0000-0000000000e4', 1, '{"other": 1}', '{}', '2026-01-01T00:00:00Z');
        INSERT INTO state_machines (id, name, version, definition, states, transitions, initial_state) VALUES
            ('00000000-0000-0000-0000-0000000000f1', 'm', '1', '{}', '{"not":"array"}', '[]', 'a');
    )SQL", &error), qPrintable(error));
    c.reset();
    LoadResult load;
    const auto store = loadDatabaseSource(pg.url(), &load);
    QVERIFY2(store, qPrintable(load.error));
    QCOMPARE(load.issueCount, quint64(3));
    QStringList all;
    for (const LoadIssue &i : load.issues)
        all.append(i.toString());
    QVERIFY2(all.join(QLatin1Char('\n')).contains(QLatin1String("workflow_states 00000000-0000-0000-0000-0000000000a2: current_state: expected a JSON object")),
             qPrintable(all.join(QLatin1Char('\n'))));
    QVERIFY2(all.join(QLatin1Char('\n')).contains(QLatin1String("workflow_states 00000000-0000-0000-0000-0000000000a3: current_state: \"stateName\" is not a string")),
             qPrintable(all.join(QLatin1Char('\n'))));
    QVERIFY2(all.join(QLatin1Char('\n')).contains(QLatin1String("state_machines 00000000-0000-0000-0000-0000000000f1: states is not a JSON array")),
             qPrintable(all.join(QLatin1Char('\n'))));
    QCOMPARE(store->executionCount(), 2u); // a state without stateName is read, its state unknown
    QCOMPARE(store->executionStatus(0), ExecutionStatus::Running);
    QCOMPARE(store->stateName(store->executionInitialState(0)), QStringLiteral("a"));
    QCOMPARE(store->executionInitialState(1), kNoState);
}

void TestPostgresStore::injectionShapedNames()
{
    STATESCOPE_REQUIRE_PG_DATABASE(pg);
    auto c = connectWithSchema(pg.url());
    QString error;
    QVERIFY(c->execScript(R"SQL(
        INSERT INTO workflows (id, name) VALUES ('00000000-0000-0000-0000-000000000001', 'w');
        INSERT INTO workflow_executions (id, workflow_id, status) VALUES
            ('00000000-0000-0000-0000-0000000000e1', '00000000-0000-0000-0000-000000000001', 'running');
        INSERT INTO workflow_states (id, workflow_id, execution_id, state_version, current_state, persistence) VALUES
            ('00000000-0000-0000-0000-0000000000a1', '00000000-0000-0000-0000-000000000001',
             '00000000-0000-0000-0000-0000000000e1', 1, '{}', '{}');
    )SQL", &error));
    auto insert = c->prepare("INSERT INTO state_transitions (id, workflow_state_id, transition_id, from_state, to_state, "
                             "transition_type, timestamp, trigger) VALUES ('00000000-0000-0000-0000-0000000000b1', "
                             "'00000000-0000-0000-0000-0000000000a1', 'x', $1, 'done', 'normal', now(), '{}')", &error);
    QVERIFY2(insert, qPrintable(error));
    insert->bindText(1, "x'); DROP TABLE state_transitions;--");
    QVERIFY2(insert->exec(), qPrintable(insert->error()));
    LoadResult load;
    const auto store = loadDatabaseSource(pg.url(), &load);
    QVERIFY2(store, qPrintable(load.error));
    QVERIFY(store->findState("x'); DROP TABLE state_transitions;--") != StringInterner::kNotFound);
    QVERIFY(c->tableExists(QStringLiteral("state_transitions")));
}

void TestPostgresStore::refusesPasswordInUrl()
{
    LoadResult load;
    QVERIFY(!loadDatabaseSource(QStringLiteral("postgresql://user:secret@127.0.0.1:1/db"), &load));
    QVERIFY2(load.error.contains(QLatin1String("contains a password")), qPrintable(load.error));
    QVERIFY2(!load.error.contains(QLatin1String("secret")), qPrintable(load.error));
}

void TestPostgresStore::missingTablesNamed()
{
    STATESCOPE_REQUIRE_PG_DATABASE(pg);
    LoadResult load;
    QVERIFY(!loadDatabaseSource(pg.url(), &load)); // an empty database
    QVERIFY2(load.error.contains(QLatin1String("table workflow_states is missing")), qPrintable(load.error));
}

void TestPostgresStore::unreachableServerNamed()
{
    LoadResult load;
    QVERIFY(!loadDatabaseSource(QStringLiteral("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2"), &load));
    QVERIFY2(load.error.startsWith(QLatin1String("postgresql://nobody@127.0.0.1:1/none")), qPrintable(load.error));
}

// data_loss is JSONB here: its figures read as on SQLite (JSONB keeps 3.0 as written), other
// shapes are unknown, and a log without the column loads with every figure unknown.
void TestPostgresStore::recoveryDataLoss()
{
    STATESCOPE_REQUIRE_PG_DATABASE(pg);
    auto c = connectWithSchema(pg.url());
    QString error;
    QVERIFY2(c->execScript(R"SQL(
        INSERT INTO workflows (id, name) VALUES ('00000000-0000-0000-0000-000000000001', 'w');
        INSERT INTO workflow_executions (id, workflow_id, status) VALUES
            ('00000000-0000-0000-0000-0000000000e1', '00000000-0000-0000-0000-000000000001', 'running');
        INSERT INTO workflow_states (id, workflow_id, execution_id, state_version, current_state, persistence, created_at) VALUES
            ('00000000-0000-0000-0000-0000000000a1', '00000000-0000-0000-0000-000000000001',
             '00000000-0000-0000-0000-0000000000e1', 1, '{"stateName":"a"}', '{}', '2026-01-01T00:00:00Z');
        INSERT INTO state_recovery_log (id, workflow_state_id, recovery_time, recovery_type, to_state,
                                        recovery_duration_ms, data_loss, success) VALUES
            ('00000000-0000-0000-0000-0000000000d1', '00000000-0000-0000-0000-0000000000a1', '2026-01-01T00:00:01Z',
             'checkpoint', 'a', 10, '{"transitionsRolledBack": 3.0, "variables": [{"key": "x"}, {"key": "y"}, {"key": "z"}]}', true),
            ('00000000-0000-0000-0000-0000000000d2', '00000000-0000-0000-0000-0000000000a1', '2026-01-01T00:00:02Z',
             'checkpoint', 'a', 10, '{"transitions": [{}, {}], "other": 1}', true),
            ('00000000-0000-0000-0000-0000000000d3', '00000000-0000-0000-0000-0000000000a1', '2026-01-01T00:00:03Z',
             'checkpoint', 'a', 10, '7', true),
            ('00000000-0000-0000-0000-0000000000d4', '00000000-0000-0000-0000-0000000000a1', '2026-01-01T00:00:04Z',
             'checkpoint', 'a', 10, 'null', false),
            ('00000000-0000-0000-0000-0000000000d5', '00000000-0000-0000-0000-0000000000a1', '2026-01-01T00:00:05Z',
             'checkpoint', 'a', 10, NULL, NULL);
    )SQL", &error), qPrintable(error));

    const auto figures = [&pg]() {
        LoadResult load;
        const auto store = loadDatabaseSource(pg.url(), &load);
        std::map<QString, std::pair<qint64, qint64>> byLastDigit;
        if (!store || load.issueCount != 0)
            return byLastDigit;
        for (const RecoveryRecord &r : store->recoveries())
            byLastDigit[r.id.right(2)] = {r.transitionsRolledBack, r.variablesChanged};
        return byLastDigit;
    };
    std::map<QString, std::pair<qint64, qint64>> read = figures();
    QCOMPARE(read.size(), size_t(5));
    QCOMPARE(read[QStringLiteral("d1")], std::make_pair(qint64(3), qint64(3)));
    QCOMPARE(read[QStringLiteral("d2")], std::make_pair(qint64(2), qint64(-1)));
    for (const char *unknown : {"d3", "d4", "d5"})
        QCOMPARE(read[QString::fromLatin1(unknown)], std::make_pair(qint64(-1), qint64(-1)));

    QVERIFY2(c->execScript("ALTER TABLE state_recovery_log DROP COLUMN data_loss", &error), qPrintable(error));
    read = figures();
    QCOMPARE(read.size(), size_t(5));
    for (const auto &[id, counts] : read)
        QCOMPARE(counts, std::make_pair(qint64(-1), qint64(-1)));
}

QTEST_GUILESS_MAIN(TestPostgresStore)
#include "tst_postgresstore.moc"
