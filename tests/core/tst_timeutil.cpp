#include "timeutil.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace StateScope;

namespace {
// 2026-01-01T00:00:00Z: 20454 days after the epoch * 86 400 000 ms.
constexpr TimeMs kNewYear2026 = 1767225600000LL;
constexpr TimeMs kMinute = 60000;
constexpr TimeMs kHour = 60 * kMinute;
constexpr TimeMs kSentinel = 4242;
} // namespace

class TestTimeUtil : public QObject
{
    Q_OBJECT

private slots:
    void parseValid_data();
    void parseValid();
    void parseInvalid_data();
    void parseInvalid();
    void parseStringView();
    void formatUtc_data();
    void formatUtc();
    void formatUtcRoundTripSweep();
    void formatUtcAtInt64Limits();
    void formatDuration_data();
    void formatDuration();
};

void TestTimeUtil::parseValid_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<qint64>("expected");

    const TimeMs k = kNewYear2026;
    QTest::newRow("Z") << QByteArrayLiteral("2026-01-01T00:00:00Z") << k;
    QTest::newRow("Z with .000") << QByteArrayLiteral("2026-01-01T00:00:00.000Z") << k;
    QTest::newRow("lower case t and z") << QByteArrayLiteral("2026-01-01t00:00:00z") << k;
    // Local 02:00 at +02:00 is 00:00 UTC.
    QTest::newRow("+02:00") << QByteArrayLiteral("2026-01-01T02:00:00+02:00") << k;
    // Local 18:30 on Dec 31 at -05:30 is 18:30 + 5:30 = 24:00 UTC = Jan 1 00:00.
    QTest::newRow("-0530") << QByteArrayLiteral("2025-12-31T18:30:00-0530") << k;
    QTest::newRow("-05:30") << QByteArrayLiteral("2025-12-31T18:30:00-05:30") << k;
    QTest::newRow("+05") << QByteArrayLiteral("2026-01-01T05:00:00+05") << k;
    QTest::newRow("+00:00") << QByteArrayLiteral("2026-01-01T00:00:00+00:00") << k;
    QTest::newRow("-00:00") << QByteArrayLiteral("2026-01-01T00:00:00-00:00") << k;
    // Local 00:30 at +01:00 is 23:30 UTC the day before.
    QTest::newRow("offset crosses year") << QByteArrayLiteral("2026-01-01T00:30:00+01:00") << k - 30 * kMinute;
    QTest::newRow("no zone is UTC") << QByteArrayLiteral("2026-01-01T00:00:00") << k;
    QTest::newRow("space instead of T") << QByteArrayLiteral("2026-01-01 00:00:00") << k;
    QTest::newRow("space and UTC") << QByteArrayLiteral("2026-01-01 00:00:00 UTC") << k;
    QTest::newRow("no seconds") << QByteArrayLiteral("2026-01-01T00:00Z") << k;
    QTest::newRow("surrounding blanks") << QByteArrayLiteral("  2026-01-01T00:00:00Z \r\n") << k;
    QTest::newRow("13:45:07") << QByteArrayLiteral("2026-01-01T13:45:07Z") << k + 13 * kHour + 45 * kMinute + 7000;

    // Fractions: the first three digits are the milliseconds, the rest is cut off (never rounded).
    QTest::newRow("frac 1 digit") << QByteArrayLiteral("2026-01-01T00:00:00.1Z") << k + 100;
    QTest::newRow("frac 2 digits") << QByteArrayLiteral("2026-01-01T00:00:00.12Z") << k + 120;
    QTest::newRow("frac 3 digits") << QByteArrayLiteral("2026-01-01T00:00:00.123Z") << k + 123;
    QTest::newRow("frac 4 digits") << QByteArrayLiteral("2026-01-01T00:00:00.1234Z") << k + 123;
    QTest::newRow("frac 5 digits") << QByteArrayLiteral("2026-01-01T00:00:00.12345Z") << k + 123;
    QTest::newRow("frac 6 digits") << QByteArrayLiteral("2026-01-01T00:00:00.123456Z") << k + 123;
    QTest::newRow("frac 7 digits") << QByteArrayLiteral("2026-01-01T00:00:00.1234567Z") << k + 123;
    QTest::newRow("frac 8 digits") << QByteArrayLiteral("2026-01-01T00:00:00.12345678Z") << k + 123;
    QTest::newRow("frac 9 digits") << QByteArrayLiteral("2026-01-01T00:00:00.123456789Z") << k + 123;
    QTest::newRow("frac .999999999 truncates") << QByteArrayLiteral("2026-01-01T00:00:00.999999999Z") << k + 999;
    QTest::newRow("frac 6 digits no zone") << QByteArrayLiteral("2026-01-01 00:00:00.654321") << k + 654;
    QTest::newRow("frac with comma") << QByteArrayLiteral("2026-01-01T00:00:00,5Z") << k + 500;
    QTest::newRow("frac and offset") << QByteArrayLiteral("2026-01-01T01:00:00.250+01:00") << k + 250;

    // Digits only: epoch milliseconds.
    QTest::newRow("epoch 0") << QByteArrayLiteral("0") << TimeMs(0);
    QTest::newRow("epoch ms") << QByteArrayLiteral("1767225600000") << k;
    QTest::newRow("epoch ms blanks") << QByteArrayLiteral(" 1767225600123\n") << k + 123;
    QTest::newRow("epoch negative") << QByteArrayLiteral("-1000") << TimeMs(-1000);

    // Leap days: 2024 (divisible by 4), 2000 (divisible by 400).
    QTest::newRow("leap day 2024") << QByteArrayLiteral("2024-02-29T12:00:00Z") << TimeMs(1709208000000LL);
    QTest::newRow("leap day 2000") << QByteArrayLiteral("2000-02-29T00:00:00Z") << TimeMs(951782400000LL);
    // Before 1970.
    QTest::newRow("1969 moon landing") << QByteArrayLiteral("1969-07-20T20:17:40Z") << TimeMs(-14182940000LL);
    QTest::newRow("1 ms before epoch") << QByteArrayLiteral("1969-12-31T23:59:59.999Z") << TimeMs(-1);
    QTest::newRow("1900-03-01") << QByteArrayLiteral("1900-03-01T00:00:00Z") << TimeMs(-2203891200000LL);
    // Leap second: the last millisecond of that minute (2017-01-01T00:00:00Z = 1483228800000).
    QTest::newRow("leap second") << QByteArrayLiteral("2016-12-31T23:59:60Z") << TimeMs(1483228799999LL);
}

