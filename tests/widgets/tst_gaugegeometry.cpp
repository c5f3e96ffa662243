#include "gaugegeometry.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace StateScope;
using Zone = GaugeGeometry::Zone;

Q_DECLARE_METATYPE(GaugeGeometry::Zone)
Q_DECLARE_METATYPE(std::vector<double>)

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The consistency view's scales, repeated here so the test pins their behaviour.
GaugeGeometry scoreScale()
{
    GaugeGeometry g;
    g.setKnots({{0, 0}, {50, 0.2}, {90, 0.5}, {99, 0.85}, {100, 1}});
    g.setZones({{0, 90, Zone::Critical}, {90, 99, Zone::Warning}, {99, 100, Zone::Good}});
    return g;
}

GaugeGeometry lagScale(double t)
{
    GaugeGeometry g(0, 2 * t);
    const double overT = std::nextafter(t, std::numeric_limits<double>::infinity());
    g.setZones({{0, 0.75 * t, Zone::Good}, {0.75 * t, overT, Zone::Warning}, {overT, 2 * t, Zone::Critical}});
    return g;
}

GaugeGeometry syncScale(int factor, int quorum)
{
    GaugeGeometry g(0, factor);
    g.setZones({{0, quorum - 0.5, Zone::Critical},
                {quorum - 0.5, factor - 0.5, Zone::Warning},
                {factor - 0.5, double(factor), Zone::Good}});
    return g;
}
} // namespace

class TestGaugeGeometry : public QObject
{
    Q_OBJECT

private slots:
    void angleOfValue_data();
    void angleOfValue();
    void piecewiseScale_data();
    void piecewiseScale();
    void nanHasNoPosition();
    void pointsOnTheCircle();
    void zoneAt_data();
    void zoneAt();
    void zoneArcsCoverTheScale();
    void valueArcRunsFromTheMinimum();
    void ticks_data();
    void ticks();
    void niceCeiling_data();
    void niceCeiling();
    void autoScaleHasHysteresis();
    void degenerateRangeStaysUsable();
    void layoutFitsAndScales_data();
    void layoutFitsAndScales();
    void heightForWidthWastesNothing_data();
    void heightForWidthWastesNothing();
};

void TestGaugeGeometry::angleOfValue_data()
{
    QTest::addColumn<double>("minimum");
    QTest::addColumn<double>("maximum");
    QTest::addColumn<double>("value");
    QTest::addColumn<double>("angle");
    QTest::newRow("min") << 0.0 << 100.0 << 0.0 << 210.0;
    QTest::newRow("max") << 0.0 << 100.0 << 100.0 << -30.0;
    QTest::newRow("mid is straight up") << 0.0 << 100.0 << 50.0 << 90.0;
    QTest::newRow("quarter") << 0.0 << 100.0 << 25.0 << 150.0;
    QTest::newRow("below clamps to min") << 0.0 << 100.0 << -40.0 << 210.0;
    QTest::newRow("above clamps to max") << 0.0 << 100.0 << 1e9 << -30.0;
    QTest::newRow("offset range mid") << 1000.0 << 3000.0 << 2000.0 << 90.0;
    QTest::newRow("negative range") << -10.0 << 10.0 << 0.0 << 90.0;
    QTest::newRow("lag threshold on 0..2t") << 0.0 << 2000.0 << 1000.0 << 90.0;
}

void TestGaugeGeometry::angleOfValue()
{
    QFETCH(double, minimum);
    QFETCH(double, maximum);
    QFETCH(double, value);
    QFETCH(double, angle);
    const GaugeGeometry g(minimum, maximum);
    QCOMPARE(g.angleDeg(value), angle);
}

void TestGaugeGeometry::piecewiseScale_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<double>("fraction");
    QTest::newRow("0") << 0.0 << 0.0;
    QTest::newRow("25 inside the first segment") << 25.0 << 0.1;
    QTest::newRow("knot 50") << 50.0 << 0.2;
    QTest::newRow("70") << 70.0 << 0.35;
    QTest::newRow("knot 90") << 90.0 << 0.5;
    QTest::newRow("94.5") << 94.5 << 0.675;
    QTest::newRow("knot 99") << 99.0 << 0.85;
    QTest::newRow("99.5") << 99.5 << 0.925;
    QTest::newRow("100") << 100.0 << 1.0;
    QTest::newRow("above") << 120.0 << 1.0;
    QTest::newRow("below") << -1.0 << 0.0;
}

