#include "diagramgeometry.h"

#include <QTest>

using namespace StateScope;

class TestDiagramGeometry : public QObject
{
    Q_OBJECT

private slots:
    void fit_data();
    void fit();
    void zoomKeepsPointFixed_data();
    void zoomKeepsPointFixed();
    void roundTrip_data();
    void roundTrip();
    void panMovesScene();
    void showStart_data();
    void showStart();
    void nodeAt_data();
    void nodeAt();
    void edgeAt_data();
    void edgeAt();
    void levelOfDetail();
};

namespace {

bool near(const QPointF &a, const QPointF &b, double eps = 1e-6)
{
    return std::abs(a.x() - b.x()) <= eps && std::abs(a.y() - b.y()) <= eps;
}

DiagramGeometry geometry(const QRectF &scene, const QSizeF &viewport)
{
    DiagramGeometry g;
    g.setSceneRect(scene);
    g.setViewportSize(viewport);
    g.fit();
    return g;
}

} // namespace

void TestDiagramGeometry::fit_data()
{
    QTest::addColumn<QRectF>("scene");
    QTest::addColumn<QSizeF>("viewport");
    QTest::addColumn<double>("scale");

    const double m = DiagramGeometry::kMargin;
    QTest::newRow("wide scene, width limits") << QRectF(0, 0, 2000, 500) << QSizeF(1000 + 2 * m, 800) << 0.5;
    QTest::newRow("tall scene, height limits") << QRectF(0, 0, 300, 1200) << QSizeF(1000, 600 + 2 * m) << 0.5;
    QTest::newRow("offset scene") << QRectF(-500, 300, 1000, 1000) << QSizeF(400 + 2 * m, 400 + 2 * m) << 0.4;
    QTest::newRow("small scene is not blown up")
        << QRectF(0, 0, 100, 50) << QSizeF(1200, 800) << DiagramGeometry::kMaxFitScale;
    QTest::newRow("empty scene") << QRectF() << QSizeF(1200, 800) << 1.0;
    QTest::newRow("viewport smaller than margins") << QRectF(0, 0, 100, 100) << QSizeF(20, 20) << 1.0;
}

void TestDiagramGeometry::fit()
{
    QFETCH(QRectF, scene);
    QFETCH(QSizeF, viewport);
    QFETCH(double, scale);

    const DiagramGeometry g = geometry(scene, viewport);
    QCOMPARE(g.scale(), scale);
    if (scene.isEmpty())
        return;
    // Centred, and (when it can) wholly inside the viewport with the margin.
    QVERIFY(near(g.toWidget(scene.center()), QPointF(viewport.width() / 2, viewport.height() / 2)));
    const QRectF shown = g.toWidget(scene);
    if (viewport.width() > 2 * DiagramGeometry::kMargin) {
        QVERIFY(shown.left() >= DiagramGeometry::kMargin - 1e-9);
        QVERIFY(shown.top() >= DiagramGeometry::kMargin - 1e-9);
        QVERIFY(shown.right() <= viewport.width() - DiagramGeometry::kMargin + 1e-9);
        QVERIFY(shown.bottom() <= viewport.height() - DiagramGeometry::kMargin + 1e-9);
    }
    // Aspect kept: one scale for both axes.
    QCOMPARE(shown.width() / scene.width(), shown.height() / scene.height());
}

void TestDiagramGeometry::zoomKeepsPointFixed_data()
{
    QTest::addColumn<QPointF>("anchor");
    QTest::addColumn<double>("factor");
    QTest::addColumn<double>("expectedScale"); // relative to the fit scale of 0.5

    QTest::newRow("in at centre") << QPointF(500, 400) << 2.0 << 1.0;
    QTest::newRow("in at corner") << QPointF(3, 7) << 1.25 << 0.625;
    QTest::newRow("out at right") << QPointF(990, 100) << 0.8 << 0.4;
    QTest::newRow("clamped in") << QPointF(200, 300) << 1000.0 << DiagramGeometry::kMaxScale;
    QTest::newRow("clamped out") << QPointF(700, 10) << 0.001 << 0.25; // half the fit scale
    QTest::newRow("outside the viewport") << QPointF(-50, 2000) << 1.5 << 0.75;
}

