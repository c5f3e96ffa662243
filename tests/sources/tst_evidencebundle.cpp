// Evidence bundles against real SQLite files (and a PostgreSQL source when the test server
// runs): a selection of a sample database is bundled, reopened through the normal loader, and
// analysed again; the bundle's own table holds the report; failures leave nothing behind.
#include "analyzer.h"
#include "auditlog.h"
#include "eventstore.h"
#include "evidencebundle.h"
#include "pgconnection.h"
#include "pgtestdatabase.h"
#include "reportjson.h"
#include "sampledatabase.h"
#include "schemainstaller.h"
#include "sqliteconnection.h"
#include "storeloader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace StateScope;

class TestEvidenceBundle : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void windowOfOneWorkflowReopensWithTheSameAnalysis();
    void storeOnlyBundleKeepsCheckpointVerdicts();
    void postgresSourceRowsAreCopied();
    void failuresLeaveNoFile();

private:
    static QByteArray bundleValue(const QString &bundle, const QByteArray &key);
    static qint64 scalar(const QString &path, const QByteArray &sql);
    static void compareReports(const AnalysisReport &bundled, const AnalysisReport &original);

    QTemporaryDir m_dir;
    QString m_sample;
    std::shared_ptr<EventStore> m_store;
    QString m_selectedExecution; // of the first workflow, with a transition in the window
};

static constexpr TimeMs kDay = 24 * 3600 * 1000;

void TestEvidenceBundle::initTestCase()
{
    m_sample = m_dir.filePath(QStringLiteral("sample.sqlite"));
    QString error;
    {
        auto c = SqliteConnection::open(m_sample, false, true, &error);
        QVERIFY2(c && installSchema(*c, &error), qPrintable(error));
        SampleDatabaseOptions options;
        options.executions = 900;
        options.seed = 11;
        options.recoveryShare = 0.05;
        options.corruptedShare = 0.1;
        options.unverifiableShare = 0.1;
        QVERIFY(writeSampleDatabase(*c, options).error.isEmpty());
    }
    LoadResult load;
    m_store = loadDatabaseSource(m_sample, &load);
    QVERIFY2(m_store, qPrintable(load.error));
    QVERIFY(m_store->workflows().size() >= 2);
    // One execution of the first workflow active on the window's days, for an audit row.
    const TimeMs end = SampleDatabaseOptions().end;
    for (ExecutionIndex e = 0; e < m_store->executionCount() && m_selectedExecution.isEmpty(); ++e) {
        const quint32 t = m_store->firstTransitionOf(e);
        if (m_store->executionWorkflow(e) == 0 && t != kNoIndex && m_store->transitionTime(t) > end - 4 * kDay
            && m_store->transitionTime(t) < end - 3 * kDay)
            m_selectedExecution = m_store->executionId(e);
    }
    QVERIFY(!m_selectedExecution.isEmpty());
    // Two audit rows: one about that execution, one about an execution of another workflow.
    auto c = SqliteConnection::open(m_sample, false, false, &error);
    QVERIFY(c);
    AuditLog audit(*c);
    QByteArray id;
    AuditEntry about{QStringLiteral("ops"), QStringLiteral("recovery_executed"),
                     QStringLiteral("execution %1 checkpoint x").arg(m_selectedExecution), QStringLiteral("incident 42"),
                     QJsonObject{{QStringLiteral("executionId"), m_selectedExecution}}, end - 3 * kDay};
    QVERIFY2(audit.writeAlone(about, &id, &error), qPrintable(error));
    AuditEntry other{QStringLiteral("ops"), QStringLiteral("recovery_refused"), QStringLiteral("execution elsewhere"), {},
                     QJsonObject{{QStringLiteral("executionId"), QStringLiteral("elsewhere")}}, end - 3 * kDay};
    QVERIFY2(audit.writeAlone(other, &id, &error), qPrintable(error));
}

QByteArray TestEvidenceBundle::bundleValue(const QString &bundle, const QByteArray &key)
{
    QString error;
    auto c = SqliteConnection::open(bundle, true, false, &error);
    auto q = c ? c->prepare("SELECT value FROM statescope_bundle WHERE key = $1", &error) : nullptr;
    if (!q)
        qFatal("%s", qPrintable(error));
    q->bindText(1, key);
    return q->next() ? q->text(0).toByteArray() : QByteArray();
}

qint64 TestEvidenceBundle::scalar(const QString &path, const QByteArray &sql)
{
    QString error;
    auto c = SqliteConnection::open(path, true, false, &error);
    auto q = c ? c->prepare(sql, &error) : nullptr;
    if (!q || !q->next())
        qFatal("%s: %s", sql.constData(), qPrintable(q ? q->error() : error));
    return q->int64(0);
}

