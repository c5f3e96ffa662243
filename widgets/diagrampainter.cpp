#include "diagrampainter.h"

#include "statepalette.h"

#include <QFontMetricsF>
#include <QLocale>
#include <QPaintDevice>
#include <QPaintEngine>
#include <QPainter>
#include <QPalette>

#include <algorithm>
#include <cmath>

namespace StateScope {

namespace {

// Scene units are Graphviz points; text is laid out at these sizes and scaled with the view.
constexpr double kNamePx = 12;
constexpr double kCountPx = 10.5;
constexpr double kLabelPx = 10;
constexpr double kNodeHeight = 38;
constexpr double kNodeMinWidth = 70;
constexpr double kNodeMaxWidth = 210;
constexpr double kNodePadding = 18;
constexpr double kCornerRadius = 7;
constexpr double kClusterRadius = 10;
constexpr double kClusterLabelInset = 6; // from the box's left edge
constexpr float kClusterTint = 0.12f; // nested boxes add up: a Map in a branch reads darker

const QColor kHighlight(0xff, 0xb0, 0x00); // the selected path: amber, apart from the palette
const QColor kInvalid(0xd6, 0x27, 0x28);
// A weight change smaller than this keeps an edge's drawn width and shade (and the cached
// edge layer): a twentieth of the range, a fraction of a pixel.
constexpr double kWeightHysteresis = 0.05;

QPolygonF arrowHead(const QPointF &base, const QPointF &tip)
{
    const QPointF d = tip - base;
    const QPointF side = QPointF(-d.y(), d.x()) * 0.45;
    return QPolygonF({tip, base + side, base - side});
}

// Whether both control points lie within a tenth of a unit of the chord p0-p3.
bool isStraight(const QPointF &p0, const QPointF &c1, const QPointF &c2, const QPointF &p3)
{
    const QPointF chord = p3 - p0;
    const double length = std::hypot(chord.x(), chord.y());
    if (length < 1e-9)
        return false;
    const auto off = [&](const QPointF &c) {
        const QPointF d = c - p0;
        return std::abs(d.x() * chord.y() - d.y() * chord.x()) / length;
    };
    return off(c1) < 0.1 && off(c2) < 0.1;
}

} // namespace

DiagramPainter::DiagramPainter(const QFont &base)
    : m_nameFont(base)
    , m_countFont(base)
    , m_labelFont(base)
    , m_clusterFont(base)
{
    m_nameFont.setPixelSize(int(kNamePx));
    m_nameFont.setWeight(QFont::DemiBold);
    m_countFont.setPixelSize(int(kCountPx));
    m_labelFont.setPixelSize(int(kLabelPx));
    m_clusterFont.setPixelSize(int(DiagramLayout::kClusterLabelPx));
    m_clusterFont.setWeight(QFont::DemiBold);
}

QSizeF DiagramPainter::nodeSize(const QString &name) const
{
    const double width = QFontMetricsF(m_nameFont).horizontalAdvance(name) + kNodePadding;
    return QSizeF(std::ceil(std::clamp(width, kNodeMinWidth, kNodeMaxWidth)), kNodeHeight);
}

double DiagramPainter::clusterLabelWidth(const QString &label) const
{
    return std::ceil(QFontMetricsF(m_clusterFont).horizontalAdvance(label)) + 2 * kClusterLabelInset;
}

void DiagramPainter::setLayout(const DiagramLayout &layout, const QStringList &names,
                               const std::vector<DiagramLayout::Input::Cluster> &clusters)
{
    const QFontMetricsF clusterMetrics(m_clusterFont);
    m_clusters.clear();
    for (size_t i = 0; i < layout.clusters.size() && i < clusters.size(); ++i) {
        if (layout.clusters[i].isNull())
            continue; // nothing of it laid out
        Cluster cluster;
        cluster.rect = layout.clusters[i];
        const int owner = clusters[i].owner;
        cluster.color
            = owner >= 0 && owner < names.size() ? StatePalette::color(names[owner]) : StatePalette::unknown();
        cluster.label.setText(clusterMetrics.elidedText(clusters[i].label, Qt::ElideRight,
                                                        cluster.rect.width() - 2 * kClusterLabelInset));
        cluster.label.setTextFormat(Qt::PlainText);
        cluster.label.prepare(QTransform(), m_clusterFont);
        m_clusters.push_back(std::move(cluster));
    }
    const QFontMetricsF metrics(m_nameFont);
    m_nodes.clear();
    m_nodes.reserve(layout.nodes.size());
    for (size_t i = 0; i < layout.nodes.size(); ++i) {
        Node node;
        node.rect = layout.nodes[i];
        node.color = StatePalette::color(names[qsizetype(i)]);
        node.textColor = StatePalette::textOn(node.color);
        node.failure = StatePalette::isFailure(names[qsizetype(i)]);
        // Names are laid out once per layout, not per frame.
        node.name.setText(metrics.elidedText(names[qsizetype(i)], Qt::ElideMiddle, node.rect.width() - 10));
        node.name.setTextFormat(Qt::PlainText);
        node.name.setPerformanceHint(QStaticText::AggressiveCaching);
        node.name.prepare(QTransform(), m_nameFont);
        m_nodes.push_back(std::move(node));
    }
    m_edges.clear();
    m_edges.reserve(layout.edges.size());
    for (const DiagramLayout::Edge &e : layout.edges) {
        Edge edge;
        edge.from = e.from;
        edge.to = e.to;
        if (!e.bezier.empty()) {
            edge.path.moveTo(e.bezier.front());
            for (size_t k = 1; k + 2 < e.bezier.size(); k += 3) {
                // Straight pieces (most edges of an sfdp layout) as lines: a curve is
                // flattened into segments on every paint.
                if (isStraight(e.bezier[k - 1], e.bezier[k], e.bezier[k + 1], e.bezier[k + 2]))
                    edge.path.lineTo(e.bezier[k + 2]);
                else
                    edge.path.cubicTo(e.bezier[k], e.bezier[k + 1], e.bezier[k + 2]);
            }
            edge.arrow = arrowHead(e.bezier.back(), e.arrowTip);
        }
        edge.bounds = edge.path.boundingRect() | edge.arrow.boundingRect();
        edge.labelAnchor = edge.path.pointAtPercent(0.5);
        m_edges.push_back(std::move(edge));
    }
    m_labelOrder.clear();
    ++m_styleVersion;
}

void DiagramPainter::resetValues()
{
    for (Node &n : m_nodes) {
        n.executions = 0;
        n.seen = n.terminal = n.onPath = n.current = false;
    }
    for (Edge &e : m_edges) {
        e.count = 0;
        e.probability = 0;
        e.kind = EdgeKind::None;
        e.onPath = false;
    }
}

void DiagramPainter::valuesChanged()
{
    m_maxEdgeCount = 1;
    m_labelOrder.clear();
    for (size_t i = 0; i < m_edges.size(); ++i) {
        m_maxEdgeCount = std::max(m_maxEdgeCount, m_edges[i].count);
        if (m_edges[i].kind == EdgeKind::Normal || m_edges[i].kind == EdgeKind::Invalid)
            m_labelOrder.push_back(int(i));
    }
    bool restyled = false;
    for (Edge &e : m_edges) {
        const double weight = edgeWeight(e);
        if (e.kind != e.drawnKind || e.onPath != e.drawnOnPath
            || std::abs(weight - e.drawnWeight) > kWeightHysteresis) {
            e.drawnKind = e.kind;
            e.drawnOnPath = e.onPath;
            e.drawnWeight = weight;
            restyled = true;
        }
    }
    if (restyled)
        ++m_styleVersion;
    // Invalid edges are labelled first (they are what the user must see), then by weight.
    std::stable_sort(m_labelOrder.begin(), m_labelOrder.end(), [this](int a, int b) {
        const Edge &x = m_edges[size_t(a)];
        const Edge &y = m_edges[size_t(b)];
        if ((x.kind == EdgeKind::Invalid) != (y.kind == EdgeKind::Invalid))
            return x.kind == EdgeKind::Invalid;
        return edgeWeight(x) > edgeWeight(y);
    });
}

std::vector<QPolygonF> DiagramPainter::edgePolylines() const
{
    std::vector<QPolygonF> polylines;
    polylines.reserve(m_edges.size());
    for (const Edge &e : m_edges) {
        const QList<QPolygonF> flat = e.path.toSubpathPolygons();
        polylines.push_back(flat.isEmpty() ? QPolygonF() : flat.front());
    }
    return polylines;
}

double DiagramPainter::edgeWeight(const Edge &edge) const
{
    const double weight = m_countLabels ? std::sqrt(double(edge.count) / double(m_maxEdgeCount)) : edge.probability;
    return std::clamp(weight, 0.0, 1.0);
}

double DiagramPainter::edgeWidthPx(const Edge &edge, double scale) const
{
    // Gentle: from 1 px up to 4 px at 100 % (6 px zoomed in). Light edges stay at exactly one
    // pixel, which the raster engine draws on its fast cosmetic-line path: most edges of a
    // dense graph are light, and wider antialiased strokes cost several times more.
    const double extra = 3.0 * std::max(edge.drawnWeight, 0.0) * std::clamp(scale, 0.5, 1.5);
    return extra < 0.5 ? 1.0 : 1.0 + extra;
}

void DiagramPainter::paint(QPainter &painter, const DiagramGeometry &geometry, const QPalette &palette) const
{
    const QRectF visible = geometry.visibleSceneRect();
    const DiagramGeometry::LevelOfDetail lod = geometry.levelOfDetail(kNamePx, kLabelPx);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    // A vector device (PDF report, SVG export) gets the edges as paths, not the cached bitmap.
    const QPaintEngine *engine = painter.paintEngine();
    const bool vector = engine
        && (engine->type() == QPaintEngine::Pdf || engine->type() == QPaintEngine::SVG || engine->type() == QPaintEngine::Picture);
    if (m_interactive || vector) {
        painter.setTransform(geometry.sceneToWidget(), true);
        paintClusters(painter, visible, lod.nodeNames, palette);
        painter.setRenderHint(QPainter::Antialiasing, vector);
        paintEdges(painter, visible, geometry.scale(), palette);
        painter.setRenderHint(QPainter::Antialiasing);
    } else {
        paintEdgeLayer(painter, geometry, palette);
        painter.setTransform(geometry.sceneToWidget(), true);
    }
    paintNodes(painter, visible, lod, geometry.scale(), palette);
    if (lod.edgeLabels && !m_interactive) // labels would jump between frames anyway
        paintEdgeLabels(painter, visible, palette);
    painter.restore();
}

void DiagramPainter::paintEdgeLayer(QPainter &painter, const DiagramGeometry &geometry, const QPalette &palette) const
{
    const qreal dpr = painter.device() ? painter.device()->devicePixelRatioF() : 1.0;
    const LayerKey key {geometry.sceneToWidget(),
                        (geometry.viewportSize() * dpr).toSize(),
                        dpr,
                        m_styleVersion,
                        palette.color(QPalette::Base).rgba(),
                        palette.color(QPalette::Text).rgba(),
                        palette.color(QPalette::Mid).rgba()};
    if (key.pixels.isEmpty())
        return;
    if (m_edgeLayer.isNull() || !(key == m_edgeLayerKey)) {
        if (m_edgeLayer.size() != key.pixels)
            m_edgeLayer = QImage(key.pixels, QImage::Format_ARGB32_Premultiplied);
        m_edgeLayer.setDevicePixelRatio(dpr);
        // Opaque (the background is in it), so showing it is a plain copy, not a blend.
        m_edgeLayer.fill(palette.color(QPalette::Base));
        QPainter layer(&m_edgeLayer);
        layer.setRenderHint(QPainter::Antialiasing);
        layer.setTransform(geometry.sceneToWidget());
        paintClusters(layer, geometry.visibleSceneRect(), geometry.levelOfDetail(kNamePx, kLabelPx).nodeNames, palette);
        paintEdges(layer, geometry.visibleSceneRect(), geometry.scale(), palette);
        m_edgeLayerKey = key;
    }
    painter.drawImage(QPointF(0, 0), m_edgeLayer);
}

// Rounded boxes tinted with their Parallel or Map state's colour, parents before the clusters
// nested in them, and the label in the band dot (or the sfdp placement) keeps at the top.
void DiagramPainter::paintClusters(QPainter &painter, const QRectF &visible, bool labels, const QPalette &palette) const
{
    QColor text = palette.color(QPalette::Text);
    text.setAlphaF(0.8f);
    for (const Cluster &c : m_clusters) {
        if (!c.rect.intersects(visible))
            continue;
        QColor fill = c.color;
        fill.setAlphaF(kClusterTint);
        QColor edge = c.color;
        edge.setAlphaF(0.6f);
        QPen border(edge, 1);
        border.setCosmetic(true);
        painter.setPen(border);
        painter.setBrush(fill);
        painter.drawRoundedRect(c.rect, kClusterRadius, kClusterRadius);
        if (labels) {
            painter.setPen(text);
            painter.setFont(m_clusterFont);
            painter.drawStaticText(c.rect.topLeft() + QPointF(kClusterLabelInset, 3), c.label);
        }
    }
}

void DiagramPainter::paintEdges(QPainter &painter, const QRectF &visible, double scale, const QPalette &palette) const
{
    const QColor text = palette.color(QPalette::Text);
    const QColor faint = palette.color(QPalette::Mid);
    // Flat caps: round ones make the stroker emit arcs at both ends of every edge, and the
    // arrowhead covers the end that shows.
    QPen pen(text, 1, Qt::SolidLine, Qt::FlatCap, Qt::MiterJoin);
    pen.setCosmetic(true);
    // The selected path first, as a wide amber band under its edges.
    QPen halo(kHighlight, 7 * std::clamp(scale, 0.6, 1.5), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    halo.setCosmetic(true);
    painter.setBrush(Qt::NoBrush);
    painter.setPen(halo);
    for (const Edge &e : m_edges) {
        if (e.drawnOnPath && e.bounds.intersects(visible))
            painter.drawPath(e.path);
    }
    const bool arrows = DiagramLayout::kArrowLength * scale >= 3; // smaller ones are specks
    // Then by kind, faint below normal below invalid. Heavier edges are darker as well as
    // wider, so the main flow stands out of a dense graph.
    for (const EdgeKind kind : {EdgeKind::Untaken, EdgeKind::Normal, EdgeKind::Invalid}) {
        pen.setStyle(kind == EdgeKind::Untaken       ? Qt::DotLine
                         : kind == EdgeKind::Invalid ? Qt::DashLine
                                                     : Qt::SolidLine);
        for (const Edge &e : m_edges) {
            if (e.drawnKind != kind || !e.bounds.intersects(visible))
                continue;
            QColor color = kind == EdgeKind::Untaken ? faint : kind == EdgeKind::Invalid ? kInvalid : text;
            if (kind == EdgeKind::Normal)
                color.setAlphaF(float(0.3 + 0.45 * e.drawnWeight));
            pen.setColor(color);
            pen.setWidthF(kind == EdgeKind::Untaken ? 1.0 : edgeWidthPx(e, scale));
            painter.setPen(pen);
            painter.setBrush(Qt::NoBrush);
            painter.drawPath(e.path);
            if (arrows) {
                painter.setPen(Qt::NoPen);
                painter.setBrush(color);
                painter.drawPolygon(e.arrow);
            }
        }
    }
}

void DiagramPainter::paintNodes(QPainter &painter, const QRectF &visible, const DiagramGeometry::LevelOfDetail &lod,
                                double scale, const QPalette &palette) const
{
    const QLocale locale;
    const double px = 1.0 / scale; // one pixel in scene units
    QPen outline(palette.color(QPalette::Text), 1.5);
    outline.setCosmetic(true);
    for (const Node &node : m_nodes) {
        if (!node.rect.intersects(visible))
            continue;
        if (node.current || node.onPath) {
            // Path states get an amber ring; the current state a wider one, outlined so it
            // reads as "here" even where amber is close to the state's own color.
            const double w = (node.current ? 6 : 2.5) * px;
            painter.setPen(node.current ? outline : QPen(Qt::NoPen));
            painter.setBrush(kHighlight);
            painter.drawRoundedRect(node.rect.adjusted(-w, -w, w, w), kCornerRadius + w, kCornerRadius + w);
        }
        QColor fill = node.color;
        if (!node.seen)
            fill.setAlphaF(0.35f); // only in the definition: a ghost of its color
        QPen border(node.seen ? node.color.darker(160) : palette.color(QPalette::Mid), 1); // 1 px: fast path
        border.setCosmetic(true);
        if (!node.seen)
            border.setStyle(Qt::DashLine);
        painter.setPen(border);
        painter.setBrush(fill);
        painter.drawRoundedRect(node.rect, kCornerRadius, kCornerRadius);
        if (node.terminal) { // double border
            painter.setBrush(Qt::NoBrush);
            painter.drawRoundedRect(node.rect.adjusted(3, 3, -3, -3), kCornerRadius - 2, kCornerRadius - 2);
        }
        if (node.failure)
            paintFailureBadge(painter, node.rect, palette);
        if (!lod.nodeNames)
            continue;
        const QColor text = node.seen ? node.textColor : palette.color(QPalette::Text);
        painter.setPen(text);
        painter.setFont(m_nameFont);
        const QSizeF nameSize = node.name.size();
        painter.drawStaticText(QPointF(node.rect.center().x() - nameSize.width() / 2, node.rect.top() + 5), node.name);
        if (lod.nodeCounts) {
            QColor count = text;
            count.setAlphaF(node.executions > 0 ? 1.0f : 0.6f);
            painter.setPen(count);
            painter.setFont(m_countFont);
            const QString label = node.seen ? locale.toString(node.executions) : QStringLiteral("–");
            painter.drawText(QRectF(node.rect.left(), node.rect.top() + 5 + nameSize.height(), node.rect.width(),
                                    node.rect.height() - 8 - nameSize.height()),
                             Qt::AlignHCenter | Qt::AlignVCenter, label);
        }
    }
}

// A cross in a disc on the node's top-right corner, in the text colors of the theme.
void DiagramPainter::paintFailureBadge(QPainter &painter, const QRectF &node, const QPalette &palette)
{
    constexpr double r = 6.5;
    const QPointF c(node.right() - 2, node.top() + 2);
    QPen ring(palette.color(QPalette::Text), 1.2);
    ring.setCosmetic(true);
    painter.setPen(ring);
    painter.setBrush(palette.color(QPalette::Base));
    painter.drawEllipse(c, r, r);
    QPen cross(palette.color(QPalette::Text), 1.8, Qt::SolidLine, Qt::RoundCap);
    painter.setPen(cross);
    const double d = r * 0.45;
    painter.drawLine(c + QPointF(-d, -d), c + QPointF(d, d));
    painter.drawLine(c + QPointF(-d, d), c + QPointF(d, -d));
}

void DiagramPainter::paintEdgeLabels(QPainter &painter, const QRectF &visible, const QPalette &palette) const
{
    const QLocale locale;
    const QFontMetricsF metrics(m_labelFont);
    painter.setFont(m_labelFont);
    QColor background = palette.color(QPalette::Base);
    background.setAlphaF(0.85f);
    const QColor text = palette.color(QPalette::Text);
    std::vector<QRectF> nodes;
    for (const Node &n : m_nodes) {
        if (n.rect.intersects(visible))
            nodes.push_back(n.rect);
    }
    for (const Cluster &c : m_clusters) // their labels too
        nodes.emplace_back(c.rect.topLeft() + QPointF(kClusterLabelInset, 3), c.label.size());
    // Heaviest edges first, greedily: a label that would overlap one already drawn or a node
    // is left out (the tooltip still has it), and no more labels than visible states, which
    // keeps a dense graph readable.
    const size_t cap = std::max<size_t>(16, nodes.size());
    std::vector<QRectF> taken;
    for (const int i : m_labelOrder) {
        if (taken.size() >= cap)
            break;
        const Edge &edge = m_edges[size_t(i)];
        if (!visible.contains(edge.labelAnchor))
            continue;
        QString label;
        if (m_countLabels)
            label = locale.toString(edge.count);
        else if (edge.probability > 0 && edge.probability < 0.005)
            label = QStringLiteral("<0.01");
        else
            label = QString::number(edge.probability, 'f', 2);
        const QSizeF size(metrics.horizontalAdvance(label) + 6, metrics.height() + 1);
        const QRectF box(edge.labelAnchor - QPointF(size.width() / 2, size.height() / 2), size);
        const QRectF spaced = box.adjusted(-3, -2, 3, 2);
        const auto overlaps = [&spaced](const QRectF &r) {
            return r.intersects(spaced);
        };
        if (std::any_of(taken.begin(), taken.end(), overlaps) || std::any_of(nodes.begin(), nodes.end(), overlaps))
            continue;
        taken.push_back(box);
        painter.setPen(Qt::NoPen);
        painter.setBrush(background);
        painter.drawRoundedRect(box, 3, 3);
        painter.setPen(edge.kind == EdgeKind::Invalid ? kInvalid : text);
        painter.drawText(box, Qt::AlignCenter, label);
    }
}

} // namespace StateScope