void TestTimeUtil::parseValid()
{
    QFETCH(QByteArray, text);
    QFETCH(qint64, expected);
    TimeMs out = kSentinel;
    QVERIFY2(TimeUtil::parse(QByteArrayView(text), &out), text.constData());
    QCOMPARE(out, expected);
}

void TestTimeUtil::parseInvalid_data()
{
    QTest::addColumn<QByteArray>("text");

    QTest::newRow("empty") << QByteArray();
    QTest::newRow("blanks") << QByteArrayLiteral("   ");
    QTest::newRow("month 13") << QByteArrayLiteral("2026-13-01T00:00:00Z");
    QTest::newRow("month 0") << QByteArrayLiteral("2026-00-10T00:00:00Z");
    QTest::newRow("day 0") << QByteArrayLiteral("2026-01-00T00:00:00Z");
    QTest::newRow("day 32") << QByteArrayLiteral("2026-01-32T00:00:00Z");
    QTest::newRow("April 31") << QByteArrayLiteral("2026-04-31T00:00:00Z");
    QTest::newRow("2023-02-29 not leap") << QByteArrayLiteral("2023-02-29T00:00:00Z");
    QTest::newRow("1900-02-29 not leap") << QByteArrayLiteral("1900-02-29T00:00:00Z");
    QTest::newRow("Feb 30 leap year") << QByteArrayLiteral("2024-02-30T00:00:00Z");
    QTest::newRow("hour 24") << QByteArrayLiteral("2026-01-01T24:00:00Z");
    QTest::newRow("minute 60") << QByteArrayLiteral("2026-01-01T00:60:00Z");
    QTest::newRow("second 61") << QByteArrayLiteral("2026-01-01T00:00:61Z");
    QTest::newRow("yesterday") << QByteArrayLiteral("yesterday");
    QTest::newRow("trailing junk") << QByteArrayLiteral("2026-01-01T00:00:00Zjunk");
    QTest::newRow("trailing word") << QByteArrayLiteral("2026-01-01T00:00:00Z junk");
    QTest::newRow("junk after offset") << QByteArrayLiteral("2026-01-01T00:00:00+02:00x");
    QTest::newRow("junk after seconds") << QByteArrayLiteral("2026-01-01T00:00:00abc");
    QTest::newRow("date only") << QByteArrayLiteral("2026-01-01");
    QTest::newRow("slashes") << QByteArrayLiteral("2026/01/01 00:00:00");
    QTest::newRow("two-digit year") << QByteArrayLiteral("26-01-01T00:00:00Z");
    QTest::newRow("dot without digits") << QByteArrayLiteral("2026-01-01T00:00:00.Z");
    QTest::newRow("one-digit offset hour") << QByteArrayLiteral("2026-01-01T00:00:00+2:00");
    QTest::newRow("offset 24h") << QByteArrayLiteral("2026-01-01T00:00:00+24:00");
    QTest::newRow("offset minutes 60") << QByteArrayLiteral("2026-01-01T00:00:00+01:60");
    QTest::newRow("time only") << QByteArrayLiteral("T00:00:00Z");
    QTest::newRow("minus only") << QByteArrayLiteral("-");
    QTest::newRow("20 digits") << QByteArrayLiteral("12345678901234567890");
    QTest::newRow("digits then letter") << QByteArrayLiteral("1767225600000ms");
}