// Equal JSON, numbers within a relative 1e-9: the Markov solves run over the states in the
// order a load interned them, which moves the last bits.
static bool sameJson(const QJsonValue &a, const QJsonValue &b, const QString &path, QString *where)
{
    if (a.isDouble() && b.isDouble()) {
        const double x = a.toDouble(), y = b.toDouble();
        if (std::abs(x - y) <= 1e-9 * std::max(1.0, std::max(std::abs(x), std::abs(y))))
            return true;
    } else if (a.isObject() && b.isObject() && a.toObject().keys() == b.toObject().keys()) {
        const QJsonObject o = a.toObject(), p = b.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (!sameJson(it.value(), p.value(it.key()), path + QLatin1Char('.') + it.key(), where))
                return false;
        }
        return true;
    } else if (a.isArray() && b.isArray() && a.toArray().size() == b.toArray().size()) {
        for (qsizetype i = 0; i < a.toArray().size(); ++i) {
            if (!sameJson(a.toArray()[i], b.toArray()[i], path + QStringLiteral("[%1]").arg(i), where))
                return false;
        }
        return true;
    } else if (a == b) {
        return true;
    }
    *where = QStringLiteral("%1: bundle %2, original %3")
                 .arg(path, QString::fromUtf8(QJsonDocument(QJsonArray{a}).toJson(QJsonDocument::Compact)).left(500),
                      QString::fromUtf8(QJsonDocument(QJsonArray{b}).toJson(QJsonDocument::Compact)).left(500));
    return false;
}

// The report lists states in a reading order whose ties follow the order a load met the
// states in; everything else is keyed by name. Lists of states are compared as sets.
static QJsonObject canonical(QJsonObject report)
{
    for (const QString &key : {QStringLiteral("states"), QStringLiteral("terminal")}) {
        QStringList names;
        for (const QJsonValue &v : report.value(key).toArray())
            names.append(v.toString());
        names.sort();
        report.insert(key, QJsonArray::fromStringList(names));
    }
    QJsonArray bottlenecks = report.value(QStringLiteral("bottlenecks")).toArray();
    std::vector<QJsonValue> sorted(bottlenecks.begin(), bottlenecks.end());
    std::sort(sorted.begin(), sorted.end(), [](const QJsonValue &a, const QJsonValue &b) {
        return a[QStringLiteral("state")].toString() < b[QStringLiteral("state")].toString();
    });
    bottlenecks = QJsonArray();
    for (const QJsonValue &v : sorted)
        bottlenecks.append(v);
    report.insert(QStringLiteral("bottlenecks"), bottlenecks);
    return report;
}

void TestEvidenceBundle::compareReports(const AnalysisReport &bundled, const AnalysisReport &original)
{
    // The figures one by one first (a readable failure), then everything the JSON holds.
    QCOMPARE(bundled.executions, original.executions);
    QCOMPARE(bundled.transitions, original.transitions);
    QCOMPARE(bundled.states.size(), original.states.size());
    for (const AnalysisReport::StateRow &row : original.states) {
        const int i = bundled.stateIndex(row.name);
        QVERIFY2(i >= 0, qPrintable(row.name));
        QCOMPARE(bundled.states[i].dwell.count, row.dwell.count);
        QCOMPARE(bundled.states[i].executionsInState, row.executionsInState);
        QCOMPARE(bundled.states[i].terminal, row.terminal);
    }
    QCOMPARE(bundled.edges.size(), original.edges.size());
    QCOMPARE(bundled.checkpointsTotal, original.checkpointsTotal);
    QCOMPARE(bundled.checkpointsVerified, original.checkpointsVerified);
    QCOMPARE(bundled.checkpointsCorrupted, original.checkpointsCorrupted);
    QCOMPARE(bundled.recoveryAttempts, original.recoveryAttempts);
    QCOMPARE(bundled.variantCount, original.variantCount);
    QCOMPARE(bundled.consistency.size(), original.consistency.size());
    QString where;
    QVERIFY2(sameJson(canonical(reportToJson(bundled)), canonical(reportToJson(original)), QStringLiteral("report"), &where),
             qPrintable(where));
}

