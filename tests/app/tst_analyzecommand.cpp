// `statescope analyze` end to end: the real executable on real files, as a script would run it.
#include "pgconnection.h"
#include "pgtestdatabase.h"
#include "sampledatabase.h"
#include "schemainstaller.h"
#include "sqliteconnection.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace StateScope;

class TestAnalyzeCommand : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void jsonReportHasSpecKeys();
    void textReportIsReadable();
    void filtersSelect();
    void definitionFileChecksConformance();
    void aslDefinitionAlone();
    void badArguments_data();
    void badArguments();
    void helpAndVersion();
    void postgresSourceEndToEnd();

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    static Run run(const QStringList &arguments);
    QTemporaryDir m_dir;
    QString m_db;
};

TestAnalyzeCommand::Run TestAnalyzeCommand::run(const QStringList &arguments)
{
    QProcess p;
    p.start(QStringLiteral(STATESCOPE_BINARY), arguments);
    if (!p.waitForFinished(120000))
        qFatal("statescope did not finish");
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(), p.readAllStandardError()};
}

void TestAnalyzeCommand::initTestCase()
{
    m_db = m_dir.filePath(QStringLiteral("cli.sqlite"));
    QString error;
    auto c = SqliteConnection::open(m_db, false, true, &error);
    QVERIFY(c && installSchema(*c, &error));
    SampleDatabaseOptions options;
    options.executions = 1500;
    options.seed = 3;
    QVERIFY(writeSampleDatabase(*c, options).error.isEmpty());
}

