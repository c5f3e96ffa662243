// TimelineGeometry: time <-> x, zoom, pan and its clamps, lane hit tests and the level of
// detail that turns a lane's bands into pixel runs.
#include "timelinegeometry.h"

#include <QTest>

using namespace StateScope;

namespace {

// 1000 px of plot starting at x = 0, 1 ms per pixel over [0, 1000) of a long data range: x = t.
TimelineGeometry unitGeometry()
{
    TimelineGeometry g;
    g.setGutterWidth(0);
    g.setSize(1000, 600);
    g.setDataRange(-1000000, 1000000);
    g.setVisibleRange(0, 1000);
    return g;
}

std::vector<TimelineBand> makeBands(const QList<qint64> &starts, const QList<int> &states)
{
    std::vector<TimelineBand> bands;
    for (qsizetype i = 0; i < starts.size(); ++i)
        bands.push_back(TimelineBand {starts[i], StateId(states[i])});
    return bands;
}

// "x0-x1:state" joined by spaces: easy to read in a failure message.
QString runsText(const std::vector<TimelineRun> &runs)
{
    QStringList parts;
    for (const TimelineRun &r : runs)
        parts << QStringLiteral("%1-%2:%3").arg(r.x0).arg(r.x1).arg(r.state);
    return parts.join(QLatin1Char(' '));
}

} // namespace

class TstTimelineGeometry : public QObject
{
    Q_OBJECT
private slots:
    void timeToXRoundTrip_data();
    void timeToXRoundTrip();
    void zoomKeepsPointFixed_data();
    void zoomKeepsPointFixed();
    void zoomLimits();
    void panClamps();
    void fitAllShowsData();
    void alignRightFollows();
    void bandRuns_data();
    void bandRuns();
    void subPixelBandsCollapse();
    void runsCostPixelsNotBands();
    void bandAt_data();
    void bandAt();
    void bandAtPixelMatchesRuns();
    void laneHitTest_data();
    void laneHitTest();
    void visibleRows();
    void ticks_data();
    void ticks();
};

void TstTimelineGeometry::timeToXRoundTrip_data()
{
    QTest::addColumn<double>("start");
    QTest::addColumn<double>("end");
    QTest::addColumn<double>("x");
    QTest::newRow("unit scale") << 0.0 << 1000.0 << 250.0;
    QTest::newRow("epoch ms, minutes") << 1.7e12 << 1.7e12 + 600000 << 733.5;
    QTest::newRow("sub-ms per pixel") << 1.7e12 + 5 << 1.7e12 + 25 << 999.0;
    QTest::newRow("left edge") << 1.7e12 << 1.7e12 + 3.6e6 << 100.0;
}

void TstTimelineGeometry::timeToXRoundTrip()
{
    QFETCH(double, start);
    QFETCH(double, end);
    QFETCH(double, x);
    TimelineGeometry g;
    g.setGutterWidth(100);
    g.setSize(1100, 600);
    g.setDataRange(TimeMs(start) - 100000000, TimeMs(end) + 100000000);
    g.setVisibleRange(start, end);
    QCOMPARE(g.visibleStart(), start);
    QVERIFY(qAbs(g.visibleEnd() - end) < 1e-3);
    // Epoch milliseconds as doubles resolve 2.4e-4 ms: at 0.02 ms per pixel that is 0.012 px.
    QVERIFY(qAbs(g.timeToX(g.xToTime(x)) - x) < 0.05);
    QVERIFY(qAbs(g.timeToX(g.xToTime(x)) - x) < 1e-6 || g.msPerPixel() < 1);
    QVERIFY(qAbs(g.timeToX(start) - g.plotLeft()) < 1e-9);
    QVERIFY(qAbs(g.xToTime(g.plotRight()) - end) < 1e-3);
}

void TstTimelineGeometry::zoomKeepsPointFixed_data()
{
    QTest::addColumn<double>("x");
    QTest::addColumn<double>("factor");
    QTest::newRow("in at centre") << 500.0 << 2.0;
    QTest::newRow("in near left") << 120.0 << 1.5;
    QTest::newRow("out near right") << 880.0 << 0.5;
    QTest::newRow("wheel step") << 333.0 << 1.2;
}