void TestGaugeGeometry::piecewiseScale()
{
    QFETCH(double, value);
    QFETCH(double, fraction);
    const GaugeGeometry g = scoreScale();
    QVERIFY(!g.isLinear());
    QCOMPARE(g.minimum(), 0.0);
    QCOMPARE(g.maximum(), 100.0);
    QVERIFY2(std::abs(g.fraction(value) - fraction) < 1e-12, qPrintable(QString::number(g.fraction(value))));
    QVERIFY(std::abs(g.angleDeg(value) - (210 - 240 * fraction)) < 1e-9);
}

void TestGaugeGeometry::nanHasNoPosition()
{
    const GaugeGeometry g(0, 10);
    QVERIFY(std::isnan(g.fraction(kNaN)));
    QCOMPARE(g.zoneAt(kNaN), Zone::Neutral);
    QCOMPARE(g.valueArc(kNaN).spanDeg, 0.0);
}

void TestGaugeGeometry::pointsOnTheCircle()
{
    const QPointF c(100, 100);
    const auto near = [](QPointF a, QPointF b) {
        return std::abs(a.x() - b.x()) < 1e-9 && std::abs(a.y() - b.y()) < 1e-9;
    };
    QVERIFY(near(GaugeGeometry::pointAt(c, 50, 90), QPointF(100, 50))); // up is -y
    QVERIFY(near(GaugeGeometry::pointAt(c, 50, 0), QPointF(150, 100)));
    const GaugeGeometry g(0, 1);
    // The minimum is at the lower left, the maximum at the lower right, both 25 below the center.
    QVERIFY(near(g.pointFor(0, c, 50), QPointF(100 - 50 * std::sqrt(3.0) / 2, 125)));
    QVERIFY(near(g.pointFor(1, c, 50), QPointF(100 + 50 * std::sqrt(3.0) / 2, 125)));
}

void TestGaugeGeometry::zoneAt_data()
{
    QTest::addColumn<int>("scale"); // 0 score, 1 lag (t = 1000), 2 sync 3/2, 3 sync 3/3
    QTest::addColumn<double>("value");
    QTest::addColumn<GaugeGeometry::Zone>("zone");
    QTest::newRow("score 0") << 0 << 0.0 << Zone::Critical;
    QTest::newRow("score 89.99") << 0 << 89.99 << Zone::Critical;
    QTest::newRow("score 90 starts amber") << 0 << 90.0 << Zone::Warning;
    QTest::newRow("score 98.99") << 0 << 98.99 << Zone::Warning;
    QTest::newRow("score 99 starts green") << 0 << 99.0 << Zone::Good;
    QTest::newRow("score 100 (the maximum) is green") << 0 << 100.0 << Zone::Good;
    QTest::newRow("lag 0") << 1 << 0.0 << Zone::Good;
    QTest::newRow("lag 749") << 1 << 749.0 << Zone::Good;
    QTest::newRow("lag 750") << 1 << 750.0 << Zone::Warning;
    QTest::newRow("lag at the threshold is still healthy") << 1 << 1000.0 << Zone::Warning;
    QTest::newRow("lag just over") << 1 << 1000.001 << Zone::Critical;
    QTest::newRow("lag at 2t") << 1 << 2000.0 << Zone::Critical;
    QTest::newRow("lag 4 s off the scale") << 1 << 4000.0 << Zone::Critical;
    QTest::newRow("negative lag clamps to good") << 1 << -5.0 << Zone::Good;
    QTest::newRow("sync 1 of 3, quorum 2") << 2 << 1.0 << Zone::Critical;
    QTest::newRow("sync 2 of 3, quorum 2") << 2 << 2.0 << Zone::Warning;
    QTest::newRow("sync 3 of 3") << 2 << 3.0 << Zone::Good;
    QTest::newRow("sync 2 of 3, quorum 3") << 3 << 2.0 << Zone::Critical;
    QTest::newRow("sync 3 of 3, quorum 3") << 3 << 3.0 << Zone::Good;
}

void TestGaugeGeometry::zoneAt()
{
    QFETCH(int, scale);
    QFETCH(double, value);
    QFETCH(GaugeGeometry::Zone, zone);
    const GaugeGeometry g = scale == 0 ? scoreScale() : scale == 1 ? lagScale(1000) : syncScale(3, scale == 2 ? 2 : 3);
    QCOMPARE(g.zoneAt(value), zone);
}

