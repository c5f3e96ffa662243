#pragma once

#include <QPointF>
#include <QPolygonF>
#include <QRectF>
#include <QSizeF>
#include <QTransform>

#include <vector>

namespace StateScope {

// The state diagram's view transform and hit testing, without a widget: scene (layout units)
// to widget pixels by a uniform scale and an offset (aspect kept), fit, zoom about a point,
// pan, and which node or edge lies under a widget point.
class DiagramGeometry final
{
public:
    // What is worth drawing at the current zoom: text too small to read is skipped.
    struct LevelOfDetail
    {
        bool nodeNames = true;
        bool nodeCounts = true;
        bool edgeLabels = true;
    };

    static constexpr double kMargin = 16; // widget pixels around a fitted scene
    static constexpr double kMaxFitScale = 1.5; // small graphs are not blown up beyond this
    static constexpr double kMaxScale = 8;

    void setSceneRect(const QRectF &rect);
    QRectF sceneRect() const { return m_sceneRect; }
    void setViewportSize(const QSizeF &size);
    QSizeF viewportSize() const { return m_viewport; }

    // The scale at which the whole scene fits the viewport (capped at kMaxFitScale).
    double fitScale() const;
    double minScale() const { return fitScale() * 0.5; }
    void fit();
    // At `scale`, the scene's left edge at the margin and the height `sceneY` at the
    // viewport's middle: the start of a left-to-right flow too long to read when fitted.
    void showStart(double scale, double sceneY);
    // Multiplies the scale by `factor` (clamped to [minScale, kMaxScale]) keeping the scene
    // point under `widgetPoint` where it is.
    void zoomAt(const QPointF &widgetPoint, double factor);
    void panBy(const QPointF &widgetDelta);

    double scale() const { return m_scale; }
    QPointF offset() const { return m_offset; }
    QTransform sceneToWidget() const;
    QPointF toWidget(const QPointF &scene) const { return scene * m_scale + m_offset; }
    QPointF toScene(const QPointF &widget) const { return (widget - m_offset) / m_scale; }
    QRectF toWidget(const QRectF &scene) const;
    QRectF toScene(const QRectF &widget) const;
    QRectF visibleSceneRect() const { return toScene(QRectF(QPointF(0, 0), m_viewport)); }

    // Scene-unit sizes of the diagram's text, and what is legible at the current scale.
    LevelOfDetail levelOfDetail(double nameFontSize, double labelFontSize) const;

    // Node rectangles in scene units, in paint order (later ones drawn on top).
    void setNodes(std::vector<QRectF> sceneRects) { m_nodes = std::move(sceneRects); }
    const std::vector<QRectF> &nodes() const { return m_nodes; }
    // The topmost node containing the point; failing that, when nodes are drawn small, the
    // nearest one within `tolerancePx` pixels. -1 when none.
    int nodeAt(const QPointF &widgetPoint, double tolerancePx = 3) const;

    // Edges as polylines in scene units (flattened curves).
    void setEdges(std::vector<QPolygonF> scenePolylines);
    int edgeAt(const QPointF &widgetPoint, double tolerancePx = 4) const;

private:
    QRectF m_sceneRect;
    QSizeF m_viewport;
    double m_scale = 1;
    QPointF m_offset;
    std::vector<QRectF> m_nodes;
    std::vector<QPolygonF> m_edges;
    std::vector<QRectF> m_edgeBounds;
};

} // namespace StateScope