void TstTimelineGeometry::zoomKeepsPointFixed()
{
    QFETCH(double, x);
    QFETCH(double, factor);
    TimelineGeometry g = unitGeometry();
    g.setVisibleRange(100000, 200000);
    const double before = g.xToTime(x);
    const double scale = g.msPerPixel();
    g.zoomAround(x, factor);
    QVERIFY(qAbs(g.xToTime(x) - before) < 1e-6);
    QVERIFY(qAbs(g.msPerPixel() - scale / factor) < 1e-9);
}

void TstTimelineGeometry::zoomLimits()
{
    TimelineGeometry g = unitGeometry();
    for (int i = 0; i < 100; ++i)
        g.zoomAround(500, 2.0);
    QCOMPARE(g.msPerPixel(), TimelineGeometry::kMinMsPerPixel);
    for (int i = 0; i < 100; ++i)
        g.zoomAround(500, 0.5);
    QCOMPARE(g.msPerPixel(), g.maxMsPerPixel());
    // At the widest the data takes a quarter of the plot and stays wholly in view.
    QVERIFY(g.visibleStart() <= double(g.dataStart()));
    QVERIFY(g.visibleEnd() >= double(g.dataEnd()));
}

void TstTimelineGeometry::panClamps()
{
    TimelineGeometry g = unitGeometry();
    g.setDataRange(0, 100000);
    g.setVisibleRange(40000, 41000);
    const double pad = TimelineGeometry::kEdgePadding * g.msPerPixel();
    g.panPixels(1e9); // far into the past
    QCOMPARE(g.visibleStart(), -pad);
    QCOMPARE(g.msPerPixel(), 1.0);
    g.panPixels(-1e9); // far into the future
    QCOMPARE(g.visibleEnd(), 100000 + pad);
    g.panPixels(100); // moves content right: earlier times come into view
    QCOMPARE(g.visibleEnd(), 100000 + pad - 100);

    // Zoomed out past the data: panning cannot push it out of view.
    g.setVisibleRange(0, 300000);
    g.panPixels(-1e9);
    QVERIFY(g.visibleStart() <= -TimelineGeometry::kEdgePadding * g.msPerPixel() + 1e-6);
    g.panPixels(1e9);
    QVERIFY(g.visibleEnd() >= 100000 + TimelineGeometry::kEdgePadding * g.msPerPixel() - 1e-6);
}

void TstTimelineGeometry::fitAllShowsData()
{
    TimelineGeometry g;
    g.setGutterWidth(80);
    g.setSize(1080, 500);
    g.setDataRange(1700000000000, 1700000600000);
    g.fitAll();
    QVERIFY(qAbs(g.timeToX(1700000000000.0) - (80 + TimelineGeometry::kEdgePadding)) < 1e-6);
    QVERIFY(qAbs(g.timeToX(1700000600000.0) - (1080 - TimelineGeometry::kEdgePadding)) < 1e-6);
}

void TstTimelineGeometry::alignRightFollows()
{
    TimelineGeometry g = unitGeometry();
    g.setDataRange(0, 500000);
    g.setVisibleRange(1000, 11000);
    g.alignRight(500000);
    QVERIFY(qAbs(g.timeToX(500000) - (g.plotRight() - TimelineGeometry::kFollowMargin)) < 1e-6);
    QCOMPARE(g.msPerPixel(), 10.0);
}