void TestGaugeGeometry::zoneArcsCoverTheScale()
{
    const std::vector<GaugeGeometry::Arc> arcs = lagScale(1000).zoneArcs();
    QCOMPARE(arcs.size(), size_t(3));
    QCOMPARE(arcs[0].zone, Zone::Good);
    QCOMPARE(arcs[0].startDeg, 210.0);
    QCOMPARE(arcs[0].spanDeg, -90.0); // 750 of 2000 of 240°
    QCOMPARE(arcs[1].startDeg, 120.0);
    QVERIFY(std::abs(arcs[1].spanDeg + 30.0) < 1e-6);
    QCOMPARE(arcs[2].zone, Zone::Critical);
    QVERIFY(std::abs(arcs[2].startDeg - 90.0) < 1e-6);
    double total = 0;
    for (const auto &a : arcs)
        total += a.spanDeg;
    QVERIFY(std::abs(total + 240.0) < 1e-9);
    // An empty zone (quorum = replication factor leaves no amber band) draws nothing.
    QCOMPARE(syncScale(3, 3).zoneArcs().size(), size_t(2));
}

void TestGaugeGeometry::valueArcRunsFromTheMinimum()
{
    const GaugeGeometry g = lagScale(1000);
    const GaugeGeometry::Arc a = g.valueArc(500);
    QCOMPARE(a.startDeg, 210.0);
    QCOMPARE(a.spanDeg, -60.0);
    QCOMPARE(a.zone, Zone::Good);
    QCOMPARE(g.valueArc(9999).spanDeg, -240.0); // clamped to the full arc
    QCOMPARE(g.valueArc(9999).zone, Zone::Critical);
    QCOMPARE(g.valueArc(0).spanDeg, 0.0);
}

void TestGaugeGeometry::ticks_data()
{
    QTest::addColumn<double>("minimum");
    QTest::addColumn<double>("maximum");
    QTest::addColumn<int>("maxCount");
    QTest::addColumn<std::vector<double>>("expected");
    QTest::newRow("lag 0..2 s") << 0.0 << 2000.0 << 4 << std::vector<double> {0, 500, 1000, 1500, 2000};
    QTest::newRow("0..10 by 2") << 0.0 << 10.0 << 5 << std::vector<double> {0, 2, 4, 6, 8, 10};
    QTest::newRow("replicas 0..3") << 0.0 << 3.0 << 3 << std::vector<double> {0, 1, 2, 3};
    QTest::newRow("ends kept off the step") << 0.0 << 7.0 << 3 << std::vector<double> {0, 5, 7};
    QTest::newRow("no tick crowding the end") << 0.0 << 10.5 << 6 << std::vector<double> {0, 2, 4, 6, 8, 10.5};
    QTest::newRow("0..50k") << 0.0 << 50000.0 << 4 << std::vector<double> {0, 20000, 40000, 50000};
    QTest::newRow("offset start") << 3.0 << 10.0 << 4 << std::vector<double> {3, 4, 6, 8, 10};
}

void TestGaugeGeometry::ticks()
{
    QFETCH(double, minimum);
    QFETCH(double, maximum);
    QFETCH(int, maxCount);
    QFETCH(std::vector<double>, expected);
    const std::vector<double> got = GaugeGeometry(minimum, maximum).ticks(maxCount);
    QCOMPARE(got.size(), expected.size());
    for (size_t i = 0; i < got.size(); ++i)
        QVERIFY2(std::abs(got[i] - expected[i]) < 1e-9, qPrintable(QString::number(got[i])));
    // A piecewise scale ticks its knots.
    QCOMPARE(scoreScale().ticks(3), (std::vector<double> {0, 50, 90, 99, 100}));
}

void TestGaugeGeometry::niceCeiling_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<double>("floor");
    QTest::addColumn<double>("expected");
    QTest::newRow("under the floor") << 3.0 << 10.0 << 10.0;
    QTest::newRow("11 → 20") << 11.0 << 10.0 << 20.0;
    QTest::newRow("20 stays") << 20.0 << 10.0 << 20.0;
    QTest::newRow("21 → 50") << 21.0 << 10.0 << 50.0;
    QTest::newRow("51 → 100") << 51.0 << 10.0 << 100.0;
    QTest::newRow("12345 → 20000") << 12345.0 << 10.0 << 20000.0;
    QTest::newRow("NaN → floor") << kNaN << 10.0 << 10.0;
}

void TestGaugeGeometry::niceCeiling()
{
    QFETCH(double, value);
    QFETCH(double, floor);
    QFETCH(double, expected);
    QCOMPARE(GaugeGeometry::niceCeiling(value, floor), expected);
}

