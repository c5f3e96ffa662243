#include "statediagramview.h"

#include "definitionclusters.h"

#include <QFutureWatcher>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QTimer>
#include <QToolTip>
#include <QWheelEvent>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>

namespace StateScope {

namespace {

quint64 edgeKey(int from, int to)
{
    return quint64(quint32(from)) << 32 | quint32(to);
}

// Below this fitted scale state names are too small to read (12 px names at under 5.5 px).
constexpr double kLegibleScale = 0.46;
constexpr double kReadableScale = 0.8;

QString pairKey(const QString &from, const QString &to)
{
    return from + QChar(0x1f) + to;
}

} // namespace

StateDiagramView::StateDiagramView(QWidget *parent)
    : QWidget(parent)
    , m_watcher(new QFutureWatcher<DiagramLayout>(this))
    , m_painter(font())
{
    setAccessibleName(tr("State diagram"));
    setFocusPolicy(Qt::StrongFocus);
    setMinimumSize(160, 120);
    connect(m_watcher, &QFutureWatcher<DiagramLayout>::finished, this, &StateDiagramView::layoutFinished);
    m_settleTimer = new QTimer(this);
    m_settleTimer->setSingleShot(true);
    m_settleTimer->setInterval(150);
    connect(m_settleTimer, &QTimer::timeout, this, [this] {
        m_painter.setInteractive(false);
        update();
    });
}

StateDiagramView::~StateDiagramView()
{
    // A running layout finishes on the pool and its result is dropped with the watcher.
    m_watcher->disconnect(this);
}

void StateDiagramView::setReport(const AnalysisReport &report)
{
    // A live feed sends the same states and edges with new counts many times a second: when
    // names and edge pairs are unchanged the shape is too, and only the values are refreshed.
    bool sameShape = m_states.size() == report.states.size() && m_reportEdges.size() == report.edges.size();
    m_states.resize(report.states.size());
    for (size_t i = 0; i < report.states.size(); ++i) {
        const AnalysisReport::StateRow &row = report.states[i];
        sameShape = sameShape && m_states[i].name == row.name;
        m_states[i] = {row.name, row.terminal, row.executionsInState};
    }
    m_reportEdges.resize(report.edges.size());
    for (size_t i = 0; i < report.edges.size(); ++i) {
        const AnalysisReport::Edge &e = report.edges[i];
        sameShape = sameShape && m_reportEdges[i].from == e.from && m_reportEdges[i].to == e.to;
        m_reportEdges[i] = {e.from, e.to, e.count, e.probability};
    }
    if (!sameShape)
        updateShape();
    refreshData();
}

void StateDiagramView::setDefinition(const std::optional<StateMachineDefinition> &definition)
{
    m_definition = definition;
    updateShape();
    refreshData();
}

void StateDiagramView::setSelectedPath(const QStringList &statesInOrder, const QString &currentState)
{
    m_pathNodes = QSet<QString>(statesInOrder.cbegin(), statesInOrder.cend());
    m_pathEdges.clear();
    for (qsizetype i = 0; i + 1 < statesInOrder.size(); ++i)
        m_pathEdges.insert(pairKey(statesInOrder[i], statesInOrder[i + 1]));
    m_currentState = currentState;
    refreshData();
}

void StateDiagramView::setEdgeLabelMode(EdgeLabel mode)
{
    m_labelMode = mode;
    m_painter.setCountLabels(mode == Count);
    refreshData(); // widths and label order follow the mode too
}

// The graph to draw is the report's states and edges plus, with a definition, its states and
// transitions, its nested machines as clusters. When that set differs from the one last laid
// out, a new layout is started.
void StateDiagramView::updateShape()
{
    QStringList names;
    QHash<QString, int> index;
    const auto addNode = [&](const QString &name) {
        if (!name.isEmpty() && !index.contains(name)) {
            index.insert(name, int(names.size()));
            names.append(name);
        }
    };
    for (const ReportState &s : m_states)
        addNode(s.name);
    std::vector<DiagramLayout::Input::Edge> edges;
    QSet<quint64> seen;
    const auto addEdge = [&](int from, int to) {
        if (from >= 0 && to >= 0 && !seen.contains(edgeKey(from, to))) {
            seen.insert(edgeKey(from, to));
            edges.push_back({from, to});
        }
    };
    const auto reportNode = [&](int state) {
        return state >= 0 && size_t(state) < m_states.size() ? index.value(m_states[size_t(state)].name, -1) : -1;
    };
    for (const ReportEdge &e : m_reportEdges)
        addEdge(reportNode(e.from), reportNode(e.to));
    if (m_definition) {
        for (const DefinitionState &s : m_definition->states)
            addNode(s.name);
        for (const DefinitionTransition &t : m_definition->transitions) {
            addNode(t.source);
            addNode(t.target);
            addEdge(index.value(t.source, -1), index.value(t.target, -1));
        }
    }

    std::vector<DiagramLayout::Input::Cluster> clusters;
    if (m_definition)
        clusters = DefinitionClusters::build(*m_definition, index);
    for (DiagramLayout::Input::Cluster &c : clusters)
        c.labelWidth = m_painter.clusterLabelWidth(c.label);
    QStringList shapeClusters; // in creation order, which follows the definition
    for (const DiagramLayout::Input::Cluster &c : clusters) {
        QStringList members;
        for (const int n : c.nodes)
            members.append(names[n]);
        shapeClusters.append(c.label + QChar(0x1f) + QString::number(c.parent) + QChar(0x1f)
                             + members.join(QChar(0x1f)));
    }

    QStringList shapeNodes = names;
    shapeNodes.sort();
    QStringList shapeEdges;
    shapeEdges.reserve(qsizetype(edges.size()));
    for (const DiagramLayout::Input::Edge &e : edges)
        shapeEdges.append(pairKey(names[e.from], names[e.to]));
    shapeEdges.sort();
    if (shapeNodes == m_shapeNodes && shapeEdges == m_shapeEdges && shapeClusters == m_shapeClusters)
        return;
    m_shapeNodes = std::move(shapeNodes);
    m_shapeEdges = std::move(shapeEdges);
    m_shapeClusters = std::move(shapeClusters);

    DiagramLayout::Input input;
    input.generation = ++m_generation;
    input.nodes.reserve(size_t(names.size()));
    for (const QString &name : std::as_const(names))
        input.nodes.push_back({name, m_painter.nodeSize(name)});
    input.edges = std::move(edges);
    input.clusters = std::move(clusters);
    m_queuedInput = std::move(input);
    m_layoutQueued = true;
    if (!m_layoutRunning)
        startLayout();
}

void StateDiagramView::startLayout()
{
    m_layoutQueued = false;
    m_layoutRunning = true;
    DiagramLayout::Input input = std::move(m_queuedInput);
    m_queuedInput = {};
    m_runningNames.clear();
    for (const DiagramLayout::Input::Node &n : input.nodes)
        m_runningNames.append(n.name);
    m_runningClusters = input.clusters;
    m_watcher->setFuture(QtConcurrent::run([input = std::move(input)] { return DiagramLayout::compute(input); }));
    update(); // the placeholder says a layout is on its way
}

void StateDiagramView::layoutFinished()
{
    DiagramLayout result = m_watcher->result();
    const QStringList names = m_runningNames;
    std::vector<DiagramLayout::Input::Cluster> clusters = m_runningClusters;
    m_layoutRunning = false;
    if (m_layoutQueued)
        startLayout(); // one at a time: the newest queued shape goes next
    // A result superseded by a queued shape is still shown until that one is ready: under a
    // feed whose shape keeps changing, dropping every superseded result would show nothing.
    const bool keepShown = !result.error.isEmpty() && !m_painter.nodes().empty(); // a failure keeps the last good one
    if (result.generation > m_layout.generation && !keepShown)
        applyLayout(std::move(result), names, std::move(clusters));
}

void StateDiagramView::applyLayout(DiagramLayout layout, const QStringList &names,
                                   std::vector<DiagramLayout::Input::Cluster> clusters)
{
    m_layout = std::move(layout);
    m_nodeNames = names;
    m_clusters = std::move(clusters);
    m_nodeIndex.clear();
    for (int i = 0; i < int(names.size()); ++i)
        m_nodeIndex.insert(names[i], i);
    m_edgeIndex.clear();
    for (int i = 0; i < int(m_layout.edges.size()); ++i)
        m_edgeIndex.insert(edgeKey(m_layout.edges[size_t(i)].from, m_layout.edges[size_t(i)].to), i);
    m_painter.setLayout(m_layout, names, m_clusters);
    m_geometry.setSceneRect(m_layout.bounds);
    m_geometry.setNodes(m_layout.nodes);
    m_geometry.setEdges(m_painter.edgePolylines());
    m_geometry.setViewportSize(size());
    followViewMode();
    ++m_layoutCount;
    refreshData();
    Q_EMIT layoutChanged();
}

// Maps the latest report, definition and selection onto the nodes and edges of the layout
// shown (by name: the layout may be older than the report).
void StateDiagramView::refreshData()
{
    m_painter.resetValues();
    std::vector<DiagramPainter::Node> &nodes = m_painter.nodes();
    std::vector<DiagramPainter::Edge> &edges = m_painter.edges();
    std::vector<int> toNode(m_states.size(), -1);
    for (size_t i = 0; i < m_states.size(); ++i) {
        const int n = nodeIndex(m_states[i].name);
        toNode[i] = n;
        if (n < 0)
            continue;
        DiagramPainter::Node &node = nodes[size_t(n)];
        node.seen = true;
        node.terminal = m_states[i].terminal;
        node.executions = m_states[i].executions;
    }
    QSet<quint64> allowed;
    if (m_definition) {
        for (const QString &name : m_definition->finalStates) {
            if (const int n = nodeIndex(name); n >= 0)
                nodes[size_t(n)].terminal = true;
        }
        for (const DefinitionState &state : m_definition->states) {
            if (state.type == QLatin1String("Fail"))
                if (const int n = nodeIndex(state.name); n >= 0)
                    nodes[size_t(n)].failure = nodes[size_t(n)].terminal = true;
        }
        for (const DefinitionTransition &t : m_definition->transitions) {
            const int from = nodeIndex(t.source);
            const int to = nodeIndex(t.target);
            if (const int e = edgeIndex(from, to); e >= 0) {
                allowed.insert(edgeKey(from, to));
                edges[size_t(e)].kind = EdgeKind::Untaken; // until the report shows it taken
            }
        }
    }
    for (const ReportEdge &r : m_reportEdges) {
        if (r.from < 0 || r.to < 0 || size_t(r.from) >= toNode.size() || size_t(r.to) >= toNode.size())
            continue;
        const int from = toNode[size_t(r.from)];
        const int to = toNode[size_t(r.to)];
        const int e = edgeIndex(from, to);
        if (e < 0)
            continue;
        DiagramPainter::Edge &edge = edges[size_t(e)];
        edge.count = r.count;
        edge.probability = r.probability;
        edge.kind = (m_definition && !allowed.contains(edgeKey(from, to))) ? EdgeKind::Invalid : EdgeKind::Normal;
    }
    for (size_t i = 0; i < nodes.size(); ++i) {
        const QString &name = m_nodeNames[qsizetype(i)];
        nodes[i].onPath = m_pathNodes.contains(name);
        nodes[i].current = !m_currentState.isEmpty() && name == m_currentState;
    }
    if (!m_pathEdges.isEmpty()) {
        for (DiagramPainter::Edge &e : edges)
            e.onPath = m_pathEdges.contains(pairKey(m_nodeNames[e.from], m_nodeNames[e.to]));
    }
    m_painter.valuesChanged();
    update();
}

int StateDiagramView::edgeIndex(int from, int to) const
{
    return from < 0 || to < 0 ? -1 : m_edgeIndex.value(edgeKey(from, to), -1);
}

quint64 StateDiagramView::executionsIn(const QString &state) const
{
    const int n = nodeIndex(state);
    return n < 0 ? 0 : m_painter.nodes()[size_t(n)].executions;
}

StateDiagramView::EdgeKind StateDiagramView::edgeKind(const QString &from, const QString &to) const
{
    const int e = edgeIndex(nodeIndex(from), nodeIndex(to));
    return e < 0 ? EdgeKind::None : m_painter.edges()[size_t(e)].kind;
}

QPainterPath StateDiagramView::edgePath(const QString &from, const QString &to) const
{
    const int e = edgeIndex(nodeIndex(from), nodeIndex(to));
    return e < 0 ? QPainterPath() : m_painter.edges()[size_t(e)].path;
}

bool StateDiagramView::isOnSelectedPath(const QString &from, const QString &to) const
{
    const int e = edgeIndex(nodeIndex(from), nodeIndex(to));
    return e >= 0 && m_painter.edges()[size_t(e)].onPath;
}

QString StateDiagramView::toolTipAt(const QPointF &widgetPoint) const
{
    const QLocale locale;
    if (const int n = m_geometry.nodeAt(widgetPoint); n >= 0) {
        const DiagramPainter::Node &d = m_painter.nodes()[size_t(n)];
        QString text = QStringLiteral("<b>%1</b>").arg(m_nodeNames[n].toHtmlEscaped());
        if (!d.seen)
            return text + QStringLiteral("<br>") + tr("In the definition, not seen in the data");
        text += QStringLiteral("<br>") + tr("Executions in this state now: %1").arg(locale.toString(d.executions));
        if (d.terminal)
            text += QStringLiteral("<br>") + tr("Terminal state");
        if (d.failure)
            text += QStringLiteral("<br>") + tr("Failure state (marked ✕)");
        return text;
    }
    if (const int e = m_geometry.edgeAt(widgetPoint); e >= 0) {
        const DiagramPainter::Edge &d = m_painter.edges()[size_t(e)];
        QString text = QStringLiteral("<b>%1 → %2</b>")
                           .arg(m_nodeNames[d.from].toHtmlEscaped(), m_nodeNames[d.to].toHtmlEscaped());
        if (d.kind == EdgeKind::Untaken)
            return text + QStringLiteral("<br>") + tr("Allowed by the definition, never taken");
        text += QStringLiteral("<br>")
            + tr("%Ln transitions, probability %1", nullptr, int(d.count)).arg(locale.toString(d.probability, 'f', 3));
        if (d.kind == EdgeKind::Invalid)
            text += QStringLiteral("<br>") + tr("Not allowed by the definition");
        return text;
    }
    return QString();
}

// --- painting ---

void StateDiagramView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().base());
    if (!m_painter.nodes().empty())
        m_painter.paint(painter, m_geometry, palette());
    else if (m_layoutRunning)
        paintPlaceholder(painter, tr("Laying out the diagram…"));
    else if (!m_layout.error.isEmpty())
        paintPlaceholder(painter, tr("The diagram could not be laid out: %1").arg(m_layout.error));
    else
        paintPlaceholder(painter, tr("No states to show yet"));
}