void TstTimelineGeometry::bandRuns_data()
{
    QTest::addColumn<QList<qint64>>("starts");
    QTest::addColumn<QList<int>>("states");
    QTest::addColumn<qint64>("laneEnd");
    QTest::addColumn<qint64>("cutoff");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<double>("scale"); // ms per pixel
    const qint64 none = std::numeric_limits<qint64>::max();
    QTest::newRow("wide bands tile") << QList<qint64> {100, 200, 400} << QList<int> {1, 2, 3} << qint64(600) << none
                                     << QStringLiteral("100-200:1 200-400:2 400-600:3") << 1.0;
    QTest::newRow("clipped at both edges") << QList<qint64> {-500, 300, 900} << QList<int> {1, 2, 3} << qint64(5000)
                                           << none << QStringLiteral("0-300:1 300-900:2 900-1000:3") << 1.0;
    QTest::newRow("same state merges") << QList<qint64> {100, 200, 300} << QList<int> {4, 4, 5} << qint64(400) << none
                                       << QStringLiteral("100-300:4 300-400:5") << 1.0;
    QTest::newRow("final state: a mark") << QList<qint64> {100, 250} << QList<int> {1, 7} << qint64(250) << none
                                         << QStringLiteral("100-250:1 250-253:7") << 1.0;
    QTest::newRow("final state at the edge") << QList<qint64> {100, 999} << QList<int> {1, 7} << qint64(999) << none
                                             << QStringLiteral("100-999:1 999-1000:7") << 1.0;
    QTest::newRow("cutoff hides later") << QList<qint64> {100, 200, 400} << QList<int> {1, 2, 3} << qint64(600)
                                        << qint64(300) << QStringLiteral("100-200:1 200-300:2") << 1.0;
    QTest::newRow("ended before view") << QList<qint64> {-900, -500} << QList<int> {1, 2} << qint64(-500) << none
                                       << QString() << 1.0;
    QTest::newRow("starts after view") << QList<qint64> {2000, 2500} << QList<int> {1, 2} << qint64(3000) << none
                                       << QString() << 1.0;
    QTest::newRow("zero-length middle band vanishes")
        << QList<qint64> {100, 200, 200} << QList<int> {1, 2, 3} << qint64(300) << none
        << QStringLiteral("100-200:1 200-300:3") << 1.0;
    QTest::newRow("one-pixel band keeps its column")
        << QList<qint64> {100, 500, 501} << QList<int> {1, 2, 3} << qint64(700) << none
        << QStringLiteral("100-500:1 500-501:2 501-700:3") << 1.0;
    // x = t / 10: bands 2, 3 and 4 fall in columns 500 and 501; each column shows the band
    // covering its centre (t = 5000: state 2, t = 5010: state 4); 3 is hidden.
    QTest::newRow("sub-pixel column samples centre")
        << QList<qint64> {1000, 5000, 5003, 5006, 5012} << QList<int> {1, 2, 3, 4, 5} << qint64(7000) << none
        << QStringLiteral("100-500:1 500-501:2 501-502:4 502-700:5") << 10.0;
    QTest::newRow("sub-pixel last band goes on")
        << QList<qint64> {1000, 4998, 4999} << QList<int> {1, 2, 3} << qint64(6000) << none
        << QStringLiteral("100-500:1 500-600:3") << 10.0;
}

void TstTimelineGeometry::bandRuns()
{
    QFETCH(QList<qint64>, starts);
    QFETCH(QList<int>, states);
    QFETCH(qint64, laneEnd);
    QFETCH(qint64, cutoff);
    QFETCH(QString, expected);
    QFETCH(double, scale);
    TimelineGeometry g = unitGeometry();
    g.setVisibleRange(0, 1000 * scale);
    const std::vector<TimelineBand> bands = makeBands(starts, states);
    std::vector<TimelineRun> runs;
    g.bandRuns(bands.data(), bands.size(), laneEnd, cutoff, runs);
    QCOMPARE(runsText(runs), expected);
}

