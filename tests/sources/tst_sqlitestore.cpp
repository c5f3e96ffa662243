// The SQL store against real SQLite files: the sample writer, a foreign writer's conventions,
// bad rows, bad files, SQL-injection-shaped names and the recovery log's data_loss figures.
#include "analyzer.h"
#include "eventstore.h"
#include "sampledatabase.h"
#include "schemainstaller.h"
#include "sqliteconnection.h"
#include "storeloader.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <map>

using namespace StateScope;

class TestSqliteStore : public QObject
{
    Q_OBJECT

private slots:
    void sampleMatchesIndependentSql();
    void foreignWriterConventions();
    void badRowsAreReportedAndSkipped();
    void badFiles_data();
    void badFiles();
    void injectionShapedNamesAreData();
    void cancelStopsTheLoad();
    void recoveryDataLoss();

private:
    QString newDatabase(const QString &name, std::unique_ptr<SqliteConnection> *connection);
    QTemporaryDir m_dir;
};

QString TestSqliteStore::newDatabase(const QString &name, std::unique_ptr<SqliteConnection> *connection)
{
    const QString path = m_dir.filePath(name);
    QFile::remove(path);
    QString error;
    *connection = SqliteConnection::open(path, false, true, &error);
    if (!*connection || !installSchema(**connection, &error))
        qFatal("cannot create %s: %s", qPrintable(path), qPrintable(error));
    return path;
}

static qint64 scalar(SqlConnection &c, const QByteArray &sql)
{
    QString error;
    auto q = c.prepare(sql, &error);
    if (!q || !q->next())
        qFatal("query failed: %s: %s", sql.constData(), qPrintable(q ? q->error() : error));
    return q->int64(0);
}

void TestSqliteStore::sampleMatchesIndependentSql()
{
    std::unique_ptr<SqliteConnection> db;
    const QString path = newDatabase(QStringLiteral("sample.sqlite"), &db);
    SampleDatabaseOptions options;
    options.executions = 800;
    options.seed = 7;
    const SampleDatabaseSummary written = writeSampleDatabase(*db, options);
    QVERIFY2(written.error.isEmpty(), qPrintable(written.error));

    LoadResult load;
    const auto store = loadDatabaseSource(path, &load);
    QVERIFY2(store, qPrintable(load.error));
    QCOMPARE(load.issueCount, quint64(0));
    QCOMPARE(quint64(store->executionCount()), written.executions);
    QCOMPARE(qint64(store->transitionCount()), scalar(*db, "SELECT count(*) FROM state_transitions"));
    QCOMPARE(qint64(store->checkpoints().size()), scalar(*db, "SELECT count(*) FROM state_checkpoints"));

    AnalysisOptions analysisOptions;
    const AnalysisReport report = analyze(*store, analysisOptions);
    QCOMPARE(report.executions, written.executions);

    // Transition counts equal SQLite's own GROUP BY.
    QString error;
    auto counts = db->prepare("SELECT from_state, to_state, count(*) FROM state_transitions GROUP BY 1, 2", &error);
    QVERIFY(counts);
    int pairs = 0;
    while (counts->next()) {
        const int from = report.stateIndex(QString::fromUtf8(counts->text(0)));
        const int to = report.stateIndex(QString::fromUtf8(counts->text(1)));
        QVERIFY(from >= 0 && to >= 0);
        bool found = false;
        for (const auto &e : report.edges) {
            if (e.from == from && e.to == to) {
                QCOMPARE(qint64(e.count), counts->int64(2));
                found = true;
            }
        }
        QVERIFY(found);
        ++pairs;
    }
    QCOMPARE(int(report.edges.size()), pairs);

    // Mean dwell per state equals the window-function query the benchmark's peer runs: a stay
    // in from_state lasts from the previous transition (or created_at) to this one.
    auto dwell = db->prepare(
        "SELECT from_state, avg(dwell), count(*) FROM ("
        " SELECT t.from_state, (julianday(t.timestamp) - julianday(coalesce(lag(t.timestamp) OVER"
        "  (PARTITION BY t.workflow_state_id ORDER BY t.timestamp), s.created_at))) * 86400000.0 AS dwell"
        " FROM state_transitions t JOIN workflow_states s ON s.id = t.workflow_state_id) GROUP BY 1", &error);
    QVERIFY2(dwell, qPrintable(error));
    int states = 0;
    while (dwell->next()) {
        const int i = report.stateIndex(QString::fromUtf8(dwell->text(0)));
        QVERIFY(i >= 0);
        QCOMPARE(qint64(report.states[i].dwell.count), dwell->int64(2));
        const double sqlMean = dwell->text(1).toDouble();
        QVERIFY2(std::abs(report.states[i].dwell.mean - sqlMean) < 0.01,
                 qPrintable(QStringLiteral("%1: %2 vs %3").arg(report.states[i].name).arg(report.states[i].dwell.mean).arg(sqlMean)));
        ++states;
    }
    QVERIFY(states >= 6);

    // Checkpoint statuses add up, and the writer's corrupted share shows up as corrupted.
    QCOMPARE(report.checkpointsTotal, quint64(store->checkpoints().size()));
    QCOMPARE(report.checkpointsVerified + quint64(report.checkpointsCorrupted.size()) + report.checkpointsUnverifiable,
             report.checkpointsTotal);
    QCOMPARE(qint64(report.checkpointsUnverifiable), scalar(*db, "SELECT count(*) FROM state_checkpoints WHERE checksum IS NULL"));
    QVERIFY(report.checkpointsVerified > report.checkpointsTotal * 9 / 10);
    // The state machine referenced by the workflows is found for conformance by analyze's caller;
    // here it is at least read.
    QCOMPARE(int(store->definitions().size()), 1);
    QCOMPARE(store->definitions().front().states.size(), size_t(9));
}