void TestDiagramGeometry::zoomKeepsPointFixed()
{
    QFETCH(QPointF, anchor);
    QFETCH(double, factor);
    QFETCH(double, expectedScale);

    const double m = DiagramGeometry::kMargin;
    DiagramGeometry g = geometry(QRectF(0, 0, 2000, 1000), QSizeF(1000 + 2 * m, 800));
    QCOMPARE(g.scale(), 0.5);
    g.panBy(QPointF(13, -21)); // not at the fitted offset
    const QPointF before = g.toScene(anchor);
    g.zoomAt(anchor, factor);
    QVERIFY(qFuzzyCompare(g.scale(), expectedScale));
    QVERIFY2(near(g.toScene(anchor), before, 1e-9), "the scene point under the anchor moved");
    QVERIFY(near(g.toWidget(before), anchor, 1e-9));
}

void TestDiagramGeometry::roundTrip_data()
{
    QTest::addColumn<double>("zoom");
    QTest::addColumn<QPointF>("pan");
    QTest::addColumn<QPointF>("scenePoint");

    QTest::newRow("fitted") << 1.0 << QPointF() << QPointF(123.5, 456.25);
    QTest::newRow("zoomed in, panned") << 3.7 << QPointF(-400, 250) << QPointF(-10, 999);
    QTest::newRow("zoomed out") << 0.6 << QPointF(33, 44) << QPointF(1999, 0);
}

void TestDiagramGeometry::roundTrip()
{
    QFETCH(double, zoom);
    QFETCH(QPointF, pan);
    QFETCH(QPointF, scenePoint);

    DiagramGeometry g = geometry(QRectF(0, 0, 2000, 1000), QSizeF(1200, 800));
    g.zoomAt(QPointF(300, 200), zoom);
    g.panBy(pan);
    QVERIFY(near(g.toScene(g.toWidget(scenePoint)), scenePoint, 1e-9));
    QVERIFY(near(g.sceneToWidget().map(scenePoint), g.toWidget(scenePoint), 1e-9));
    const QRectF r(scenePoint, QSizeF(40, 30));
    const QRectF back = g.toScene(g.toWidget(r));
    QVERIFY(near(back.topLeft(), r.topLeft(), 1e-9) && near(back.bottomRight(), r.bottomRight(), 1e-9));
    QVERIFY(near(g.visibleSceneRect().topLeft(), g.toScene(QPointF(0, 0)), 1e-9));
    QVERIFY(near(g.visibleSceneRect().bottomRight(), g.toScene(QPointF(1200, 800)), 1e-9));
}

void TestDiagramGeometry::panMovesScene()
{
    DiagramGeometry g = geometry(QRectF(0, 0, 400, 300), QSizeF(800, 600));
    const QPointF before = g.toWidget(QPointF(100, 100));
    g.panBy(QPointF(25, -40));
    QVERIFY(near(g.toWidget(QPointF(100, 100)), before + QPointF(25, -40)));
    g.fit();
    QVERIFY(near(g.toWidget(QPointF(100, 100)), before));
}

void TestDiagramGeometry::showStart_data()
{
    QTest::addColumn<QRectF>("scene");
    QTest::addColumn<double>("scale");
    QTest::addColumn<double>("sceneY");

    QTest::newRow("long and low") << QRectF(0, 0, 8000, 400) << 0.75 << 200.0;
    QTest::newRow("offset scene") << QRectF(100, -50, 8000, 400) << 0.5 << 10.0;
    QTest::newRow("long and tall, start at the bottom") << QRectF(0, 0, 8000, 1200) << 1.0 << 1100.0;
    QTest::newRow("scale clamped") << QRectF(0, 0, 8000, 400) << 100.0 << 0.0;
}

void TestDiagramGeometry::showStart()
{
    QFETCH(QRectF, scene);
    QFETCH(double, scale);
    QFETCH(double, sceneY);

    DiagramGeometry g = geometry(scene, QSizeF(1000, 600));
    g.showStart(scale, sceneY);
    QCOMPARE(g.scale(), std::min(scale, DiagramGeometry::kMaxScale));
    QVERIFY(near(g.toWidget(QPointF(scene.left(), sceneY)), QPointF(DiagramGeometry::kMargin, 300)));
}

