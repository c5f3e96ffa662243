// The time scrubber's mapping between slider steps and time, and its replay.
#include "timescrubber.h"

#include <QSignalSpy>
#include <QTest>

using namespace StateScope;

class TestTimeScrubber : public QObject
{
    Q_OBJECT

private slots:
    void mapping_data();
    void mapping();
    void emptyRange();
    void playAdvancesAndLatestResets();
};

void TestTimeScrubber::mapping_data()
{
    QTest::addColumn<qint64>("first");
    QTest::addColumn<qint64>("last");
    QTest::addColumn<int>("step");
    QTest::addColumn<qint64>("time");
    QTest::newRow("start") << qint64(1000) << qint64(11000) << 0 << qint64(1000);
    QTest::newRow("end") << qint64(1000) << qint64(11000) << TimeScrubber::kSteps << qint64(11000);
    QTest::newRow("middle") << qint64(1000) << qint64(11000) << TimeScrubber::kSteps / 2 << qint64(6000);
    QTest::newRow("a week, one step") << qint64(0) << qint64(7 * 86400000LL) << 1 << qint64(60480);
    QTest::newRow("clamped below") << qint64(1000) << qint64(11000) << -5 << qint64(1000);
    QTest::newRow("clamped above") << qint64(1000) << qint64(11000) << TimeScrubber::kSteps + 9 << qint64(11000);
}

void TestTimeScrubber::mapping()
{
    QFETCH(qint64, first);
    QFETCH(qint64, last);
    QFETCH(int, step);
    QFETCH(qint64, time);
    QCOMPARE(TimeScrubber::timeAt(step, first, last), time);
    const int clamped = std::clamp(step, 0, TimeScrubber::kSteps);
    QCOMPARE(TimeScrubber::stepOf(time, first, last), clamped); // round trip
}

void TestTimeScrubber::emptyRange()
{
    QCOMPARE(TimeScrubber::stepOf(kUnknownTime, 0, 1000), TimeScrubber::kSteps); // "latest" sits at the end
    QCOMPARE(TimeScrubber::timeAt(10, 500, 500), qint64(500));
    QCOMPARE(TimeScrubber::stepOf(5000, 0, 1000), TimeScrubber::kSteps); // after the range
    QCOMPARE(TimeScrubber::stepOf(-5, 0, 1000), 0);
    TimeScrubber scrubber;
    scrubber.setRange(kUnknownTime, kUnknownTime);
    QVERIFY(!scrubber.isEnabled());
    scrubber.play();
    QVERIFY(!scrubber.isPlaying());
}

void TestTimeScrubber::playAdvancesAndLatestResets()
{
    TimeScrubber scrubber;
    scrubber.setRange(0, 3600000);
    QSignalSpy chosen(&scrubber, &TimeScrubber::asOfChanged);
    scrubber.play(); // from "latest": replay starts at the beginning
    QVERIFY(scrubber.isPlaying());
    QCOMPARE(chosen.first().first().value<TimeMs>(), TimeMs(0));
    QTRY_VERIFY(chosen.count() >= 3);
    const TimeMs later = chosen.last().first().value<TimeMs>();
    QVERIFY(later > 0 && later < 3600000);
    scrubber.showLatest();
    QVERIFY(!scrubber.isPlaying());
    QCOMPARE(scrubber.asOf(), kUnknownTime);
    QCOMPARE(chosen.last().first().value<TimeMs>(), kUnknownTime);
}

QTEST_MAIN(TestTimeScrubber)
#include "tst_timescrubber.moc"