void TstTimelineGeometry::subPixelBandsCollapse()
{
    // 1,000 stays inside half a pixel, then a long one: one column for the 1,000 (the band at
    // its centre, t = 400,000: the second), not 1,000 rectangles.
    TimelineGeometry g = unitGeometry();
    g.setVisibleRange(0, 1000000); // 1,000 ms per pixel
    std::vector<TimelineBand> bands;
    for (int i = 0; i < 1000; ++i)
        bands.push_back(TimelineBand {400000 + i / 2, StateId(i % 3)});
    bands.push_back(TimelineBand {400499, 9});
    std::vector<TimelineRun> runs;
    g.bandRuns(bands.data(), bands.size(), 900000, std::numeric_limits<qint64>::max(), runs);
    QCOMPARE(runsText(runs), QStringLiteral("400-401:1 401-900:9"));
    // A finished execution whose stays all fit in one pixel still shows its final state.
    bands.pop_back();
    g.bandRuns(bands.data(), bands.size(), bands.back().start, std::numeric_limits<qint64>::max(), runs);
    QCOMPARE(runsText(runs), QStringLiteral("400-401:1 401-404:0"));
}

void TstTimelineGeometry::runsCostPixelsNotBands()
{
    // A million bands of alternating states across the plot: at most one run per column, the
    // columns tile without gaps or overlaps.
    TimelineGeometry g = unitGeometry();
    g.setDataRange(0, 1000000);
    g.setVisibleRange(0, 1000000);
    std::vector<TimelineBand> bands;
    for (int i = 0; i < 1000000; ++i)
        bands.push_back(TimelineBand {i, StateId(i % 2 ? 1 : (i % 7))});
    std::vector<TimelineRun> runs;
    g.bandRuns(bands.data(), bands.size(), 1000000, std::numeric_limits<qint64>::max(), runs);
    QVERIFY(!runs.empty());
    QVERIFY(runs.size() <= size_t(g.plotWidth()));
    QCOMPARE(runs.front().x0, 0);
    for (size_t i = 1; i < runs.size(); ++i)
        QCOMPARE(runs[i].x0, runs[i - 1].x1);
    QCOMPARE(runs.back().x1, 1000);
}

void TstTimelineGeometry::bandAt_data()
{
    QTest::addColumn<QList<qint64>>("starts");
    QTest::addColumn<double>("t");
    QTest::addColumn<int>("expected"); // -1: none
    const QList<qint64> s {10, 20, 20, 40};
    QTest::newRow("empty") << QList<qint64> {} << 5.0 << -1;
    QTest::newRow("before first") << s << 9.999 << -1;
    QTest::newRow("at first") << s << 10.0 << 0;
    QTest::newRow("inside first") << s << 15.5 << 0;
    QTest::newRow("equal starts: the later") << s << 20.0 << 2;
    QTest::newRow("between") << s << 39.0 << 2;
    QTest::newRow("at last") << s << 40.0 << 3;
    QTest::newRow("after last") << s << 1e12 << 3;
}

void TstTimelineGeometry::bandAt()
{
    QFETCH(QList<qint64>, starts);
    QFETCH(double, t);
    QFETCH(int, expected);
    const std::vector<TimelineBand> bands = makeBands(starts, QList<int>(starts.size(), 0));
    const size_t found = TimelineGeometry::bandAt(bands.data(), bands.size(), t);
    QCOMPARE(found == TimelineGeometry::kNoBand ? -1 : int(found), expected);
}

void TstTimelineGeometry::bandAtPixelMatchesRuns()
{
    TimelineGeometry g = unitGeometry();
    g.setVisibleRange(0, 50000); // 50 ms per pixel: a mix of wide and sub-pixel bands
    std::vector<TimelineBand> bands;
    TimeMs t = 1000;
    for (int i = 0; i < 400; ++i) {
        bands.push_back(TimelineBand {t, StateId(i % 5)});
        t += (i % 9 == 0) ? 900 : 7 + i % 13;
    }
    std::vector<TimelineRun> runs;
    g.bandRuns(bands.data(), bands.size(), t, std::numeric_limits<qint64>::max(), runs);
    for (const TimelineRun &r : runs) {
        for (int x = r.x0; x < r.x1; ++x) {
            const size_t band = g.bandAtPixel(bands.data(), bands.size(), t, std::numeric_limits<qint64>::max(), x);
            QVERIFY2(band != TimelineGeometry::kNoBand, qPrintable(QString::number(x)));
            QCOMPARE(bands[band].state, r.state);
        }
    }
    QCOMPARE(g.bandAtPixel(bands.data(), bands.size(), t, std::numeric_limits<qint64>::max(), 5),
             TimelineGeometry::kNoBand);
}