void TestAnalyzeCommand::jsonReportHasSpecKeys()
{
    const Run r = run({QStringLiteral("analyze"), m_db, QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(r.exitCode, 0);
    QJsonParseError pe;
    const QJsonObject o = QJsonDocument::fromJson(r.out, &pe).object();
    QCOMPARE(pe.error, QJsonParseError::NoError);
    for (const char *key : {"source", "executions", "transitions", "states", "terminal", "transitionCounts", "transitionMatrix",
                            "steadyState", "timeShare", "absorption", "dwellMs", "bottlenecks", "variants", "variantCount",
                            "conformance", "validation", "prediction", "checkpoints", "recovery", "consistency", "alerts"})
        QVERIFY2(o.contains(QLatin1String(key)), key);
    QCOMPARE(o.value(QStringLiteral("source")).toString(), m_db);
    QCOMPARE(o.value(QStringLiteral("executions")).toInteger(), 1500);
    QStringList terminal;
    for (const QJsonValue &v : o.value(QStringLiteral("terminal")).toArray())
        terminal.append(v.toString());
    terminal.sort();
    QCOMPARE(terminal, (QStringList{QStringLiteral("cancelled"), QStringLiteral("completed"), QStringLiteral("failed")}));
    // P rows sum to one; the steady state sums to one.
    const QJsonObject matrix = o.value(QStringLiteral("transitionMatrix")).toObject();
    for (auto it = matrix.begin(); it != matrix.end(); ++it) {
        double sum = 0;
        for (const QJsonValue &p : it.value().toObject())
            sum += p.toDouble();
        QVERIFY2(qAbs(sum - 1.0) < 1e-9, qPrintable(it.key()));
    }
    double steady = 0;
    for (const QJsonValue &p : o.value(QStringLiteral("steadyState")).toObject())
        steady += p.toDouble();
    QVERIFY(qAbs(steady - 1.0) < 1e-9);
    // The workflows reference the sample's state machine: conformance runs without --definition.
    const QJsonObject conformance = o.value(QStringLiteral("conformance")).toObject();
    QCOMPARE(conformance.value(QStringLiteral("definition")).toString(), QStringLiteral("order-processing"));
    QVERIFY(conformance.value(QStringLiteral("conformanceRate")).toDouble() > 0.95);
    QCOMPARE(o.value(QStringLiteral("validation")).toObject().value(QStringLiteral("missingErrorHandling")).toArray(),
             QJsonArray{QStringLiteral("preparing")});
    const QJsonObject dwell = o.value(QStringLiteral("dwellMs")).toObject().value(QStringLiteral("processing")).toObject();
    QVERIFY(dwell.value(QStringLiteral("p50")).toDouble() <= dwell.value(QStringLiteral("p95")).toDouble());
    QVERIFY(dwell.value(QStringLiteral("p95")).toDouble() <= dwell.value(QStringLiteral("max")).toDouble());
}

void TestAnalyzeCommand::textReportIsReadable()
{
    const Run r = run({QStringLiteral("analyze"), m_db});
    QCOMPARE(r.exitCode, 0);
    const QString text = QString::fromUtf8(r.out);
    for (const char *section : {"States", "Transition probabilities", "Outcomes from each state", "Bottlenecks", "Variants",
                                "Conformance to order-processing", "Validation", "Checkpoints and recovery", "Consistency", "Alerts"})
        QVERIFY2(text.contains(QLatin1String(section)), section);
    // Aligned: every row of the states table is as long as its rule line or shorter.
    QVERIFY(text.contains(QLatin1String("  state  ")) || text.contains(QLatin1String("  state ")));
}

void TestAnalyzeCommand::filtersSelect()
{
    const Run all = run({QStringLiteral("analyze"), m_db, QStringLiteral("--format"), QStringLiteral("json")});
    const Run one = run({QStringLiteral("analyze"), m_db, QStringLiteral("--format"), QStringLiteral("json"),
                         QStringLiteral("--workflow"), QStringLiteral("invoice-approval")});
    QCOMPARE(one.exitCode, 0);
    const qint64 allExecutions = QJsonDocument::fromJson(all.out).object().value(QStringLiteral("executions")).toInteger();
    const qint64 oneExecutions = QJsonDocument::fromJson(one.out).object().value(QStringLiteral("executions")).toInteger();
    QCOMPARE(oneExecutions, allExecutions / 3); // the sample deals executions to three workflows in turn
    const Run window = run({QStringLiteral("analyze"), m_db, QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--from"),
                            QStringLiteral("2025-12-31T00:00:00Z"), QStringLiteral("--to"), QStringLiteral("2026-01-01T00:00:00Z")});
    QCOMPARE(window.exitCode, 0);
    const QJsonObject w = QJsonDocument::fromJson(window.out).object();
    QVERIFY(w.value(QStringLiteral("transitions")).toInteger() > 0);
    QVERIFY(w.value(QStringLiteral("transitions")).toInteger()
            < QJsonDocument::fromJson(all.out).object().value(QStringLiteral("transitions")).toInteger() / 4);
}

void TestAnalyzeCommand::definitionFileChecksConformance()
{
    // A stricter definition than the data: no retries allowed at all.
    const QString path = m_dir.filePath(QStringLiteral("strict.json"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QJsonObject definition = QJsonDocument::fromJson(sampleDefinitionJson()).object();
    QJsonArray transitions;
    for (const QJsonValue &t : definition.value(QStringLiteral("transitions")).toArray()) {
        if (t.toObject().value(QStringLiteral("target")).toString() != QLatin1String("retrying"))
            transitions.append(t);
    }
    definition.insert(QStringLiteral("transitions"), transitions);
    definition.insert(QStringLiteral("name"), QStringLiteral("strict"));
    f.write(QJsonDocument(definition).toJson());
    f.close();
    const Run r = run({QStringLiteral("analyze"), m_db, QStringLiteral("--format"), QStringLiteral("json"),
                       QStringLiteral("--definition"), path});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject conformance = QJsonDocument::fromJson(r.out).object().value(QStringLiteral("conformance")).toObject();
    QCOMPARE(conformance.value(QStringLiteral("definition")).toString(), QStringLiteral("strict"));
    const QJsonArray invalid = conformance.value(QStringLiteral("invalidTransitions")).toArray();
    QVERIFY(!invalid.isEmpty());
    const QJsonObject top = invalid.first().toObject();
    QCOMPARE(top.value(QStringLiteral("from")).toString(), QStringLiteral("processing"));
    QCOMPARE(top.value(QStringLiteral("to")).toString(), QStringLiteral("retrying"));
    QVERIFY(!top.value(QStringLiteral("exampleExecutions")).toArray().isEmpty());
    QVERIFY(conformance.value(QStringLiteral("conformanceRate")).toDouble() < 0.95);
}

void TestAnalyzeCommand::badArguments_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    const QString db = QStringLiteral("DB");
    QTest::newRow("no source") << QStringList{} << QStringLiteral("missing SOURCE");
    QTest::newRow("two sources") << QStringList{db, db} << QStringLiteral("expected one SOURCE");
    QTest::newRow("missing file") << QStringList{QStringLiteral("/nonexistent.sqlite")} << QStringLiteral("no such file");
    QTest::newRow("bad format") << QStringList{db, QStringLiteral("--format"), QStringLiteral("xml")} << QStringLiteral("--format");
    QTest::newRow("bad time") << QStringList{db, QStringLiteral("--from"), QStringLiteral("soon")} << QStringLiteral("--from");
    QTest::newRow("from after to") << QStringList{db, QStringLiteral("--from"), QStringLiteral("2026-02-01T00:00:00Z"),
                                                  QStringLiteral("--to"), QStringLiteral("2026-01-01T00:00:00Z")}
                                   << QStringLiteral("later than --to");
    QTest::newRow("unknown workflow") << QStringList{db, QStringLiteral("--workflow"), QStringLiteral("nope")}
                                      << QStringLiteral("no workflow \"nope\"");
    QTest::newRow("bad definition") << QStringList{db, QStringLiteral("--definition"), QStringLiteral("/nonexistent.json")}
                                    << QStringLiteral("--definition");
    QTest::newRow("unknown option") << QStringList{db, QStringLiteral("--bogus")} << QStringLiteral("bogus");
    QTest::newRow("password in url") << QStringList{QStringLiteral("postgresql://u:pw@127.0.0.1:1/x")}
                                     << QStringLiteral("contains a password");
}

// `analyze DEF.asl.json`: the definition's states and its validation; a structurally broken
// machine still gets its report, and exit code 2 with one line naming the first problem.
void TestAnalyzeCommand::aslDefinitionAlone()
{
    const QString good = m_dir.filePath(QStringLiteral("order.asl.json"));
    QFile f(good);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"StartAt": "Check", "States": {
        "Check": {"Type": "Task", "Resource": "r", "Next": "Ship", "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Failed"}]},
        "Ship": {"Type": "Parallel", "Next": "Done", "Branches": [{"StartAt": "Pack", "States": {"Pack": {"Type": "Pass", "End": true}}}]},
        "Done": {"Type": "Succeed"}, "Failed": {"Type": "Fail"}}})");
    f.close();
    Run r = run({QStringLiteral("analyze"), good, QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(o.value(QStringLiteral("states")).toArray().size(), 5);
    QCOMPARE(o.value(QStringLiteral("terminal")).toArray(), (QJsonArray{QStringLiteral("Done"), QStringLiteral("Failed")}));
    const QJsonObject validation = o.value(QStringLiteral("validation")).toObject();
    QCOMPARE(validation.value(QStringLiteral("missingErrorHandling")).toArray(), QJsonArray{QStringLiteral("Ship")});
    QCOMPARE(validation.value(QStringLiteral("structuralErrors")).toArray(), QJsonArray());

    const QString broken = m_dir.filePath(QStringLiteral("broken.asl.json"));
    QFile b(broken);
    QVERIFY(b.open(QIODevice::WriteOnly));
    b.write(R"({"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "Gone"}, "A": {"Type": "Pass", "End": true}}})");
    b.close();
    r = run({QStringLiteral("analyze"), broken});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.contains("structural errors: duplicate state name \"A\""));
    QCOMPARE(r.err.count('\n'), 1);
    QVERIFY2(r.err.contains("structurally broken: duplicate state name \"A\" in the machine (and 1 more, under validation)"),
             r.err.constData());

    const QString unreadable = m_dir.filePath(QStringLiteral("unreadable.asl.json"));
    QFile u(unreadable);
    QVERIFY(u.open(QIODevice::WriteOnly));
    u.write("{\"StartAt\": \"A\",\n \"States\": {");
    u.close();
    r = run({QStringLiteral("analyze"), unreadable});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.contains("unreadable.asl.json: invalid JSON at line 2"), r.err.constData());
}