void TestSqliteStore::foreignWriterConventions()
{
    // Another engine's choices, all allowed by SPEC 2.1: epoch-millisecond integers, offsets and
    // spaces in timestamps, upper-case checksums with a sha256: prefix, booleans as text.
    std::unique_ptr<SqliteConnection> db;
    const QString path = newDatabase(QStringLiteral("foreign.sqlite"), &db);
    QString error;
    const bool ok = db->execScript(R"SQL(
        INSERT INTO workflows (id, name) VALUES ('w1', 'billing');
        INSERT INTO workflow_states (id, workflow_id, execution_id, state_version, current_state, persistence, created_at)
            VALUES ('s1', 'w1', 'e1', 3, '{"stateName":"done"}', '{}', 1767225600000),
                   ('s2', 'w1', 'e2', 1, '{"stateName":"start"}', '{}', '2026-01-01 02:00:00+02:00');
        INSERT INTO state_transitions (id, workflow_state_id, transition_id, from_state, to_state, transition_type, timestamp, trigger)
            VALUES ('t2', 's1', 'x', 'work', 'done', 'normal', '2026-01-01T00:00:03.500Z', '{}'),
                   ('t1', 's1', 'x', 'start', 'work', 'normal', 1767225601000, '{}');
        INSERT INTO state_checkpoints (id, workflow_state_id, checkpoint_type, timestamp, state_snapshot, variables, checksum, recoverable)
            VALUES ('c1', 's1', 'manual', '2026-01-01T00:00:01Z', '{"stateName":"work"}', '{"a":1}',
                    'sha256:' || upper('CHECKSUM_PLACEHOLDER'), 'true');
    )SQL", &error);
    QVERIFY2(ok, qPrintable(error));
    // Fill in the real checksum of {"state":{"stateName":"work"},"variables":{"a":1}}.
    auto update = db->prepare("UPDATE state_checkpoints SET checksum = $1 WHERE id = 'c1'", &error);
    QVERIFY(update);
    const QByteArray digest = QCryptographicHash::hash(R"({"state":{"stateName":"work"},"variables":{"a":1}})",
                                                       QCryptographicHash::Sha256).toHex().toUpper();
    update->bindText(1, QByteArray("sha256:" + digest));
    QVERIFY(update->exec());
    db.reset();

    LoadResult load;
    const auto store = loadDatabaseSource(path, &load);
    QVERIFY2(store, qPrintable(load.error));
    QCOMPARE(load.issueCount, quint64(0));
    QCOMPARE(store->executionCount(), 2u);
    const ExecutionIndex e1 = store->findExecution("e1");
    QCOMPARE(store->executionEntryTime(e1), TimeMs(1767225600000));
    QCOMPARE(store->executionEntryTime(store->findExecution("e2")), TimeMs(1767225600000)); // 02:00+02:00
    // Rows arrived out of order; the store orders them by time.
    const quint32 first = store->firstTransitionOf(e1);
    QCOMPARE(store->stateName(store->transitionFrom(first)), QStringLiteral("start"));
    QCOMPARE(store->transitionTime(store->nextTransition(first)), TimeMs(1767225603500));
    QCOMPARE(store->checkpoints().size(), size_t(1));
    QCOMPARE(store->checkpoints().front().status, CheckpointStatus::Verified);
    QVERIFY(store->checkpoints().front().recoverable);

    const AnalysisReport report = analyze(*store, AnalysisOptions());
    const int start = report.stateIndex(QStringLiteral("start"));
    const int work = report.stateIndex(QStringLiteral("work"));
    QCOMPARE(report.states[start].dwell.mean, 1000.0); // created 00:00:00, left 00:00:01
    QCOMPARE(report.states[work].dwell.mean, 2500.0);  // 00:00:01 to 00:00:03.5
    // e2 never moved: its only state counts as a first state.
    QCOMPARE(report.states[start].executionsInState, quint64(1));
}

