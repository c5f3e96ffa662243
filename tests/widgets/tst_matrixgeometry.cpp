#include "matrixgeometry.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace StateScope;
using Region = MatrixGeometry::Region;

Q_DECLARE_METATYPE(MatrixGeometry::Region)

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

MatrixGeometry make(QSizeF viewport, int states, double labelWidth = 90, double lineHeight = 15)
{
    MatrixGeometry::Input input;
    input.viewport = viewport;
    input.stateCount = states;
    input.labelWidth = labelWidth;
    input.lineHeight = lineHeight;
    return MatrixGeometry(input);
}
} // namespace

class TestMatrixGeometry : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cellLayout_data();
    void cellLayout();
    void hitTest_data();
    void hitTest();
    void labels_data();
    void labels();
    void shortNamesAreNotElided();
    void emptyAndTiny();
    void visibleRange();
    void viridisLightnessRises();
    void emptyCellStandsOut();
    void scalePosition_data();
    void scalePosition();
};

void TestMatrixGeometry::cellLayout_data()
{
    QTest::addColumn<QSizeF>("viewport");
    QTest::addColumn<int>("states");
    QTest::newRow("3 states, capped cells") << QSizeF(1200, 800) << 3;
    QTest::newRow("12 states") << QSizeF(1200, 800) << 12;
    QTest::newRow("60 states") << QSizeF(1200, 800) << 60;
    QTest::newRow("200 states full HD") << QSizeF(1920, 1080) << 200;
    QTest::newRow("wide and low") << QSizeF(1900, 400) << 20;
    QTest::newRow("narrow and tall") << QSizeF(500, 1400) << 20;
}

void TestMatrixGeometry::cellLayout()
{
    QFETCH(QSizeF, viewport);
    QFETCH(int, states);
    const MatrixGeometry g = make(viewport, states);
    QVERIFY(!g.isEmpty());
    const double cell = g.cellSize();
    QVERIFY(cell > 0 && cell <= MatrixGeometry::kMaxCell);
    if (cell >= 4) // whole pixels once cells are visible
        QCOMPARE(cell, std::floor(cell));
    const QRectF m = g.matrixRect();
    QCOMPARE(m.width(), m.height());
    QCOMPARE(m.width(), cell * states);
    for (int i : {0, states / 2, states - 1}) {
        for (int j : {0, states - 1}) {
            const QRectF r = g.cellRect(i, j);
            QCOMPARE(r.topLeft(), m.topLeft() + QPointF(j * cell, i * cell));
            QCOMPARE(r.size(), QSizeF(cell, cell));
        }
        // The bars sit on the row they describe.
        QCOMPARE(g.barSlot(0, i).top(), g.cellRect(i, 0).top());
        QCOMPARE(g.barSlot(1, i).bottom(), g.cellRect(i, 0).bottom());
        const MatrixGeometry::Hit steady {Region::SteadyStateBar, i, -1};
        const MatrixGeometry::Hit share {Region::TimeShareBar, i, -1};
        QCOMPARE(g.hitTest(g.barSlot(0, i).center()), steady);
        QCOMPARE(g.hitTest(g.barSlot(1, i).center()), share);
    }
    QCOMPARE(g.hitTest(g.legendRect().center()).region, Region::Legend);
    // Everything fits the viewport: bars to the right, legend below, labels on the left/top.
    QVERIFY(g.barColumnRect(0).left() > m.right());
    QVERIFY(g.barColumnRect(1).left() > g.barColumnRect(0).right());
    QVERIFY(g.barColumnRect(1).right() <= viewport.width());
    QVERIFY(g.legendRect().top() >= m.bottom());
    QVERIFY(g.legendRect().bottom() <= viewport.height());
    QVERIFY(g.rowLabelRect(0, 10).right() < g.rowStripRect(0).left());
    QVERIFY(g.columnLabelRect(0, 10).top() >= 0);
    QVERIFY(g.columnLabelRect(0, 10).bottom() < g.columnStripRect(0).top());
    QVERIFY(g.rowStripRect(0).right() < m.left());
}