void StateDiagramView::paintPlaceholder(QPainter &painter, const QString &text) const
{
    painter.setPen(palette().color(QPalette::PlaceholderText));
    painter.drawText(rect().adjusted(12, 12, -12, -12), Qt::AlignCenter | Qt::TextWordWrap, text);
}

// --- interaction ---

void StateDiagramView::zoomBy(const QPointF &widgetPoint, double factor)
{
    if (m_painter.nodes().empty())
        return;
    m_geometry.zoomAt(widgetPoint, factor);
    interacted();
}

void StateDiagramView::interacted()
{
    m_viewMode = ViewMode::User;
    m_painter.setInteractive(true);
    m_settleTimer->start();
    update();
}

void StateDiagramView::zoomIn()
{
    zoomBy(QPointF(width() / 2.0, height() / 2.0), 1.25);
}

void StateDiagramView::zoomOut()
{
    zoomBy(QPointF(width() / 2.0, height() / 2.0), 0.8);
}

void StateDiagramView::fitToView()
{
    m_geometry.setViewportSize(size());
    m_geometry.fit();
    m_viewMode = ViewMode::Fitted;
    update();
}

bool StateDiagramView::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const QString text = toolTipAt(help->pos());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(event);
}

void StateDiagramView::resizeEvent(QResizeEvent *)
{
    m_geometry.setViewportSize(size());
    followViewMode();
}