void TestEvidenceBundle::windowOfOneWorkflowReopensWithTheSameAnalysis()
{
    const TimeMs end = SampleDatabaseOptions().end;
    EvidenceBundleOptions options;
    options.analysis.sourceLabel = QStringLiteral("sample.sqlite");
    options.analysis.selection.workflows.assign(m_store->workflows().size(), false);
    options.analysis.selection.workflows[0] = true;
    options.analysis.selection.from = end - 5 * kDay;
    options.analysis.selection.to = end - 2 * kDay;
    options.analysis.definition = *m_store->definitionById(m_store->workflows()[0].stateMachineId);
    options.sourceDatabase = m_sample;
    const AnalysisReport original = analyze(*m_store, options.analysis);
    QVERIFY(original.transitions > 500);
    QVERIFY(original.checkpointsTotal > 0 && original.recoveryAttempts > 0 && !original.consistency.empty());

    const QString path = m_dir.filePath(QStringLiteral("window.sqlite"));
    QFile stale(path); // an older file at the target is replaced whole
    QVERIFY(stale.open(QIODevice::WriteOnly) && stale.write("not a bundle") > 0);
    stale.close();
    const EvidenceBundleSummary written = writeEvidenceBundle(*m_store, options, path);
    QVERIFY2(written.error.isEmpty(), qPrintable(written.error));
    QVERIFY(!QFile::exists(path + QStringLiteral(".partial")));
    QCOMPARE(written.workflows, quint64(1));
    QCOMPARE(written.definitions, quint64(1));
    QVERIFY(written.executions >= original.executions);
    QCOMPARE(written.auditRows, quint64(1));

    LoadResult load;
    const auto bundled = loadDatabaseSource(path, &load);
    QVERIFY2(bundled, qPrintable(load.error));
    QCOMPARE(load.issueCount, quint64(0));
    QCOMPARE(bundled->workflows().size(), size_t(1));
    QCOMPARE(bundled->workflows()[0].id, m_store->workflows()[0].id);
    QCOMPARE(quint64(bundled->executionCount()), written.executions);
    QCOMPARE(bundled->definitions().size(), size_t(1));

    // The same window over the bundle gives the same report: whole paths were kept.
    AnalysisOptions again;
    again.sourceLabel = options.analysis.sourceLabel;
    again.selection.from = options.analysis.selection.from;
    again.selection.to = options.analysis.selection.to;
    again.definition = bundled->definitions().front();
    compareReports(analyze(*bundled, again), original);

    // The bundle's own table: the report of the selection and what was selected.
    QCOMPARE(bundleValue(path, "format_version"), QByteArray("1"));
    QCOMPARE(QJsonDocument::fromJson(bundleValue(path, "report")).object(), reportToJson(original));
    const QString selection = QString::fromUtf8(bundleValue(path, "selection"));
    QVERIFY2(selection.contains(m_store->workflows()[0].name) && selection.contains(QLatin1String("2025-12-27T00:00:00.000Z")),
             qPrintable(selection));
    QCOMPARE(bundleValue(path, "source"), QByteArray("sample.sqlite"));
    QVERIFY(bundleValue(path, "created_at").endsWith('Z'));
    // Copied from the source: the audit row about a bundled execution, and variables.
    QCOMPARE(scalar(path, "SELECT count(*) FROM audit_log WHERE reason = 'incident 42'"), 1);
    QCOMPARE(scalar(path, "SELECT count(*) FROM workflow_states WHERE variables <> '{}'"),
             qint64(written.executions));
}

void TestEvidenceBundle::storeOnlyBundleKeepsCheckpointVerdicts()
{
    // A source that is not a database (an event log, a feed): what the store holds is bundled,
    // checkpoint verdicts included. A workflow without a window reopens as it is.
    EvidenceBundleOptions options;
    options.analysis.selection.workflows.assign(m_store->workflows().size(), false);
    options.analysis.selection.workflows[1] = true;
    options.analysis.definition = *m_store->definitionById(m_store->workflows()[1].stateMachineId);
    const AnalysisReport original = analyze(*m_store, options.analysis);
    QVERIFY(original.checkpointsVerified > 0);
    QVERIFY(!original.checkpointsCorrupted.isEmpty() || original.checkpointsUnverifiable > 0);

    const QString path = m_dir.filePath(QStringLiteral("store-only.sqlite"));
    const EvidenceBundleSummary written = writeEvidenceBundle(*m_store, options, path);
    QVERIFY2(written.error.isEmpty(), qPrintable(written.error));
    QCOMPARE(written.executions, original.executions);
    QCOMPARE(written.auditRows, quint64(0));
    QVERIFY(!written.notes.isEmpty());
    LoadResult load;
    const auto bundled = loadDatabaseSource(path, &load);
    QVERIFY2(bundled, qPrintable(load.error));
    QCOMPARE(load.issueCount, quint64(0));
    AnalysisOptions again;
    again.definition = bundled->definitions().front();
    compareReports(analyze(*bundled, again), original);
    const QJsonArray notes = QJsonDocument::fromJson(bundleValue(path, "notes")).array();
    QCOMPARE(notes.size(), written.notes.size());
}