void TestGaugeGeometry::autoScaleHasHysteresis()
{
    double max = GaugeGeometry::autoScaleMaximum(0, 40, 10);
    QCOMPARE(max, 50.0);
    max = GaugeGeometry::autoScaleMaximum(max, 60, 10); // past the maximum: grows
    QCOMPARE(max, 100.0);
    max = GaugeGeometry::autoScaleMaximum(max, 30, 10); // falls, but not under a quarter: stays
    QCOMPARE(max, 100.0);
    max = GaugeGeometry::autoScaleMaximum(max, 24, 10); // under a quarter: shrinks
    QCOMPARE(max, 50.0);
    QCOMPARE(GaugeGeometry::autoScaleMaximum(max, 0, 10), 10.0); // back to the floor
}

void TestGaugeGeometry::degenerateRangeStaysUsable()
{
    const GaugeGeometry g(5, 5);
    QCOMPARE(g.maximum(), 6.0);
    QCOMPARE(g.angleDeg(5), 210.0);
    QVERIFY(!g.ticks(4).empty());
    QCOMPARE(GaugeGeometry::niceStep(0, 4), 1.0);
}

void TestGaugeGeometry::layoutFitsAndScales_data()
{
    QTest::addColumn<QRectF>("rect");
    QTest::newRow("wide") << QRectF(0, 0, 400, 200);
    QTest::newRow("tall") << QRectF(0, 0, 200, 400);
    QTest::newRow("offset") << QRectF(50, 30, 240, 200);
    QTest::newRow("minimum") << QRectF(0, 0, 150, 130);
}

void TestGaugeGeometry::layoutFitsAndScales()
{
    QFETCH(QRectF, rect);
    const double margin = 14;
    const double caption = 30;
    const GaugeGeometry::Layout l = GaugeGeometry::layout(rect, margin, caption);
    QVERIFY(l.radius > 10);
    QCOMPARE(l.center.x(), rect.center().x());
    // The arc with its label margin stays inside the rectangle.
    QVERIFY(l.center.x() - l.radius - margin >= rect.left() - 1e-9);
    QVERIFY(l.center.x() + l.radius + margin <= rect.right() + 1e-9);
    QVERIFY(l.center.y() - l.radius - margin >= rect.top() - 1e-9);
    QVERIFY(l.center.y() + 0.5 * l.radius + margin <= rect.bottom() + 1e-9);
    QVERIFY(l.captionRect.bottom() <= rect.bottom() + 1e-9);
    QCOMPARE(l.captionRect.height(), caption);
    // The value sits in the middle of the dial, above the caption.
    QVERIFY(l.valueRect.contains(l.center));
    QVERIFY(l.valueRect.bottom() <= l.captionRect.top());
    // Twice the size, twice the radius plus what the fixed margins and caption no longer take.
    const QRectF big(rect.topLeft(), rect.size() * 2);
    const double grown = GaugeGeometry::layout(big, margin, caption).radius;
    QVERIFY2(grown >= 2 * l.radius && grown <= 2 * l.radius + 2 * margin + caption,
             qPrintable(QString::number(grown / l.radius)));
}

void TestGaugeGeometry::heightForWidthWastesNothing_data()
{
    QTest::addColumn<double>("width");
    QTest::addColumn<double>("margin");
    QTest::addColumn<double>("caption");
    QTest::newRow("small") << 130.0 << 20.0 << 34.0;
    QTest::newRow("medium") << 230.0 << 24.0 << 34.0;
    QTest::newRow("large, label-bound") << 600.0 << 40.0 << 10.0;
}

void TestGaugeGeometry::heightForWidthWastesNothing()
{
    QFETCH(double, width);
    QFETCH(double, margin);
    QFETCH(double, caption);
    const double h = GaugeGeometry::heightForWidth(width, margin, caption);
    const GaugeGeometry::Layout l = GaugeGeometry::layout(QRectF(0, 0, width, h), margin, caption);
    // At that height the width limits the radius, and the dial reaches the bottom.
    QVERIFY(std::abs(l.radius - (width - 2 * margin) / 2) < 1e-9);
    const double bottom = l.captionRect.bottom();
    QVERIFY(l.captionRect.top() >= l.center.y() + 0.5 * l.radius + margin - 1e-9); // under the labels
    QVERIFY2(std::abs(bottom - h) < 1e-9, qPrintable(QStringLiteral("%1 vs %2").arg(bottom).arg(h)));
    // Any taller only adds space around the same dial.
    QCOMPARE(GaugeGeometry::layout(QRectF(0, 0, width, h * 2), margin, caption).radius, l.radius);
}

QTEST_GUILESS_MAIN(TestGaugeGeometry)
#include "tst_gaugegeometry.moc"
