#pragma once

#include "analysisreport.h"
#include "diagramgeometry.h"
#include "diagramlayout.h"
#include "diagrampainter.h"

#include <QHash>
#include <QPainterPath>
#include <QSet>
#include <QWidget>

#include <optional>

class QTimer;
template<typename T> class QFutureWatcher;

namespace StateScope {

// The state diagram (SPEC 7): the machine's graph laid out by Graphviz on a worker thread,
// nodes with the live count of executions in each state, edges with probability or count,
// transitions the definition does not allow drawn dashed red, allowed ones never taken drawn
// faint, and the selected execution's path highlighted. Zoom with the wheel, pan by dragging,
// fit with a double-click. A new layout is computed only when the set of states or edges
// changes; new counts only repaint.
class StateDiagramView final : public QWidget
{
    Q_OBJECT
public:
    enum EdgeLabel { Probability, Count };
    Q_ENUM(EdgeLabel)
    using EdgeKind = DiagramPainter::EdgeKind;

    explicit StateDiagramView(QWidget *parent = nullptr);
    ~StateDiagramView() override;

    void setReport(const AnalysisReport &report);
    void setDefinition(const std::optional<StateMachineDefinition> &definition);
    void setSelectedPath(const QStringList &statesInOrder, const QString &currentState);
    void setEdgeLabelMode(EdgeLabel mode);
    EdgeLabel edgeLabelMode() const { return m_labelMode; }

    // What the view holds, for tests, tooltips and the window's status line.
    int layoutCount() const { return m_layoutCount; } // layouts applied so far
    bool isLayoutPending() const { return m_layoutRunning; }
    const DiagramLayout &currentLayout() const { return m_layout; }
    const DiagramGeometry &geometry() const { return m_geometry; }
    QStringList nodeNames() const { return m_nodeNames; } // in the order of currentLayout().nodes
    // The definition's nested machines drawn as boxes, in the order of currentLayout().clusters.
    const std::vector<DiagramLayout::Input::Cluster> &clusters() const { return m_clusters; }
    int nodeIndex(const QString &state) const { return m_nodeIndex.value(state, -1); }
    quint64 executionsIn(const QString &state) const;
    EdgeKind edgeKind(const QString &from, const QString &to) const;
    QPainterPath edgePath(const QString &from, const QString &to) const; // scene units
    bool isOnSelectedPath(const QString &from, const QString &to) const;
    QString toolTipAt(const QPointF &widgetPoint) const;

public Q_SLOTS:
    void zoomIn();
    void zoomOut();
    void fitToView();

Q_SIGNALS:
    void stateActivated(const QString &state);
    void layoutChanged(); // a new layout is shown

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    struct ReportState
    {
        QString name;
        bool terminal = false;
        quint64 executions = 0;
    };
    struct ReportEdge
    {
        int from = 0;
        int to = 0;
        quint64 count = 0;
        double probability = 0;
    };

    void updateShape();
    void startLayout();
    void layoutFinished();
    void applyLayout(DiagramLayout layout, const QStringList &names,
                     std::vector<DiagramLayout::Input::Cluster> clusters);
    void refreshData();
    int edgeIndex(int from, int to) const;
    void paintPlaceholder(QPainter &painter, const QString &text) const;
    void zoomBy(const QPointF &widgetPoint, double factor);
    void interacted();
    void followViewMode();

    // Inputs as last given.
    std::vector<ReportState> m_states;
    std::vector<ReportEdge> m_reportEdges;
    std::optional<StateMachineDefinition> m_definition;
    QSet<QString> m_pathEdges; // "from\x1fto"
    QSet<QString> m_pathNodes;
    QString m_currentState;
    EdgeLabel m_labelMode = Probability;

    // The graph's shape as last sent to Graphviz: names and edges, sorted.
    QStringList m_shapeNodes;
    QStringList m_shapeEdges;
    QStringList m_shapeClusters;
    quint64 m_generation = 0;
    bool m_layoutRunning = false;
    bool m_layoutQueued = false;
    DiagramLayout::Input m_queuedInput;
    QStringList m_runningNames;
    std::vector<DiagramLayout::Input::Cluster> m_runningClusters;
    QFutureWatcher<DiagramLayout> *m_watcher = nullptr;

    // The layout shown, what is drawn of it, and how.
    DiagramLayout m_layout;
    int m_layoutCount = 0;
    QStringList m_nodeNames;
    std::vector<DiagramLayout::Input::Cluster> m_clusters;
    QHash<QString, int> m_nodeIndex;
    QHash<quint64, int> m_edgeIndex; // from << 32 | to, layout node indices
    DiagramPainter m_painter;

    DiagramGeometry m_geometry;
    // How the view follows new layouts and sizes: the default view, the whole diagram (after
    // fitToView()), or where the user zoomed or panned to (kept).
    enum class ViewMode { Default, Fitted, User };
    ViewMode m_viewMode = ViewMode::Default;
    QTimer *m_settleTimer = nullptr; // ends the fast drawing of a zoom or pan
    QPoint m_pressPos;
    QPoint m_lastDragPos;
    bool m_dragging = false;
};

} // namespace StateScope