void TestMatrixGeometry::hitTest_data()
{
    // Points in cell units from the matrix's top-left corner (20 states, 1200 × 800).
    QTest::addColumn<QPointF>("cells");
    QTest::addColumn<Region>("region");
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("column");
    QTest::newRow("top-left corner is cell 0,0") << QPointF(0, 0) << Region::Cell << 0 << 0;
    QTest::newRow("inside a cell") << QPointF(3.5, 7.5) << Region::Cell << 7 << 3;
    QTest::newRow("border belongs to the next column") << QPointF(1, 0.5) << Region::Cell << 0 << 1;
    QTest::newRow("just before the border") << QPointF(0.999, 0.5) << Region::Cell << 0 << 0;
    QTest::newRow("border belongs to the next row") << QPointF(0.5, 5) << Region::Cell << 5 << 0;
    QTest::newRow("last cell") << QPointF(19.999, 19.999) << Region::Cell << 19 << 19;
    QTest::newRow("right edge is outside") << QPointF(20, 3.5) << Region::None << -1 << -1;
    QTest::newRow("bottom edge is outside") << QPointF(3.5, 20) << Region::None << -1 << -1;
    QTest::newRow("row label") << QPointF(-2, 4.5) << Region::RowLabel << 4 << -1;
    QTest::newRow("column label") << QPointF(6.5, -1.5) << Region::ColumnLabel << -1 << 6;
    QTest::newRow("top-left corner outside") << QPointF(-1, -1) << Region::None << -1 << -1;
}

void TestMatrixGeometry::hitTest()
{
    QFETCH(QPointF, cells);
    QFETCH(Region, region);
    QFETCH(int, row);
    QFETCH(int, column);
    const MatrixGeometry g = make(QSizeF(1200, 800), 20);
    const QPointF p = g.matrixRect().topLeft() + cells * g.cellSize();
    const MatrixGeometry::Hit hit = g.hitTest(p);
    QCOMPARE(hit.region, region);
    QCOMPARE(hit.row, row);
    QCOMPARE(hit.column, column);
}

void TestMatrixGeometry::labels_data()
{
    QTest::addColumn<int>("states");
    QTest::addColumn<double>("labelWidth");
    QTest::newRow("12 long names") << 12 << 400.0;
    QTest::newRow("50 states") << 50 << 180.0;
    QTest::newRow("60 long names") << 60 << 400.0;
    QTest::newRow("120 states") << 120 << 150.0;
    QTest::newRow("500 states") << 500 << 150.0;
}

void TestMatrixGeometry::labels()
{
    QFETCH(int, states);
    QFETCH(double, labelWidth);
    const QSizeF viewport(1200, 800);
    const double line = 15;
    const MatrixGeometry g = make(viewport, states, labelWidth, line);
    QVERIFY(!g.isEmpty());
    // Long names are elided to a margin that leaves the cells most of the window.
    QVERIFY(g.rowLabelWidth() <= 0.2 * viewport.width());
    QVERIFY(g.columnLabelLength() <= 0.22 * viewport.height());
    QVERIFY(g.rowLabelWidth() >= 48);
    QVERIFY(g.matrixRect().width() > 0.5 * viewport.height());
    // Labels shrink with the cells, never below the minimum scale.
    QVERIFY(g.labelScale() >= g.input().minLabelScale);
    QVERIFY(g.labelScale() <= 1.0);
    // With the stride, consecutive drawn labels never overlap, across rows and columns.
    const double textHeight = line * g.labelScale();
    const int stride = g.labelStride(textHeight);
    QVERIFY(stride >= 1);
    QVERIFY(stride * g.cellSize() >= textHeight - 1e-9);
    QVERIFY(stride == 1 || (stride - 1) * g.cellSize() < textHeight);
    for (int i = 0; i + stride < states; i += stride) {
        QVERIFY(!g.rowLabelRect(i, textHeight).intersects(g.rowLabelRect(i + stride, textHeight)));
        QVERIFY(!g.columnLabelRect(i, textHeight).intersects(g.columnLabelRect(i + stride, textHeight)));
    }
    if (states <= 12)
        QCOMPARE(stride, 1);
}

void TestMatrixGeometry::shortNamesAreNotElided()
{
    const MatrixGeometry g = make(QSizeF(1200, 800), 12, 70, 15);
    QCOMPARE(g.labelScale(), 1.0);
    QCOMPARE(g.rowLabelWidth(), 70.0);
    QCOMPARE(g.columnLabelLength(), 70.0);
    // A given scale is kept (the view's second pass) and widths follow it.
    MatrixGeometry::Input input = g.input();
    input.labelScale = 0.8;
    const MatrixGeometry scaled(input);
    QCOMPARE(scaled.labelScale(), 0.8);
    QCOMPARE(scaled.rowLabelWidth(), 56.0);
}

void TestMatrixGeometry::emptyAndTiny()
{
    const MatrixGeometry none = make(QSizeF(800, 600), 0);
    QVERIFY(none.isEmpty());
    QCOMPARE(none.hitTest(QPointF(100, 100)).region, Region::None);
    const MatrixGeometry tiny = make(QSizeF(120, 60), 10);
    QVERIFY(tiny.isEmpty());
    QCOMPARE(tiny.hitTest(QPointF(30, 30)).region, Region::None);
    QCOMPARE(tiny.visibleRows(0, 60), std::make_pair(0, 0));
}