void TestSqliteStore::badRowsAreReportedAndSkipped()
{
    std::unique_ptr<SqliteConnection> db;
    const QString path = newDatabase(QStringLiteral("bad.sqlite"), &db);
    QString error;
    const bool ok = db->execScript(R"SQL(
        INSERT INTO workflow_states (id, workflow_id, execution_id, state_version, current_state, persistence, created_at)
            VALUES ('good', 'w', 'e1', 1, '{"stateName":"a"}', '{}', '2026-01-01T00:00:00Z'),
                   ('badjson', 'w', 'e2', 1, '{"stateName": "a"', '{}', '2026-01-01T00:00:00Z'),
                   ('badtime', 'w', 'e3', 1, '{"stateName":"a"}', '{}', 'yesterday'),
                   ('badtype', 'w', 'e4', 1, '{"stateName": 42}', '{}', '2026-01-01T00:00:00Z');
        INSERT INTO state_transitions (id, workflow_state_id, transition_id, from_state, to_state, transition_type, timestamp, trigger)
            VALUES ('t1', 'good', 'x', 'a', 'b', 'normal', '2026-01-01T00:00:01Z', '{}'),
                   ('t2', 'good', 'x', 'b', 'c', 'normal', 'not a time', '{}'),
                   ('t3', 'badjson', 'x', 'a', 'b', 'normal', '2026-01-01T00:00:01Z', '{}');
        INSERT INTO state_consistency (id, workflow_id, consistency_level, replication_factor, quorum_size,
                                       conflict_resolution, synchronization)
            VALUES ('k1', 'w', 'strong', 3, 2, '{}', '{nodes: broken');
        INSERT INTO state_machines (id, name, version, definition, states, transitions, initial_state)
            VALUES ('m1', 'm', '1', '{}', '{"not": "an array"}', '[]', 'a');
    )SQL", &error);
    QVERIFY2(ok, qPrintable(error));
    db.reset();

    LoadResult load;
    const auto store = loadDatabaseSource(path, &load);
    QVERIFY2(store, qPrintable(load.error));
    QStringList problems;
    for (const LoadIssue &i : load.issues)
        problems.append(i.toString());
    const QString all = problems.join(QLatin1Char('\n'));
    QVERIFY2(all.contains(QLatin1String("workflow_states badjson: current_state: invalid JSON")), qPrintable(all));
    QVERIFY2(all.contains(QLatin1String("workflow_states badtime: created_at is not a timestamp")), qPrintable(all));
    QVERIFY2(all.contains(QLatin1String("workflow_states badtype: current_state: \"stateName\" is not a string")), qPrintable(all));
    QVERIFY2(all.contains(QLatin1String("state_transitions t2: timestamp is not a timestamp")), qPrintable(all));
    QVERIFY2(all.contains(QLatin1String("state_transitions (1 rows): workflow_state_id names no readable")), qPrintable(all));
    QVERIFY2(all.contains(QLatin1String("state_consistency k1: synchronization: invalid JSON")), qPrintable(all));
    QVERIFY2(all.contains(QLatin1String("state_machines m1: states is not a JSON array")), qPrintable(all));
    QCOMPARE(load.issueCount, quint64(7));
    // The good rows are all there.
    QCOMPARE(store->executionCount(), 1u);
    QCOMPARE(store->transitionCount(), 1u);
}