// The default view is the whole diagram; but a long left-to-right machine whose names would be
// specks when fitted opens on its first states at a readable size (fitToView() shows it all).
void StateDiagramView::followViewMode()
{
    if (m_viewMode == ViewMode::User)
        return;
    m_geometry.fit();
    if (m_viewMode == ViewMode::Fitted || m_layout.engine != DiagramLayout::Engine::Dot
        || m_geometry.fitScale() >= kLegibleScale)
        return;
    const auto leftmost = std::min_element(m_layout.nodes.begin(), m_layout.nodes.end(),
                                           [](const QRectF &a, const QRectF &b) { return a.left() < b.left(); });
    m_geometry.showStart(kReadableScale, leftmost->center().y());
}

void StateDiagramView::wheelEvent(QWheelEvent *event)
{
    // 120 units (one notch) zoom by about 20 %; touchpads send smaller steps.
    zoomBy(event->position(), std::pow(1.2, event->angleDelta().y() / 120.0));
    event->accept();
}

void StateDiagramView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return QWidget::mousePressEvent(event);
    m_pressPos = event->position().toPoint();
    m_lastDragPos = m_pressPos;
    m_dragging = false;
}

void StateDiagramView::mouseMoveEvent(QMouseEvent *event)
{
    if (!(event->buttons() & Qt::LeftButton))
        return QWidget::mouseMoveEvent(event);
    const QPoint pos = event->position().toPoint();
    if (!m_dragging && (pos - m_pressPos).manhattanLength() < 4)
        return;
    if (!m_dragging)
        setCursor(Qt::ClosedHandCursor);
    m_dragging = true;
    m_geometry.panBy(pos - m_lastDragPos);
    m_lastDragPos = pos;
    interacted();
}

void StateDiagramView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return QWidget::mouseReleaseEvent(event);
    if (m_dragging) {
        unsetCursor();
        m_dragging = false;
        return;
    }
    if (const int n = m_geometry.nodeAt(event->position()); n >= 0)
        Q_EMIT stateActivated(m_nodeNames[n]);
}

void StateDiagramView::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton)
        fitToView();
}

void StateDiagramView::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        break;
    case Qt::Key_Minus:
        zoomOut();
        break;
    case Qt::Key_0:
        fitToView();
        break;
    default:
        QWidget::keyPressEvent(event);
    }
}

} // namespace StateScope
