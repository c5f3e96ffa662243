// Large reads from PostgreSQL through a server-side cursor (pgcursor): the binary decoding of
// every supported type, the text fallback, parameters, batches, stopping early, transactions.
#include "pgconnection.h"
#include "pgtestdatabase.h"

#include <QTest>

using namespace StateScope;

class TestPgCursor : public QObject
{
    Q_OBJECT

private slots:
    void decodesBinaryTypes();
    void timestampsFloorToMilliseconds_data();
    void timestampsFloorToMilliseconds();
    void fallsBackToTextForOtherTypes();
    void uuidKeysAgreeAcrossTypes();
    void bindsParameters();
    void streamsManyBatches();
    void stopsEarlyAndConnectionStaysUsable();
    void readsInsideCallersTransaction();
    void reportsErrors();

private:
    static std::unique_ptr<PgConnection> open(const QString &url)
    {
        QString error;
        auto c = PgConnection::open(url, false, &error);
        if (!c)
            qFatal("cannot connect: %s", qPrintable(error));
        return c;
    }
};

void TestPgCursor::decodesBinaryTypes()
{
    STATESCOPE_REQUIRE_PG_DATABASE(db);
    auto c = open(db.url());
    QString error;
    auto q = c->prepareRead("SELECT '0e37df36-f698-11e6-8dd4-cb9ced3df976'::uuid, 'Ünïcode näme'::varchar, 'x'::text, "
                            "'{\"stateName\": \"Pending\"}'::jsonb, true, false, (-5)::int2, 70000::int4, "
                            "(-9000000000)::int8, 2.5::float8, NULL::text, '{\"a\":1}'::json", &error);
    QVERIFY2(q, qPrintable(error));
    QVERIFY2(q->next(), qPrintable(q->error()));
    QCOMPARE(q->text(0), QByteArrayView("0e37df36-f698-11e6-8dd4-cb9ced3df976"));
    QCOMPARE(QString::fromUtf8(q->text(1)), QStringLiteral("Ünïcode näme"));
    QCOMPARE(q->text(2), QByteArrayView("x"));
    QCOMPARE(q->text(3), QByteArrayView("{\"stateName\": \"Pending\"}"));
    QCOMPARE(q->text(4), QByteArrayView("t"));
    QCOMPARE(q->text(5), QByteArrayView("f"));
    QVERIFY(q->isInteger(6) && q->isInteger(7) && q->isInteger(8));
    QCOMPARE(q->int64(6), -5);
    QCOMPARE(q->int64(7), 70000);
    QCOMPARE(q->int64(8), Q_INT64_C(-9000000000));
    QCOMPARE(q->text(8), QByteArrayView("-9000000000"));
    QVERIFY(!q->isInteger(9));
    QCOMPARE(q->text(9).toByteArray().toDouble(), 2.5);
    QVERIFY(q->isNull(10));
    QVERIFY(!q->isNull(0));
    QCOMPARE(q->text(11), QByteArrayView("{\"a\":1}"));
    QVERIFY(!q->next());
    QVERIFY(q->error().isEmpty());
}

void TestPgCursor::timestampsFloorToMilliseconds_data()
{
    QTest::addColumn<QString>("literal");
    QTest::addColumn<qint64>("epochMs");
    QTest::newRow("after 2000") << "2026-11-22T08:00:00.123456Z" << Q_INT64_C(1795334400123);
    QTest::newRow("before 2000") << "1999-12-31T23:59:59.9995Z" << Q_INT64_C(946684799999);
    QTest::newRow("before 1970, rounds down") << "1969-12-31T23:59:59.9995Z" << Q_INT64_C(-1);
    QTest::newRow("zone offset") << "2026-11-22T10:00:00+02:00" << Q_INT64_C(1795334400000);
}