void TestSqliteStore::badFiles_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected");
    QTest::newRow("text file") << QByteArray("hello, not a database\n") << QStringLiteral("notes.db")
                               << QStringLiteral("not an SQLite database");
    QTest::newRow("empty file") << QByteArray() << QStringLiteral("empty.sqlite") << QStringLiteral("not an SQLite database");
    QTest::newRow("truncated") << QByteArray("SQLite format 3\0garbage", 24) << QStringLiteral("cut.sqlite")
                               << QStringLiteral("unreadable database");
    QTest::newRow("missing") << QByteArray() << QString() << QStringLiteral("no such file");
}

void TestSqliteStore::badFiles()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, name);
    QFETCH(QString, expected);
    QString path = m_dir.filePath(QStringLiteral("absent.sqlite"));
    if (!name.isEmpty()) {
        path = m_dir.filePath(name);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
    }
    LoadResult load;
    QVERIFY(!loadDatabaseSource(path, &load));
    QVERIFY2(load.error.contains(expected), qPrintable(load.error));
    QVERIFY2(load.error.contains(path), qPrintable(load.error));
}

void TestSqliteStore::injectionShapedNamesAreData()
{
    std::unique_ptr<SqliteConnection> db;
    const QString path = newDatabase(QStringLiteral("inject.sqlite"), &db);
    const QByteArray evil = "x'); DROP TABLE state_transitions;--";
    QString error;
    QVERIFY(db->execScript("INSERT INTO workflow_states (id, workflow_id, execution_id, state_version, current_state, persistence,"
                           " created_at) VALUES ('s', 'w', 'e', 1, '{}', '{}', '2026-01-01T00:00:00Z')", &error));
    auto insert = db->prepare("INSERT INTO state_transitions (id, workflow_state_id, transition_id, from_state, to_state, "
                              "transition_type, timestamp, trigger) VALUES ('t', 's', 'x', $1, $2, 'normal', "
                              "'2026-01-01T00:00:01Z', '{}')", &error);
    QVERIFY(insert);
    insert->bindText(1, evil);
    insert->bindText(2, "\"; DELETE FROM workflow_states; --");
    QVERIFY(insert->exec());
    db.reset();
    const QByteArray before = QCryptographicHash::hash([&] { QFile f(path); f.open(QIODevice::ReadOnly); return f.readAll(); }(),
                                                       QCryptographicHash::Sha256);
    LoadResult load;
    const auto store = loadDatabaseSource(path, &load);
    QVERIFY2(store, qPrintable(load.error));
    const AnalysisReport report = analyze(*store, AnalysisOptions());
    QVERIFY(report.stateIndex(QString::fromUtf8(evil)) >= 0);
    QVERIFY(report.stateIndex(QStringLiteral("\"; DELETE FROM workflow_states; --")) >= 0);
    // Reading never writes: the file is byte for byte what it was.
    QFile after(path);
    QVERIFY(after.open(QIODevice::ReadOnly));
    QCOMPARE(QCryptographicHash::hash(after.readAll(), QCryptographicHash::Sha256), before);
}

