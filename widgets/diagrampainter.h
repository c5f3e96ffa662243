#pragma once

#include "diagramgeometry.h"
#include "diagramlayout.h"

#include <QColor>
#include <QFont>
#include <QImage>
#include <QPainterPath>
#include <QPolygonF>
#include <QStaticText>
#include <QStringList>
#include <QTransform>

#include <vector>

class QPainter;
class QPalette;

namespace StateScope {

// What the state diagram draws and how: shapes cached when a layout arrives (edge paths,
// arrowheads, laid-out names, in scene units), live values the view refreshes on every report
// (counts, probabilities, kinds, the selected path), and paint() over a DiagramGeometry that
// draws only what is visible and only the text legible at the current zoom.
class DiagramPainter final
{
public:
    enum class EdgeKind { None, Normal, Invalid, Untaken };

    struct Node
    {
        // Shape (per layout)
        QRectF rect;
        QColor color;
        QColor textColor;
        QStaticText name;
        // Live values
        quint64 executions = 0;
        bool seen = false; // in the report (else only in the definition)
        bool terminal = false;
        bool failure = false; // a failure state: marked with a cross, not by hue alone
        bool onPath = false;
        bool current = false;
    };
    struct Edge
    {
        // Shape (per layout)
        int from = 0;
        int to = 0;
        QPainterPath path;
        QPolygonF arrow;
        QRectF bounds;
        QPointF labelAnchor;
        // Live values
        quint64 count = 0;
        double probability = 0;
        EdgeKind kind = EdgeKind::None;
        bool onPath = false;
        // As drawn: the weight follows the live one with a little hysteresis, so that counts
        // drifting under a live feed do not redraw the cached edge layer every frame.
        double drawnWeight = -1;
        EdgeKind drawnKind = EdgeKind::None;
        bool drawnOnPath = false;
    };

    // A nested machine's box (DiagramLayout::Input::Cluster), drawn under the edges.
    struct Cluster
    {
        QRectF rect;
        QColor color; // its Parallel or Map state's
        QStaticText label;
    };

    explicit DiagramPainter(const QFont &base = QFont());

    // The box a state's name needs, in scene units: it depends on the name only, so new
    // counts never change the layout.
    QSizeF nodeSize(const QString &name) const;
    // The width a cluster's label needs, padding included, in scene units.
    double clusterLabelWidth(const QString &label) const;

    // Rebuilds the cached shapes; values are reset. `clusters` are the ones the layout was
    // computed for (their labels and owners; the rects come from the layout).
    void setLayout(const DiagramLayout &layout, const QStringList &names,
                   const std::vector<DiagramLayout::Input::Cluster> &clusters = {});
    void resetValues();
    // After the values changed: the order in which edge labels claim space.
    void valuesChanged();
    void setCountLabels(bool counts) { m_countLabels = counts; }
    // While the user zooms or pans every frame has a new transform: the edge layer is not
    // cached, edges are drawn without antialiasing (a third of the cost) and edge labels are
    // left out until the view settles.
    void setInteractive(bool interactive) { m_interactive = interactive; }
    bool isInteractive() const { return m_interactive; }

    std::vector<Node> &nodes() { return m_nodes; }
    const std::vector<Node> &nodes() const { return m_nodes; }
    std::vector<Edge> &edges() { return m_edges; }
    const std::vector<Edge> &edges() const { return m_edges; }
    const std::vector<Cluster> &clusters() const { return m_clusters; }
    // Flattened edge curves, for hit testing.
    std::vector<QPolygonF> edgePolylines() const;

    void paint(QPainter &painter, const DiagramGeometry &geometry, const QPalette &palette) const;

private:
    double edgeWeight(const Edge &edge) const; // 0..1: probability, or sqrt of the count share
    double edgeWidthPx(const Edge &edge, double scale) const;
    void paintClusters(QPainter &painter, const QRectF &visible, bool labels, const QPalette &palette) const;
    void paintEdgeLayer(QPainter &painter, const DiagramGeometry &geometry, const QPalette &palette) const;
    void paintEdges(QPainter &painter, const QRectF &visible, double scale, const QPalette &palette) const;
    void paintNodes(QPainter &painter, const QRectF &visible, const DiagramGeometry::LevelOfDetail &lod, double scale,
                    const QPalette &palette) const;
    void paintEdgeLabels(QPainter &painter, const QRectF &visible, const QPalette &palette) const;
    static void paintFailureBadge(QPainter &painter, const QRectF &node, const QPalette &palette);

    QFont m_nameFont;
    QFont m_countFont;
    QFont m_labelFont;
    QFont m_clusterFont;
    std::vector<Cluster> m_clusters;
    std::vector<Node> m_nodes;
    std::vector<Edge> m_edges;
    std::vector<int> m_labelOrder; // labelled edges, most important first
    quint64 m_maxEdgeCount = 1;
    bool m_countLabels = false;
    bool m_interactive = false;

    // The edges rendered once over the background, reused until the transform, the viewport,
    // the palette or an edge's drawn style changes: repaints for new counts blit it.
    struct LayerKey
    {
        QTransform transform;
        QSize pixels;
        qreal dpr = 1;
        quint64 styleVersion = 0;
        QRgb base = 0;
        QRgb text = 0;
        QRgb mid = 0;
        bool operator==(const LayerKey &) const = default;
    };
    quint64 m_styleVersion = 0;
    mutable QImage m_edgeLayer;
    mutable LayerKey m_edgeLayerKey;
};

} // namespace StateScope