void TestTimeUtil::parseInvalid()
{
    QFETCH(QByteArray, text);
    TimeMs out = kSentinel;
    QVERIFY2(!TimeUtil::parse(QByteArrayView(text), &out), text.constData());
    QCOMPARE(out, kSentinel); // left alone on failure
}

void TestTimeUtil::parseStringView()
{
    TimeMs out = kSentinel;
    const QString text = QStringLiteral("2026-01-01T02:00:00.5+02:00");
    QVERIFY(TimeUtil::parse(QStringView(text), &out));
    QCOMPARE(out, kNewYear2026 + 500);

    out = kSentinel;
    const QString nonLatin = QStringLiteral("2026-01-01T00:00:00Z\u00e9\u4e2d");
    QVERIFY(!TimeUtil::parse(QStringView(nonLatin), &out));
    QCOMPARE(out, kSentinel);
}

void TestTimeUtil::formatUtc_data()
{
    QTest::addColumn<qint64>("ms");
    QTest::addColumn<QByteArray>("text");

    QTest::newRow("epoch") << qint64(0) << QByteArrayLiteral("1970-01-01T00:00:00.000Z");
    QTest::newRow("2026 +123") << kNewYear2026 + 123 << QByteArrayLiteral("2026-01-01T00:00:00.123Z");
    QTest::newRow("2026 13:45:07") << kNewYear2026 + 13 * kHour + 45 * kMinute + 7000
                                   << QByteArrayLiteral("2026-01-01T13:45:07.000Z");
    QTest::newRow("leap day 2024") << qint64(1709208000000LL) << QByteArrayLiteral("2024-02-29T12:00:00.000Z");
    QTest::newRow("leap day 2000") << qint64(951782400000LL) << QByteArrayLiteral("2000-02-29T00:00:00.000Z");
    // Negative times floor towards the earlier day: -1 ms is the last ms of 1969-12-31.
    QTest::newRow("-1 ms") << qint64(-1) << QByteArrayLiteral("1969-12-31T23:59:59.999Z");
    QTest::newRow("-1 day") << qint64(-86400000LL) << QByteArrayLiteral("1969-12-31T00:00:00.000Z");
    QTest::newRow("-1 day -1 ms") << qint64(-86400001LL) << QByteArrayLiteral("1969-12-30T23:59:59.999Z");
    QTest::newRow("1969-07-20") << qint64(-14182940000LL) << QByteArrayLiteral("1969-07-20T20:17:40.000Z");
    QTest::newRow("1900-03-01") << qint64(-2203891200000LL) << QByteArrayLiteral("1900-03-01T00:00:00.000Z");
    QTest::newRow("0001-01-01") << qint64(-62135596800000LL) << QByteArrayLiteral("0001-01-01T00:00:00.000Z");
    QTest::newRow("9999-12-31") << qint64(253402300799999LL) << QByteArrayLiteral("9999-12-31T23:59:59.999Z");
}