void TstTimelineGeometry::laneHitTest_data()
{
    QTest::addColumn<int>("scroll");
    QTest::addColumn<int>("y");
    QTest::addColumn<int>("expected");
    // Strips: axis 20, aggregate 60, gap kStripGap; lanes of 14 + 4 px; 20 rows.
    const int top = 20 + 60 + TimelineGeometry::kStripGap;
    QTest::newRow("axis") << 0 << 5 << -1;
    QTest::newRow("aggregate") << 0 << 50 << -1;
    QTest::newRow("first row top") << 0 << top << 0;
    QTest::newRow("first row gap") << 0 << top + 17 << 0;
    QTest::newRow("second row") << 0 << top + 18 << 1;
    QTest::newRow("scrolled") << 180 << top << 10;
    QTest::newRow("scrolled mid-row") << 189 << top + 8 << 10;
    QTest::newRow("past last row") << 0 << top + 20 * 18 + 1 << -1;
    QTest::newRow("legend") << 0 << 590 << -1;
}

void TstTimelineGeometry::laneHitTest()
{
    QFETCH(int, scroll);
    QFETCH(int, y);
    QFETCH(int, expected);
    TimelineGeometry g;
    g.setSize(800, 600);
    g.setStrips(20, 60, 20);
    g.setLaneMetrics(14, 4);
    g.setScrollY(scroll);
    QCOMPARE(g.rowAt(y, 20), expected);
    if (expected >= 0) {
        QVERIFY(g.rowTop(size_t(expected)) <= y);
        QVERIFY(y < g.rowTop(size_t(expected)) + g.laneStride());
    }
}

void TstTimelineGeometry::visibleRows()
{
    TimelineGeometry g;
    g.setSize(800, 600);
    g.setStrips(20, 60, 20);
    g.setLaneMetrics(14, 4);
    const int lanes = g.lanesRect().height();
    size_t first = 0;
    size_t last = 0;
    g.visibleRows(100000, &first, &last);
    QCOMPARE(first, size_t(0));
    QCOMPARE(last, size_t((lanes + 17) / 18));
    g.setScrollY(g.maxScrollY(100000));
    g.visibleRows(100000, &first, &last);
    QCOMPARE(last, size_t(100000));
    QVERIFY(last - first <= size_t(lanes / 18 + 2));
    g.visibleRows(3, &first, &last);
    QCOMPARE(last, size_t(3));
    QCOMPARE(g.maxScrollY(3), 0);
}

void TstTimelineGeometry::ticks_data()
{
    QTest::addColumn<double>("msPerPixel");
    QTest::addColumn<qint64>("offset");
    QTest::addColumn<qint64>("step");
    QTest::newRow("ms") << 0.05 << qint64(0) << qint64(5);
    QTest::newRow("seconds") << 40.0 << qint64(0) << qint64(5000);
    QTest::newRow("minutes, +05:30") << 3000.0 << qint64(19800000) << qint64(300000);
    QTest::newRow("days") << 3.0e6 << qint64(-18000000) << qint64(604800000);
}

void TstTimelineGeometry::ticks()
{
    QFETCH(double, msPerPixel);
    QFETCH(qint64, offset);
    QFETCH(qint64, step);
    TimelineGeometry g;
    g.setGutterWidth(0);
    g.setSize(1000, 400);
    g.setDataRange(1700000000000, 1700000000000 + qint64(msPerPixel * 1e6));
    g.setVisibleRange(1700000000123.0, 1700000000123.0 + msPerPixel * 1000);
    QCOMPARE(g.tickStep(100), step);
    const double first = g.firstTick(step, offset);
    QVERIFY(first >= g.visibleStart());
    QVERIFY(first < g.visibleStart() + double(step));
    QCOMPARE(std::fmod(first + double(offset), double(step)), 0.0);
}

QTEST_GUILESS_MAIN(TstTimelineGeometry)
#include "tst_timelinegeometry.moc"