void TestAnalyzeCommand::badArguments()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    arguments.replaceInStrings(QStringLiteral("DB"), m_db);
    const Run r = run(QStringList{QStringLiteral("analyze")} + arguments);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    const QString err = QString::fromUtf8(r.err);
    QCOMPARE(err.count(QLatin1Char('\n')), 1); // one line
    QVERIFY2(err.contains(message), qPrintable(err));
}

void TestAnalyzeCommand::helpAndVersion()
{
    const Run version = run({QStringLiteral("--version")});
    QCOMPARE(version.exitCode, 0);
    QVERIFY(version.out.startsWith("statescope"));
    const Run help = run({QStringLiteral("analyze"), QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains("--workflow"));
}

void TestAnalyzeCommand::postgresSourceEndToEnd()
{
    STATESCOPE_REQUIRE_PG_DATABASE(pg);
    {
        QString error;
        auto c = PgConnection::open(pg.url(), false, &error);
        QVERIFY2(c && installSchema(*c, &error), qPrintable(error));
        SampleDatabaseOptions options; // the same data as the SQLite file of initTestCase
        options.executions = 1500;
        options.seed = 3;
        QVERIFY(writeSampleDatabase(*c, options).error.isEmpty());
    }
    const Run fromPg = run({QStringLiteral("analyze"), pg.url(), QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(fromPg.exitCode, 0);
    const Run fromSqlite = run({QStringLiteral("analyze"), m_db, QStringLiteral("--format"), QStringLiteral("json")});
    QJsonObject a = QJsonDocument::fromJson(fromPg.out).object();
    QJsonObject b = QJsonDocument::fromJson(fromSqlite.out).object();
    QCOMPARE(a.value(QStringLiteral("source")).toString(), pg.url());
    a.remove(QStringLiteral("source"));
    b.remove(QStringLiteral("source"));
    QCOMPARE(a.value(QStringLiteral("executions")).toInteger(), 1500);
    QCOMPARE(a, b);
    // Text form too, with the workflow filter.
    const Run text = run({QStringLiteral("analyze"), pg.url(), QStringLiteral("--workflow"), QStringLiteral("data-sync")});
    QCOMPARE(text.exitCode, 0);
    QVERIFY(text.out.contains("executions: 500"));
}

QTEST_GUILESS_MAIN(TestAnalyzeCommand)
#include "tst_analyzecommand.moc"