void TestDiagramGeometry::nodeAt_data()
{
    QTest::addColumn<double>("zoom"); // the scale, reached by zooming about the widget origin
    QTest::addColumn<QPointF>("scenePoint");
    QTest::addColumn<int>("expected");

    // Scene 8000 x 4000 fitted at 1/8; nodes are 40 units tall: 5 px at the fitted scale.
    QTest::newRow("inside first") << 1.0 << QPointF(50, 40) << 0;
    QTest::newRow("inside second") << 1.0 << QPointF(250, 40) << 1;
    QTest::newRow("top-left corner") << 1.0 << QPointF(10, 20) << 0;
    QTest::newRow("bottom-right corner") << 1.0 << QPointF(110, 60) << 0;
    QTest::newRow("just outside, readable zoom") << 1.0 << QPointF(111, 40) << -1;
    QTest::newRow("gap between nodes") << 1.0 << QPointF(150, 40) << -1;
    QTest::newRow("overlap: topmost wins") << 1.0 << QPointF(415, 415) << 3;
    QTest::newRow("overlap: lower one outside the top") << 1.0 << QPointF(405, 405) << 2;
    QTest::newRow("far away") << 1.0 << QPointF(900, 480) << -1;
    // Zoomed far out nodes are a few pixels tall: a near miss still picks them.
    QTest::newRow("near miss on tiny nodes") << 0.125 << QPointF(50, 70) << 0;
    QTest::newRow("miss on tiny nodes beyond tolerance") << 0.125 << QPointF(50, 120) << -1;
}

void TestDiagramGeometry::nodeAt()
{
    QFETCH(double, zoom);
    QFETCH(QPointF, scenePoint);
    QFETCH(int, expected);

    const double m = DiagramGeometry::kMargin;
    DiagramGeometry g = geometry(QRectF(0, 0, 8000, 4000), QSizeF(1000 + 2 * m, 500 + 2 * m));
    QCOMPARE(g.scale(), 0.125);
    QCOMPARE(g.nodeAt(QPointF(100, 100)), -1); // no nodes yet
    g.setNodes({QRectF(10, 20, 100, 40), QRectF(200, 20, 100, 40), QRectF(400, 400, 50, 50), QRectF(410, 410, 50, 50)});
    g.zoomAt(QPointF(0, 0), zoom / g.scale());
    QCOMPARE(g.scale(), zoom);
    QCOMPARE(g.nodeAt(g.toWidget(scenePoint)), expected);
}

void TestDiagramGeometry::edgeAt_data()
{
    QTest::addColumn<QPointF>("scenePoint");
    QTest::addColumn<int>("expected");

    QTest::newRow("on the horizontal edge") << QPointF(50, 100) << 0;
    QTest::newRow("3 px off it") << QPointF(50, 103) << 0;
    QTest::newRow("6 px off it") << QPointF(50, 106) << -1;
    QTest::newRow("on the bent edge's second segment") << QPointF(300, 150) << 1;
    QTest::newRow("nearest of two: first") << QPointF(201, 100) << 0;
    QTest::newRow("nearest of two: second") << QPointF(202.6, 100) << 1;
    QTest::newRow("beyond the end") << QPointF(-10, 100) << -1;
}

void TestDiagramGeometry::edgeAt()
{
    QFETCH(QPointF, scenePoint);
    QFETCH(int, expected);

    DiagramGeometry g = geometry(QRectF(0, 0, 500, 500), QSizeF(532, 532));
    QCOMPARE(g.scale(), 1.0);
    g.setEdges({QPolygonF({QPointF(0, 100), QPointF(200, 100)}),
                QPolygonF({QPointF(203, 100), QPointF(300, 103), QPointF(300, 300)})});
    QCOMPARE(g.edgeAt(g.toWidget(scenePoint)), expected);
}

void TestDiagramGeometry::levelOfDetail()
{
    const double m = DiagramGeometry::kMargin;
    DiagramGeometry g = geometry(QRectF(0, 0, 1000, 500), QSizeF(1000 + 2 * m, 500 + 2 * m));
    DiagramGeometry::LevelOfDetail lod = g.levelOfDetail(12, 10);
    QVERIFY(lod.nodeNames && lod.nodeCounts && lod.edgeLabels);
    g.zoomAt(QPointF(), 0.6); // 12 px -> 7.2 px names, 10 px -> 6 px labels
    lod = g.levelOfDetail(12, 10);
    QVERIFY(lod.nodeNames);
    QVERIFY(!lod.edgeLabels);
    QVERIFY(!g.levelOfDetail(9, 10).nodeNames); // 9 px -> 5.4 px
}

QTEST_GUILESS_MAIN(TestDiagramGeometry)
#include "tst_diagramgeometry.moc"
