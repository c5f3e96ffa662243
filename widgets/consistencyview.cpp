#include "consistencyview.h"

#include "gaugewidget.h"
#include "replicanodesmodel.h"
#include "statepalette.h"
#include "timeutil.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPainter>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <cmath>
#include <limits>

namespace StateScope {

namespace {
using Zone = GaugeGeometry::Zone;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Tick labels must stay short: "500 ms", "1.5 s", "2 min".
QString compactDuration(double ms)
{
    if (ms == 0)
        return QStringLiteral("0");
    if (ms < 1000)
        return QString(QString::number(ms, 'g', 3) + QStringLiteral(" ms"));
    if (ms < 60'000)
        return QString(QString::number(ms / 1000, 'g', 3) + QStringLiteral(" s"));
    if (ms < 3'600'000)
        return QString(QString::number(ms / 60'000, 'g', 3) + QStringLiteral(" min"));
    return QString(QString::number(ms / 3'600'000, 'g', 3) + QStringLiteral(" h"));
}

// "950", "2.5k", "1M": tick labels of the auto-scaling count gauges.
QString compactCount(double n)
{
    if (std::abs(n) < 1000)
        return QString::number(n, 'g', 4);
    if (std::abs(n) < 1e6)
        return QString(QString::number(n / 1e3, 'g', 3) + QLatin1Char('k'));
    if (std::abs(n) < 1e9)
        return QString(QString::number(n / 1e6, 'g', 3) + QLatin1Char('M'));
    return QString(QString::number(n / 1e9, 'g', 3) + QLatin1Char('G'));
}

QIcon healthIcon(bool violates)
{
    QPixmap pm(12, 12);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(violates ? ReplicaNodesModel::criticalColor() : ReplicaNodesModel::goodColor());
    p.drawEllipse(QRectF(1, 1, 10, 10));
    return QIcon(pm);
}

QString displayName(const AnalysisReport::WorkflowConsistency &c)
{
    return c.workflowName.isEmpty() ? c.workflowId : c.workflowName;
}
} // namespace

ConsistencyView::ConsistencyView(QWidget *parent)
    : QWidget(parent)
    , m_stack(new QStackedWidget(this))
    , m_placeholder(new QLabel(tr("No consistency samples in this source.\nThe gauges fill in when a "
                                  "state_consistency table or a feed reports replica health."),
                               this))
    , m_selectorLabel(new QLabel(tr("Workflow:"), this))
    , m_selector(new QComboBox(this))
    , m_status(new QLabel(this))
    , m_health(new QLabel(this))
    , m_nodes(new ReplicaNodesModel(this))
    , m_sorted(new QSortFilterProxyModel(this))
    , m_table(new QTableView(this))
    , m_divergenceTitle(new QLabel(this))
    , m_divergenceList(new QListWidget(this))
{
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setEnabled(false); // greyed: it is a hint, not data

    m_selector->setAccessibleName(tr("Workflow"));
    m_selector->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_selectorLabel->setBuddy(m_selector);
    connect(m_selector, &QComboBox::activated, this, &ConsistencyView::onSelectorActivated);
    m_status->setAccessibleName(tr("Replica set"));
    m_status->setWordWrap(true); // a narrow pane wraps the line instead of growing wider
    m_health->setAccessibleName(tr("Latest sample health"));
    m_health->setAutoFillBackground(true);
    m_health->setMargin(4);
    QFont bold = m_health->font();
    bold.setBold(true);
    m_health->setFont(bold);

    auto *header = new QHBoxLayout;
    header->addWidget(m_selectorLabel);
    header->addWidget(m_selector);
    header->addWidget(m_status, 1);
    header->addWidget(m_health);

    buildGauges();
    auto *gauges = new QHBoxLayout;
    for (GaugeWidget *g : m_gauges)
        gauges->addWidget(g);

    m_sorted->setSourceModel(m_nodes);
    m_sorted->setSortRole(ReplicaNodesModel::SortRole);
    m_table->setModel(m_sorted);
    m_table->setAccessibleName(tr("Replica nodes"));
    m_table->setSortingEnabled(true);
    // The worst lag first: that is the node to look at.
    m_table->sortByColumn(ReplicaNodesModel::Lag, Qt::DescendingOrder);
    m_table->verticalHeader()->hide();
    m_table->setAlternatingRowColors(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(ReplicaNodesModel::Node, QHeaderView::Stretch);

    m_divergenceList->setAccessibleName(tr("Divergence"));
    m_divergenceList->setWordWrap(true);
    m_divergenceList->setAlternatingRowColors(true);

    auto *nodesPane = new QWidget(this);
    auto *nodesLayout = new QVBoxLayout(nodesPane);
    nodesLayout->setContentsMargins(0, 0, 0, 0);
    nodesLayout->addWidget(new QLabel(tr("Replica nodes (latest sample)"), nodesPane));
    nodesLayout->addWidget(m_table);
    auto *divergencePane = new QWidget(this);
    auto *divergenceLayout = new QVBoxLayout(divergencePane);
    divergenceLayout->setContentsMargins(0, 0, 0, 0);
    divergenceLayout->addWidget(m_divergenceTitle);
    divergenceLayout->addWidget(m_divergenceList);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(nodesPane);
    splitter->addWidget(divergencePane);
    splitter->setChildrenCollapsible(false);

    auto *content = new QWidget(this);
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addLayout(header);
    contentLayout->addLayout(gauges); // as tall as the gauges' width asks for, no more
    contentLayout->addWidget(splitter, 1);

    m_stack->addWidget(m_placeholder);
    m_stack->addWidget(content);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_stack);
    updateDivergence({});
}

void ConsistencyView::buildGauges()
{
    const auto make = [this](const QString &objectName) {
        auto *g = new GaugeWidget(this);
        g->setObjectName(objectName);
        m_gauges.push_back(g);
        return g;
    };
    // Score, in %: red under 90 (the replica set was unhealthy a tenth of the window or more),
    // amber from 90 to 99, green from 99. The scale is piecewise linear so that the part that
    // matters, 90..100, takes half of the arc instead of a tenth.
    GaugeWidget *score = make(QStringLiteral("scoreGauge"));
    GaugeGeometry scoreScale;
    scoreScale.setKnots({{0, 0}, {50, 0.2}, {90, 0.5}, {99, 0.85}, {100, 1}});
    scoreScale.setZones({{0, 90, Zone::Critical}, {90, 99, Zone::Warning}, {99, 100, Zone::Good}});
    score->setScale(scoreScale);
    score->setLabelFormatter([](double v) { return QString::number(v, 'g', 3); });
    score->setCaption(tr("Consistency score (%)"));

    make(QStringLiteral("inSyncGauge"))->setLabelFormatter([](double v) { return QString::number(v, 'f', 0); });
    GaugeWidget *lag = make(QStringLiteral("lagGauge"));
    lag->setLabelFormatter(compactDuration);
    lag->setMaxTicks(2); // 0, the threshold, twice the threshold: more labels crowd a small dial
    GaugeWidget *pending = make(QStringLiteral("pendingGauge"));
    pending->setLabelFormatter(compactCount);
    pending->setMaxTicks(4);
    pending->setCaption(tr("Pending changes"));
    GaugeWidget *conflicts = make(QStringLiteral("conflictsGauge"));
    conflicts->setLabelFormatter(compactCount);
    conflicts->setMaxTicks(4);
    conflicts->setCaption(tr("Conflicts (latest sample)"));
}

void ConsistencyView::setReport(const AnalysisReport &report)
{
    m_workflows = report.consistency;
    m_thresholdMs = report.lagThresholdMs > 0 ? report.lagThresholdMs : 1000;
    if (m_workflows.empty()) {
        m_stack->setCurrentWidget(m_placeholder);
        m_nodes->clear();
        return;
    }
    m_stack->setCurrentIndex(1);
    syncSelector();
    showCurrent();
}

void ConsistencyView::syncSelector()
{
    QStringList keys;
    for (const auto &c : m_workflows)
        keys << QString(c.workflowId + QLatin1Char('\n') + displayName(c) + (c.latestViolates ? u'!' : u' '));
    const bool several = m_workflows.size() > 1;
    m_selectorLabel->setVisible(several);
    m_selector->setVisible(several);
    if (keys != m_selectorKeys) {
        // Rebuilt only when the workflows or their health change, and silently: the current
        // choice is restored below, by id.
        const QSignalBlocker blocker(m_selector);
        m_selector->clear();
        for (const auto &c : m_workflows)
            m_selector->addItem(healthIcon(c.latestViolates), displayName(c), c.workflowId);
        m_selectorKeys = keys;
    }
    const int preferred = m_selector->findData(m_preferredId);
    const int index = preferred >= 0 ? preferred : 0;
    if (m_selector->currentIndex() != index) {
        const QSignalBlocker blocker(m_selector);
        m_selector->setCurrentIndex(index);
    }
    if (m_preferredId.isEmpty())
        m_preferredId = m_workflows.front().workflowId;
}

int ConsistencyView::currentIndex() const
{
    const int index = m_selector->currentIndex();
    return index >= 0 && index < int(m_workflows.size()) ? index : 0;
}

void ConsistencyView::onSelectorActivated(int index)
{
    if (index < 0 || index >= int(m_workflows.size()))
        return;
    m_preferredId = m_workflows[size_t(index)].workflowId;
    showCurrent();
    Q_EMIT workflowSelected(m_preferredId);
}

void ConsistencyView::selectWorkflow(const QString &workflowId)
{
    const int index = m_selector->findData(workflowId);
    if (index < 0)
        return;
    m_selector->setCurrentIndex(index);
    onSelectorActivated(index);
}

QString ConsistencyView::selectedWorkflowId() const
{
    return m_workflows.empty() ? QString() : m_workflows[size_t(currentIndex())].workflowId;
}

void ConsistencyView::showCurrent()
{
    if (m_workflows.empty())
        return;
    const AnalysisReport::WorkflowConsistency &c = m_workflows[size_t(currentIndex())];
    const ConsistencySample &s = c.latest;
    QString status = m_workflows.size() > 1 ? QString() : QString(displayName(c) + QStringLiteral(" · "));
    // Plural forms spelled out: "%n sample(s)" reads badly when no translation is loaded.
    const QString samples = c.samples == 1 ? tr("1 sample") : tr("%1 samples").arg(c.samples);
    status += tr("level %1 · replication factor %2 · quorum %3 · %4")
                  .arg(s.level.isEmpty() ? tr("unknown") : s.level)
                  .arg(s.replicationFactor)
                  .arg(s.quorumSize)
                  .arg(samples);
    if (s.time != kUnknownTime)
        status += tr(" · latest %1").arg(TimeUtil::formatUtcString(s.time));
    if (m_status->text() != status)
        m_status->setText(status);

    const QString health = c.latestViolates ? tr("Violating") : tr("Healthy");
    if (m_health->text() != health) {
        const QColor bg = c.latestViolates ? ReplicaNodesModel::criticalColor() : ReplicaNodesModel::goodColor();
        QPalette pal = m_health->palette();
        pal.setColor(QPalette::Window, bg);
        pal.setColor(QPalette::WindowText, StatePalette::textOn(bg));
        m_health->setPalette(pal);
        m_health->setText(health);
    }

    updateGauges(c);
    m_nodes->setSample(s, m_thresholdMs);
    updateDivergence(s.divergence);
}

void ConsistencyView::updateGauges(const AnalysisReport::WorkflowConsistency &c)
{
    const ConsistencySample &s = c.latest;
    // Score: truncated, not rounded, to one decimal so that 99.96 % does not read "100.0 %".
    GaugeWidget *score = m_gauges[size_t(Gauge::Score)];
    if (std::isnan(c.score))
        score->setValue(kNaN, QString());
    else
        score->setValue(c.score * 100, QString(QString::number(std::floor(c.score * 1000 + 1e-6) / 10, 'f', 1) + u'%'));

    // Nodes in sync out of the replication factor: red below the quorum, amber from the quorum
    // up, green when all are in sync. Zone edges sit half-way between the counts so each count
    // falls clearly inside one zone.
    const int factor = std::max({1, s.replicationFactor, int(s.nodes.size()), s.nodesInSync});
    const int quorum = s.quorumSize > 0 ? std::min(s.quorumSize, factor) : factor / 2 + 1;
    GaugeGeometry sync(0, factor);
    sync.setZones({{0, quorum - 0.5, Zone::Critical},
                   {quorum - 0.5, factor - 0.5, Zone::Warning},
                   {factor - 0.5, double(factor), Zone::Good}});
    GaugeWidget *inSync = m_gauges[size_t(Gauge::InSync)];
    inSync->setScale(sync);
    inSync->setMaxTicks(std::min(factor, 8));
    inSync->setCaption(tr("In sync (quorum %1)").arg(quorum));
    inSync->setValue(s.nodesInSync, tr("%1 / %2").arg(s.nodesInSync).arg(factor));

    // Max lag on 0..2 × threshold: green up to 75 % of the threshold, amber up to it (a lag
    // equal to the threshold is still healthy, SPEC 6), red beyond. The threshold tick is marked.
    const double t = m_thresholdMs;
    GaugeGeometry lagScale(0, 2 * t);
    const double overT = std::nextafter(t, std::numeric_limits<double>::infinity());
    lagScale.setZones({{0, 0.75 * t, Zone::Good}, {0.75 * t, overT, Zone::Warning}, {overT, 2 * t, Zone::Critical}});
    GaugeWidget *lag = m_gauges[size_t(Gauge::MaxLag)];
    lag->setScale(lagScale);
    lag->setMarkedValue(t);
    lag->setCaption(tr("Max lag (limit %1)").arg(compactDuration(t)));
    lag->setValue(s.maxLagMs, TimeUtil::formatDuration(s.maxLagMs));

    // Pending changes have no threshold in SPEC 6: a neutral gauge whose scale follows the value.
    m_pendingMax = GaugeGeometry::autoScaleMaximum(m_pendingMax, double(s.pendingChanges), 10);
    GaugeWidget *pending = m_gauges[size_t(Gauge::Pending)];
    pending->setScale(GaugeGeometry(0, m_pendingMax));
    pending->setValue(double(s.pendingChanges), QLocale().toString(s.pendingChanges));

    // Conflicts of the latest sample (the report keeps no per-sample history): none is green,
    // a few amber, five or more red.
    m_conflictsMax = GaugeGeometry::autoScaleMaximum(m_conflictsMax, double(s.conflicts), 10);
    GaugeGeometry conflictScale(0, m_conflictsMax);
    conflictScale.setZones({{0, 0.5, Zone::Good}, {0.5, 5, Zone::Warning}, {5, m_conflictsMax, Zone::Critical}});
    GaugeWidget *conflicts = m_gauges[size_t(Gauge::Conflicts)];
    conflicts->setScale(conflictScale);
    conflicts->setValue(double(s.conflicts), QLocale().toString(s.conflicts));
}

void ConsistencyView::updateDivergence(const QStringList &lines)
{
    const bool first = m_divergenceTitle->text().isEmpty();
    if (lines == m_divergence && !first)
        return; // keeps the list's scroll position and selection while nothing changes
    m_divergence = lines;
    m_divergenceTitle->setText(lines.isEmpty()         ? tr("Divergence")
                                   : lines.size() == 1 ? tr("Divergence (1 line)")
                                                       : tr("Divergence (%1 lines)").arg(lines.size()));
    m_divergenceList->clear();
    if (lines.isEmpty()) {
        auto *none = new QListWidgetItem(tr("No divergence in the latest sample."), m_divergenceList);
        none->setFlags(Qt::NoItemFlags);
        return;
    }
    m_divergenceList->addItems(lines);
}

const GaugeWidget *ConsistencyView::gauge(Gauge which) const
{
    return m_gauges[size_t(which)];
}

QAbstractItemModel *ConsistencyView::nodesModel() const
{
    return m_sorted;
}

bool ConsistencyView::showsPlaceholder() const
{
    return m_stack->currentWidget() == m_placeholder;
}

QString ConsistencyView::statusText() const
{
    return m_status->text();
}

} // namespace StateScope