void TestEvidenceBundle::postgresSourceRowsAreCopied()
{
    STATESCOPE_REQUIRE_PG_DATABASE(pg);
    QString error;
    {
        auto c = PgConnection::open(pg.url(), false, &error);
        QVERIFY2(c && installSchema(*c, &error), qPrintable(error));
        SampleDatabaseOptions options;
        options.executions = 300;
        QVERIFY(writeSampleDatabase(*c, options).error.isEmpty());
    }
    LoadResult load;
    const auto store = loadDatabaseSource(pg.url(), &load);
    QVERIFY2(store, qPrintable(load.error));
    QString execution; // one with a transition in the window (the last day)
    for (ExecutionIndex e = 0; e < store->executionCount() && execution.isEmpty(); ++e) {
        const quint32 t = store->lastTransitionOf(e);
        if (t != kNoIndex && store->transitionTime(t) > SampleDatabaseOptions().end - kDay / 2)
            execution = store->executionId(e);
    }
    QVERIFY(!execution.isEmpty());
    {
        auto c = PgConnection::open(pg.url(), false, &error);
        QVERIFY(c);
        AuditLog audit(*c);
        QByteArray id;
        QVERIFY2(audit.writeAlone({QStringLiteral("ops"), QStringLiteral("recovery_executed"), QStringLiteral("x"),
                                   QStringLiteral("incident 7"), QJsonObject{{QStringLiteral("executionId"), execution}}},
                                  &id, &error),
                 qPrintable(error));
    }
    EvidenceBundleOptions options;
    options.analysis.sourceLabel = QStringLiteral("postgresql://test");
    options.analysis.selection.from = SampleDatabaseOptions().end - kDay;
    options.analysis.definition = store->definitions().front();
    options.sourceDatabase = pg.url();
    const AnalysisReport original = analyze(*store, options.analysis);
    QVERIFY(original.transitions > 0);
    const QString path = m_dir.filePath(QStringLiteral("from-postgres.sqlite"));
    const EvidenceBundleSummary written = writeEvidenceBundle(*store, options, path);
    QVERIFY2(written.error.isEmpty(), qPrintable(written.error));
    QCOMPARE(written.auditRows, quint64(1));
    QVERIFY2(written.notes.isEmpty(), qPrintable(written.notes.join(QLatin1Char('\n'))));
    const auto bundled = loadDatabaseSource(path, &load);
    QVERIFY2(bundled, qPrintable(load.error));
    QCOMPARE(load.issueCount, quint64(0));
    AnalysisOptions again;
    again.sourceLabel = options.analysis.sourceLabel;
    again.selection.from = options.analysis.selection.from;
    again.definition = options.analysis.definition;
    compareReports(analyze(*bundled, again), original);
    QCOMPARE(scalar(path, "SELECT count(*) FROM workflow_states WHERE variables LIKE '%orderId%'"), qint64(written.executions));
    QCOMPARE(scalar(path, "SELECT count(*) FROM audit_log WHERE reason = 'incident 7'"), 1);
}

void TestEvidenceBundle::failuresLeaveNoFile()
{
    EvidenceBundleOptions options;
    // A directory that cannot be created in (a regular file stands where it should be; root
    // may write anywhere else).
    const QString blocker = m_dir.filePath(QStringLiteral("not-a-directory"));
    QFile file(blocker);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    const QString path = blocker + QStringLiteral("/bundle.sqlite");
    EvidenceBundleSummary written = writeEvidenceBundle(*m_store, options, path);
    QVERIFY(!written.error.isEmpty());
    QVERIFY2(written.error.startsWith(path), qPrintable(written.error));
    QVERIFY(!QFile::exists(path) && !QFile::exists(path + QStringLiteral(".partial")));

    // The target is a directory: refused, the directory untouched, no partial file left.
    const QString directory = m_dir.filePath(QStringLiteral("a-directory"));
    QVERIFY(QDir().mkpath(directory));
    written = writeEvidenceBundle(*m_store, options, directory);
    QVERIFY2(written.error.startsWith(directory), qPrintable(written.error));
    QVERIFY(QFileInfo(directory).isDir());
    QVERIFY(!QFile::exists(directory + QStringLiteral(".partial")));
}

QTEST_GUILESS_MAIN(TestEvidenceBundle)
#include "tst_evidencebundle.moc"