void TestPgCursor::timestampsFloorToMilliseconds()
{
    QFETCH(QString, literal);
    QFETCH(qint64, epochMs);
    STATESCOPE_REQUIRE_PG_DATABASE(db);
    auto c = open(db.url());
    QString error;
    // The text path's expression, side by side: both readings must agree.
    auto q = c->prepareRead("SELECT t, t::timestamp, floor(extract(epoch from t) * 1000)::int8, 'infinity'::timestamptz "
                            "FROM (SELECT $1::timestamptz AS t) s", &error);
    QVERIFY2(q, qPrintable(error));
    q->bindText(1, literal.toUtf8());
    QVERIFY2(q->next(), qPrintable(q->error()));
    QVERIFY(q->isInteger(0));
    bool ok = false;
    QCOMPARE(q->int64(0, &ok), epochMs);
    QVERIFY(ok);
    QCOMPARE(q->int64(1), epochMs); // the session runs in UTC
    QCOMPARE(q->int64(2), epochMs);
    q->int64(3, &ok);
    QVERIFY2(!ok, "infinity has no epoch milliseconds");
}

void TestPgCursor::fallsBackToTextForOtherTypes()
{
    STATESCOPE_REQUIRE_PG_DATABASE(db);
    auto c = open(db.url());
    QString error;
    // numeric and arrays are not decoded in binary: the whole cursor reads as text.
    auto q = c->prepareRead("SELECT 12.50::numeric, ARRAY['a','b']::text[], 7::int8, "
                            "'0e37df36-f698-11e6-8dd4-cb9ced3df976'::uuid", &error);
    QVERIFY2(q, qPrintable(error));
    QVERIFY2(q->next(), qPrintable(q->error()));
    QCOMPARE(q->text(0), QByteArrayView("12.50"));
    QCOMPARE(q->text(1), QByteArrayView("{a,b}"));
    QVERIFY(q->isInteger(2));
    QCOMPARE(q->int64(2), 7);
    QCOMPARE(q->text(3), QByteArrayView("0e37df36-f698-11e6-8dd4-cb9ced3df976"));
}

void TestPgCursor::uuidKeysAgreeAcrossTypes()
{
    STATESCOPE_REQUIRE_PG_DATABASE(db);
    auto c = open(db.url());
    QString error;
    // A uuid read in binary, the same uuid stored as text (upper case), and in a text-mode
    // cursor (the numeric column forces it): one key, so rows of one table find another's.
    auto binary = c->prepareRead("SELECT '0E37DF36-F698-11E6-8DD4-CB9CED3DF976'::uuid, "
                                 "'0E37DF36-F698-11E6-8DD4-CB9CED3DF976'::text, 'not-a-uuid'::text", &error);
    auto textMode = c->prepareRead("SELECT '0e37df36-f698-11e6-8dd4-cb9ced3df976'::uuid, 1::numeric", &error);
    auto plain = c->prepare("SELECT '0e37df36-f698-11e6-8dd4-cb9ced3df976'::uuid", &error);
    QVERIFY(binary && textMode && plain);
    QVERIFY(binary->next() && textMode->next() && plain->next());
    const QByteArray key = binary->key(0).toByteArray();
    QCOMPARE(key.size(), 16);
    QCOMPARE(key.toHex(), QByteArray("0e37df36f69811e68dd4cb9ced3df976"));
    QCOMPARE(binary->key(1).toByteArray(), key);
    QCOMPARE(textMode->key(0).toByteArray(), key);
    QCOMPARE(plain->key(0).toByteArray(), key);
    QCOMPARE(binary->key(2), QByteArrayView("not-a-uuid"));
}

void TestPgCursor::bindsParameters()
{
    STATESCOPE_REQUIRE_PG_DATABASE(db);
    auto c = open(db.url());
    QString error;
    auto q = c->prepareRead("SELECT g FROM generate_series(1, 100) g WHERE g BETWEEN $1 AND $2 AND $3::text = 'it''s'", &error);
    QVERIFY2(q, qPrintable(error));
    q->bindInt64(1, 10);
    q->bindInt64(2, 14);
    q->bindText(3, "it's");
    QList<qint64> got;
    while (q->next())
        got.append(q->int64(0));
    QVERIFY2(q->error().isEmpty(), qPrintable(q->error()));
    QCOMPARE(got, (QList<qint64>{10, 11, 12, 13, 14}));
    q->reset();
    q->bindInt64(1, 99);
    q->bindInt64(2, 200);
    q->bindText(3, "it's");
    got.clear();
    while (q->next())
        got.append(q->int64(0));
    QCOMPARE(got, (QList<qint64>{99, 100}));
}