void TestMatrixGeometry::visibleRange()
{
    const MatrixGeometry g = make(QSizeF(1200, 800), 40);
    const QRectF m = g.matrixRect();
    const double cell = g.cellSize();
    QCOMPARE(g.visibleRows(0, 2000), std::make_pair(0, 40));
    QCOMPARE(g.visibleRows(m.top() + 2 * cell, m.top() + 5 * cell), std::make_pair(2, 5));
    QCOMPARE(g.visibleRows(m.top() + 2.5 * cell, m.top() + 5.1 * cell), std::make_pair(2, 6));
    QCOMPARE(g.visibleColumns(m.left() + 39.5 * cell, m.right() + 100), std::make_pair(39, 40));
    QCOMPARE(g.visibleColumns(m.right() + 1, m.right() + 100), std::make_pair(40, 40));
}

void TestMatrixGeometry::viridisLightnessRises()
{
    QCOMPARE(MatrixGeometry::heatColor(0), QColor(0x44, 0x01, 0x54));
    QCOMPARE(MatrixGeometry::heatColor(1), QColor(0xfd, 0xe7, 0x25));
    QCOMPARE(MatrixGeometry::heatColor(-3), MatrixGeometry::heatColor(0));
    QCOMPARE(MatrixGeometry::heatColor(7), MatrixGeometry::heatColor(1));
    QCOMPARE(MatrixGeometry::heatColor(kNaN), MatrixGeometry::heatColor(0));
    double previous = -1;
    for (int i = 0; i <= 200; ++i) {
        const double l = MatrixGeometry::lightness(MatrixGeometry::heatColor(i / 200.0));
        QVERIFY2(l > previous, qPrintable(QStringLiteral("L* falls at t = %1").arg(i / 200.0)));
        previous = l;
    }
    // Perceptually even: no step of a tenth changes lightness by much more than another.
    for (int i = 0; i < 10; ++i) {
        const double step = MatrixGeometry::lightness(MatrixGeometry::heatColor((i + 1) / 10.0))
            - MatrixGeometry::lightness(MatrixGeometry::heatColor(i / 10.0));
        QVERIFY2(step > 4 && step < 12, qPrintable(QString::number(step)));
    }
    QCOMPARE(qRound(MatrixGeometry::lightness(Qt::white)), 100);
    QCOMPARE(qRound(MatrixGeometry::lightness(Qt::black)), 0);
}

void TestMatrixGeometry::emptyCellStandsOut()
{
    const QColor empty = MatrixGeometry::emptyColor();
    QCOMPARE(empty.hslSaturation(), 0); // achromatic: no hue of the scale
    // Far lighter than the low end, where the smallest values sit.
    QVERIFY(MatrixGeometry::lightness(empty) - MatrixGeometry::lightness(MatrixGeometry::heatColor(0)) > 60);
    // And unlike any color of the scale: every scale color is saturated.
    for (int i = 0; i <= 100; ++i)
        QVERIFY(MatrixGeometry::heatColor(i / 100.0).hslSaturation() > 80);
}

void TestMatrixGeometry::scalePosition_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<double>("low");
    QTest::addColumn<double>("high");
    QTest::addColumn<bool>("logarithmic");
    QTest::addColumn<double>("expected");
    QTest::newRow("linear low") << 0.0 << 0.0 << 1.0 << false << 0.0;
    QTest::newRow("linear mid") << 0.25 << 0.0 << 1.0 << false << 0.25;
    QTest::newRow("linear high") << 1.0 << 0.0 << 1.0 << false << 1.0;
    QTest::newRow("linear clamps above") << 3.0 << 0.0 << 1.0 << false << 1.0;
    QTest::newRow("linear clamps below") << -1.0 << 0.0 << 1.0 << false << 0.0;
    QTest::newRow("log low") << 1.0 << 1.0 << 9999.0 << true << 0.0;
    QTest::newRow("log high") << 9999.0 << 1.0 << 9999.0 << true << 1.0;
    QTest::newRow("log decade") << 99.0 << 0.0 << 9999.0 << true << 0.5;
    QTest::newRow("degenerate range") << 5.0 << 5.0 << 5.0 << true << 1.0;
    QTest::newRow("NaN") << kNaN << 0.0 << 1.0 << false << 0.0;
}

void TestMatrixGeometry::scalePosition()
{
    QFETCH(double, value);
    QFETCH(double, low);
    QFETCH(double, high);
    QFETCH(bool, logarithmic);
    QFETCH(double, expected);
    QVERIFY(std::abs(MatrixGeometry::scalePosition(value, low, high, logarithmic) - expected) < 1e-9);
}

QTEST_GUILESS_MAIN(TestMatrixGeometry)
#include "tst_matrixgeometry.moc"