void TestSqliteStore::cancelStopsTheLoad()
{
    std::unique_ptr<SqliteConnection> db;
    const QString path = newDatabase(QStringLiteral("cancel.sqlite"), &db);
    SampleDatabaseOptions options;
    options.executions = 100;
    QVERIFY(writeSampleDatabase(*db, options).error.isEmpty());
    db.reset();
    std::atomic_bool cancel{true};
    LoadResult load;
    int progressCalls = 0;
    QVERIFY(!loadDatabaseSource(path, &load, [&](const LoadProgress &) { ++progressCalls; }, &cancel));
    QVERIFY(load.cancelled);
    QCOMPARE(progressCalls, 0);
}

// state_recovery_log.data_loss as StateScope and other engines write it: the figures of the
// data_loss document, unknown (-1) for any other shape, never an issue; and a log without
// the column (an older engine's) loads with every figure unknown.
void TestSqliteStore::recoveryDataLoss()
{
    std::unique_ptr<SqliteConnection> db;
    const QString path = newDatabase(QStringLiteral("dataloss.sqlite"), &db);
    QString error;
    QVERIFY2(db->execScript(R"SQL(
        INSERT INTO workflow_states (id, workflow_id, execution_id, state_version, current_state, persistence, created_at)
            VALUES ('s1', 'w', 'e1', 1, '{"stateName":"a"}', '{}', '2026-01-01T00:00:00Z');
        INSERT INTO state_recovery_log (id, workflow_state_id, recovery_time, recovery_type, to_state,
                                        recovery_duration_ms, data_loss, success)
            VALUES ('r1', 's1', '2026-01-01T00:00:01Z', 'checkpoint', 'a', 10,
                    '{"transitionsRolledBack":2,"variables":[{"key":"x","change":"changed"},{"key":"y","change":"removed"}]}', 1),
                   ('r2', 's1', '2026-01-01T00:00:02Z', 'checkpoint', 'a', 10, '{"transitionsRolledBack":5}', 1),
                   ('r3', 's1', '2026-01-01T00:00:03Z', 'checkpoint', 'a', 10, '7', 1),
                   ('r4', 's1', '2026-01-01T00:00:04Z', 'checkpoint', 'a', 10, 'null', 0),
                   ('r5', 's1', '2026-01-01T00:00:05Z', 'checkpoint', 'a', 10, NULL, 1),
                   ('r6', 's1', '2026-01-01T00:00:06Z', 'checkpoint', 'a', 10, '{"lost": "everything"', 1),
                   ('r7', 's1', '2026-01-01T00:00:07Z', 'checkpoint', 'a', 10, 12, 1),
                   ('r8', 's1', '2026-01-01T00:00:08Z', 'checkpoint', 'a', 10, '["t-1","t-2"]', 1);
    )SQL", &error), qPrintable(error));

    const auto figures = [&path]() {
        LoadResult load;
        const auto store = loadDatabaseSource(path, &load);
        std::map<QString, std::pair<qint64, qint64>> byId;
        if (!store || load.issueCount != 0)
            return byId;
        for (const RecoveryRecord &r : store->recoveries())
            byId[r.id] = {r.transitionsRolledBack, r.variablesChanged};
        return byId;
    };
    std::map<QString, std::pair<qint64, qint64>> read = figures();
    QCOMPARE(read.size(), size_t(8));
    QCOMPARE(read[QStringLiteral("r1")], std::make_pair(qint64(2), qint64(2)));
    QCOMPARE(read[QStringLiteral("r2")], std::make_pair(qint64(5), qint64(-1)));
    for (const char *unknown : {"r3", "r4", "r5", "r6", "r7", "r8"})
        QCOMPARE(read[QString::fromLatin1(unknown)], std::make_pair(qint64(-1), qint64(-1)));

    QVERIFY2(db->execScript("ALTER TABLE state_recovery_log DROP COLUMN data_loss", &error), qPrintable(error));
    QVERIFY(!db->columnExists(QStringLiteral("state_recovery_log"), QStringLiteral("data_loss")));
    read = figures();
    QCOMPARE(read.size(), size_t(8));
    for (const auto &[id, counts] : read)
        QCOMPARE(counts, std::make_pair(qint64(-1), qint64(-1)));
}

QTEST_GUILESS_MAIN(TestSqliteStore)
#include "tst_sqlitestore.moc"