void TestPgCursor::streamsManyBatches()
{
    STATESCOPE_REQUIRE_PG_DATABASE(db);
    auto c = open(db.url());
    QString error;
    auto q = c->prepareRead("SELECT g, md5(g::text) FROM generate_series(1, 100001) g ORDER BY g", &error);
    QVERIFY2(q, qPrintable(error));
    qint64 expected = 1;
    while (q->next()) {
        if (q->int64(0) != expected)
            QFAIL(qPrintable(QStringLiteral("row %1 read as %2").arg(expected).arg(q->int64(0))));
        QCOMPARE(q->text(1).size(), 32);
        ++expected;
    }
    QVERIFY2(q->error().isEmpty(), qPrintable(q->error()));
    QCOMPARE(expected, 100002);
}

void TestPgCursor::stopsEarlyAndConnectionStaysUsable()
{
    STATESCOPE_REQUIRE_PG_DATABASE(db);
    auto c = open(db.url());
    QString error;
    {
        auto q = c->prepareRead("SELECT g FROM generate_series(1, 200000) g", &error);
        QVERIFY2(q, qPrintable(error));
        for (int i = 0; i < 40000; ++i) // into the second batch, with the third requested
            QVERIFY(q->next());
    }
    auto after = c->prepare("SELECT count(*) FROM pg_cursors WHERE name LIKE 'statescope%'", &error);
    QVERIFY2(after, qPrintable(error));
    QVERIFY2(after->next(), qPrintable(after->error()));
    QCOMPARE(after->int64(0), 0);
    QVERIFY(c->execScript("SELECT 1", &error));
}

void TestPgCursor::readsInsideCallersTransaction()
{
    STATESCOPE_REQUIRE_PG_DATABASE(db);
    auto c = open(db.url());
    QString error;
    QVERIFY(c->execScript("CREATE TABLE t (v int)", &error));
    QVERIFY(c->begin(&error));
    QVERIFY(c->execScript("INSERT INTO t VALUES (1), (2)", &error));
    {
        auto q = c->prepareRead("SELECT sum(v) FROM t", &error);
        QVERIFY2(q && q->next(), qPrintable(error));
        QCOMPARE(q->int64(0), 3); // sees the caller's uncommitted rows
    }
    QVERIFY2(c->commit(&error), qPrintable(error)); // and left the transaction open for it
    auto q = c->prepare("SELECT count(*) FROM t", &error);
    QVERIFY(q && q->next());
    QCOMPARE(q->int64(0), 2);
}

void TestPgCursor::reportsErrors()
{
    STATESCOPE_REQUIRE_PG_DATABASE(db);
    auto c = open(db.url());
    QString error;
    QVERIFY(!c->prepareRead("SELECT nope FROM nowhere", &error));
    QVERIFY2(error.contains(QStringLiteral("nowhere")), qPrintable(error));
    // A failure after rows have come (division by zero at row 50,000): rows so far, then the error.
    auto q = c->prepareRead("SELECT 1 / (50000 - g) FROM generate_series(1, 100000) g", &error);
    QVERIFY2(q, qPrintable(error));
    int rows = 0;
    while (q->next())
        ++rows;
    QVERIFY(rows < 50000);
    QVERIFY2(q->error().contains(QStringLiteral("division by zero")), qPrintable(q->error()));
    QVERIFY(c->execScript("SELECT 1", &error)); // the failed transaction was ours and is gone
}

QTEST_GUILESS_MAIN(TestPgCursor)
#include "tst_pgcursor.moc"