void TestTimeUtil::formatUtc()
{
    QFETCH(qint64, ms);
    QFETCH(QByteArray, text);
    QCOMPARE(TimeUtil::formatUtc(ms), text);
    QCOMPARE(TimeUtil::formatUtcString(ms), QString::fromLatin1(text));
    TimeMs back = kSentinel;
    QVERIFY(TimeUtil::parse(QByteArrayView(text), &back));
    QCOMPARE(back, ms);
}

void TestTimeUtil::formatUtcRoundTripSweep()
{
    // 1900 to 2100 in odd steps of ~11.5 days so every field (ms .. month) takes many values.
    const TimeMs start = -2208988800000LL; // 1900-01-01
    const TimeMs stop = 4102444800000LL; // 2100-01-01
    const TimeMs step = 997LL * 1000003; // 997 002 991 ms
    int checked = 0;
    for (TimeMs t = start; t < stop; t += step) {
        const QByteArray text = TimeUtil::formatUtc(t);
        TimeMs back = kSentinel;
        QVERIFY2(TimeUtil::parse(QByteArrayView(text), &back), text.constData());
        QCOMPARE(back, t);
        ++checked;
    }
    QVERIFY(checked > 6000); // 6 311 433 600 000 / 997 002 991 = 6330
}

void TestTimeUtil::formatUtcAtInt64Limits()
{
    // An integer timestamp cell can hold any int64 (found by fuzz_dbrows): it shows without
    // overflow (UBSan checks), the milliseconds floored as for any negative time.
    QVERIFY(TimeUtil::formatUtc(std::numeric_limits<qint64>::max()).endsWith(".807Z"));
    QVERIFY(TimeUtil::formatUtc(std::numeric_limits<qint64>::min()).endsWith(".192Z"));
    QVERIFY(TimeUtil::formatUtc(std::numeric_limits<qint64>::min() + 1).endsWith(".193Z"));
}

void TestTimeUtil::formatDuration_data()
{
    QTest::addColumn<double>("ms");
    QTest::addColumn<QString>("text");

    QTest::newRow("0") << 0.0 << QStringLiteral("0 ms");
    QTest::newRow("850 ms") << 850.0 << QStringLiteral("850 ms");
    QTest::newRow("12.4 ms rounds") << 12.4 << QStringLiteral("12 ms");
    QTest::newRow("1 s") << 1000.0 << QStringLiteral("1.0 s");
    QTest::newRow("12.3 s") << 12345.0 << QStringLiteral("12.3 s");
    QTest::newRow("59.9 s") << 59940.0 << QStringLiteral("59.9 s");
    QTest::newRow("1 min") << 60000.0 << QStringLiteral("1 min 00 s");
    // 245 s = 4 * 60 + 5
    QTest::newRow("4 min 05 s") << 245000.0 << QStringLiteral("4 min 05 s");
    QTest::newRow("59 min 59 s") << 3599000.0 << QStringLiteral("59 min 59 s");
    QTest::newRow("1 h") << 3600000.0 << QStringLiteral("1 h 00 min");
    // 2 h 10 min = 7800 s
    QTest::newRow("2 h 10 min") << 7800000.0 << QStringLiteral("2 h 10 min");
    QTest::newRow("1 d") << 86400000.0 << QStringLiteral("1 d 0 h");
    // 3 d 4 h = 3 * 86400 s + 4 * 3600 s = 273600 s
    QTest::newRow("3 d 4 h") << 273600000.0 << QStringLiteral("3 d 4 h");
    QTest::newRow("NaN") << std::numeric_limits<double>::quiet_NaN() << QStringLiteral("-");
}

void TestTimeUtil::formatDuration()
{
    QFETCH(double, ms);
    QFETCH(QString, text);
    QCOMPARE(TimeUtil::formatDuration(ms), text);
}

QTEST_GUILESS_MAIN(TestTimeUtil)
#include "tst_timeutil.moc"
