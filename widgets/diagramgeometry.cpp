#include "diagramgeometry.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace StateScope {

namespace {

// The pixel size below which text is not drawn: it would be a grey smear, and skipping it is
// most of what keeps a 200-state diagram at a frame's budget.
constexpr double kMinNamePx = 5.5;
constexpr double kMinLabelPx = 6.5;

double distanceToSegment(const QPointF &p, const QPointF &a, const QPointF &b)
{
    const QPointF ab = b - a;
    const double length2 = QPointF::dotProduct(ab, ab);
    const double t = length2 > 0 ? std::clamp(QPointF::dotProduct(p - a, ab) / length2, 0.0, 1.0) : 0.0;
    const QPointF d = p - (a + ab * t);
    return std::hypot(d.x(), d.y());
}

double distanceToRect(const QPointF &p, const QRectF &r)
{
    const double dx = std::max({r.left() - p.x(), 0.0, p.x() - r.right()});
    const double dy = std::max({r.top() - p.y(), 0.0, p.y() - r.bottom()});
    return std::hypot(dx, dy);
}

} // namespace

void DiagramGeometry::setSceneRect(const QRectF &rect)
{
    m_sceneRect = rect;
}

void DiagramGeometry::setViewportSize(const QSizeF &size)
{
    m_viewport = size;
}

double DiagramGeometry::fitScale() const
{
    const double w = m_viewport.width() - 2 * kMargin;
    const double h = m_viewport.height() - 2 * kMargin;
    if (m_sceneRect.width() <= 0 || m_sceneRect.height() <= 0 || w <= 0 || h <= 0)
        return 1;
    return std::min({w / m_sceneRect.width(), h / m_sceneRect.height(), kMaxFitScale});
}

void DiagramGeometry::fit()
{
    m_scale = fitScale();
    const QPointF viewportCentre(m_viewport.width() / 2, m_viewport.height() / 2);
    m_offset = viewportCentre - m_sceneRect.center() * m_scale;
}

void DiagramGeometry::showStart(double scale, double sceneY)
{
    m_scale = std::clamp(scale, std::min(minScale(), kMaxScale), kMaxScale);
    m_offset = QPointF(kMargin - m_sceneRect.left() * m_scale, m_viewport.height() / 2 - sceneY * m_scale);
}

void DiagramGeometry::zoomAt(const QPointF &widgetPoint, double factor)
{
    if (!(factor > 0) || !std::isfinite(factor))
        return;
    const QPointF anchor = toScene(widgetPoint);
    m_scale = std::clamp(m_scale * factor, std::min(minScale(), kMaxScale), kMaxScale);
    m_offset = widgetPoint - anchor * m_scale;
}

void DiagramGeometry::panBy(const QPointF &widgetDelta)
{
    m_offset += widgetDelta;
}

QTransform DiagramGeometry::sceneToWidget() const
{
    return QTransform(m_scale, 0, 0, m_scale, m_offset.x(), m_offset.y());
}

QRectF DiagramGeometry::toWidget(const QRectF &scene) const
{
    return QRectF(toWidget(scene.topLeft()), scene.size() * m_scale);
}

QRectF DiagramGeometry::toScene(const QRectF &widget) const
{
    return QRectF(toScene(widget.topLeft()), widget.size() / m_scale);
}

DiagramGeometry::LevelOfDetail DiagramGeometry::levelOfDetail(double nameFontSize, double labelFontSize) const
{
    LevelOfDetail lod;
    lod.nodeNames = nameFontSize * m_scale >= kMinNamePx;
    lod.nodeCounts = lod.nodeNames;
    lod.edgeLabels = labelFontSize * m_scale >= kMinLabelPx;
    return lod;
}

int DiagramGeometry::nodeAt(const QPointF &widgetPoint, double tolerancePx) const
{
    const QPointF p = toScene(widgetPoint);
    for (int i = int(m_nodes.size()) - 1; i >= 0; --i) {
        if (m_nodes[size_t(i)].contains(p))
            return i;
    }
    // A miss by a few pixels counts only when the boxes are tiny on screen; at a readable
    // zoom the box itself is the target, and the gap between boxes belongs to the edges.
    const double tolerance = tolerancePx / m_scale;
    int best = -1;
    double bestDistance = std::numeric_limits<double>::max();
    for (int i = int(m_nodes.size()) - 1; i >= 0; --i) {
        const QRectF &r = m_nodes[size_t(i)];
        if (std::min(r.width(), r.height()) * m_scale >= 12)
            continue;
        const double d = distanceToRect(p, r);
        if (d <= tolerance && d < bestDistance) {
            best = i;
            bestDistance = d;
        }
    }
    return best;
}

void DiagramGeometry::setEdges(std::vector<QPolygonF> scenePolylines)
{
    m_edges = std::move(scenePolylines);
    m_edgeBounds.clear();
    m_edgeBounds.reserve(m_edges.size());
    for (const QPolygonF &polyline : m_edges)
        m_edgeBounds.push_back(polyline.boundingRect());
}

int DiagramGeometry::edgeAt(const QPointF &widgetPoint, double tolerancePx) const
{
    const QPointF p = toScene(widgetPoint);
    const double tolerance = tolerancePx / m_scale;
    int best = -1;
    double bestDistance = tolerance;
    for (size_t i = 0; i < m_edges.size(); ++i) {
        if (!m_edgeBounds[i].adjusted(-tolerance, -tolerance, tolerance, tolerance).contains(p))
            continue;
        const QPolygonF &polyline = m_edges[i];
        for (qsizetype k = 0; k + 1 < polyline.size(); ++k) {
            const double d = distanceToSegment(p, polyline[k], polyline[k + 1]);
            if (d <= bestDistance) {
                best = int(i);
                bestDistance = d;
            }
        }
    }
    return best;
}

} // namespace StateScope
