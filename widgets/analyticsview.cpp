#include "analyticsview.h"

#include "alertsmodel.h"
#include "bottleneckchart.h"
#include "conformancemodel.h"
#include "predictionsmodel.h"
#include "statepalette.h"
#include "statestablemodel.h"
#include "variantsmodel.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <cmath>

namespace StateScope {

namespace {
// Every analytics model shares these roles (see VariantsModel); the Dwell table's model
// shares SortRole.
constexpr int kSortRole = VariantsModel::SortRole;
constexpr int kExecutionRole = VariantsModel::ExecutionIdRole;
constexpr int kKeyRole = VariantsModel::KeyRole;
static_assert(StatesTableModel::SortRole == kSortRole && AlertsModel::SortRole == kSortRole
              && PredictionsModel::SortRole == kSortRole && ConformanceModel::SortRole == kSortRole);
static_assert(AlertsModel::ExecutionIdRole == kExecutionRole && PredictionsModel::ExecutionIdRole == kExecutionRole
              && ConformanceModel::ExecutionIdRole == kExecutionRole);
static_assert(AlertsModel::KeyRole == kKeyRole && PredictionsModel::KeyRole == kKeyRole && ConformanceModel::KeyRole == kKeyRole);

QLabel *summaryLabel(const QString &name)
{
    auto *label = new QLabel;
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setContentsMargins(2, 2, 2, 4);
    return label;
}

QWidget *page(std::initializer_list<QWidget *> widgets, QWidget *stretch)
{
    auto *widget = new QWidget;
    auto *layout = new QVBoxLayout(widget);
    layout->setContentsMargins(6, 6, 6, 6);
    for (QWidget *w : widgets)
        layout->addWidget(w, w == stretch ? 1 : 0);
    return widget;
}

QString percentText(double fraction)
{
    return std::isnan(fraction) ? QStringLiteral("—") : QString(QString::number(fraction * 100.0, 'f', 1) + QLatin1Char('%'));
}
} // namespace

AnalyticsView::AnalyticsView(QWidget *parent)
    : QWidget(parent)
    , m_tabs(new QTabWidget(this))
    , m_states(new StatesTableModel(this))
    , m_chart(new BottleneckChart)
    , m_variants(new VariantsModel(this))
    , m_conformance(new ConformanceModel(this))
    , m_statePredictions(new PredictionsModel(PredictionsModel::Kind::States, this))
    , m_executionPredictions(new PredictionsModel(PredictionsModel::Kind::Executions, this))
    , m_alerts(new AlertsModel(this))
    , m_variantsSummary(summaryLabel(QStringLiteral("variantsSummary")))
    , m_conformanceSummary(summaryLabel(QStringLiteral("conformanceSummary")))
    , m_predictionsSummary(summaryLabel(QStringLiteral("predictionsSummary")))
    , m_executionsCaption(summaryLabel(QStringLiteral("executionsCaption")))
    , m_alertsSummary(summaryLabel(QStringLiteral("alertsSummary")))
{
    m_tabs->setObjectName(QStringLiteral("analyticsTabs"));
    m_tabs->setAccessibleName(tr("Analytics sections"));
    m_tabs->setDocumentMode(true);
    m_chart->setObjectName(QStringLiteral("bottleneckChart"));
    m_statePredictions->setStateColor(&StatePalette::color);
    m_executionPredictions->setStateColor(&StatePalette::color);

    QTableView *dwell = addTable(m_states, QStringLiteral("dwellTable"), kSortRole, StatesTableModel::State);
    QTableView *variants = addTable(m_variants, QStringLiteral("variantsTable"), kKeyRole, 0);
    variants->setTextElideMode(Qt::ElideMiddle); // a long path keeps its start and its outcome
    variants->sortByColumn(VariantsModel::Count, Qt::DescendingOrder);
    QTableView *conformance = addTable(m_conformance, QStringLiteral("conformanceTable"), kKeyRole, 0);
    m_statePredictionsView = addTable(m_statePredictions, QStringLiteral("statePredictionsTable"), kKeyRole, 0);
    // The outcome columns come and go with the report; the next-state list takes the room.
    m_statePredictionsView->horizontalHeader()->setStretchLastSection(false);
    m_statePredictionsView->horizontalHeader()->setSectionResizeMode(PredictionsModel::NextStates, QHeaderView::Stretch);
    m_executionPredictionsView = addTable(m_executionPredictions, QStringLiteral("executionPredictionsTable"), kKeyRole, 0);
    m_executionPredictionsView->sortByColumn(PredictionsModel::InState, Qt::DescendingOrder);
    QTableView *alerts = addTable(m_alerts, QStringLiteral("alertsTable"), kKeyRole, 0);
    alerts->sortByColumn(AlertsModel::Severity, Qt::DescendingOrder);

    auto *predictions = new QSplitter(Qt::Vertical);
    predictions->setObjectName(QStringLiteral("predictionsSplitter"));
    predictions->setChildrenCollapsible(false);
    predictions->addWidget(page({m_predictionsSummary, m_statePredictionsView}, m_statePredictionsView));
    predictions->addWidget(page({m_executionsCaption, m_executionPredictionsView}, m_executionPredictionsView));
    predictions->setStretchFactor(0, 1);
    predictions->setStretchFactor(1, 2);
    connect(m_statePredictionsView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &AnalyticsView::filterExecutionsByState);

    m_tabs->addTab(page({dwell}, dwell), tr("Dwell"));
    m_tabs->addTab(m_chart, tr("Bottlenecks"));
    m_tabs->addTab(page({m_variantsSummary, variants}, variants), tr("Variants"));
    m_tabs->addTab(page({m_conformanceSummary, conformance}, conformance), tr("Conformance"));
    m_tabs->addTab(predictions, tr("Predictions"));
    m_tabs->addTab(page({m_alertsSummary, alerts}, alerts), tr("Alerts"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);
    connect(m_tabs, &QTabWidget::currentChanged, this, &AnalyticsView::fitColumns);
    updateSummaries(AnalysisReport());
}

void AnalyticsView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    fitColumns();
}

// Columns fit the first rows a table shows, once: after that the widths are the user's. A
// hidden table (another tab) waits until it is shown, when its width and rows are known.
void AnalyticsView::fitColumns()
{
    for (Table &table : m_tables) {
        if (table.sized || !table.view->isVisible() || table.proxy->rowCount() == 0)
            continue;
        QTableView *view = table.view;
        QHeaderView *header = view->horizontalHeader();
        view->resizeColumnsToContents();
        // Long texts (paths, ids, descriptions) must not push the other columns out of sight.
        const int widest = std::max(180, view->viewport()->width() / 3);
        const int last = header->stretchLastSection() ? table.proxy->columnCount() - 1 : -1;
        for (int c = 0; c < table.proxy->columnCount(); ++c) {
            if (c != last && header->sectionResizeMode(c) != QHeaderView::Stretch)
                view->setColumnWidth(c, std::min(view->columnWidth(c) + 16, widest));
        }
        table.sized = true;
    }
}

QTableView *AnalyticsView::addTable(QAbstractItemModel *model, const QString &name, int keyRole, int keyColumn)
{
    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(model);
    proxy->setSortRole(kSortRole);
    proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    auto *view = new QTableView;
    view->setObjectName(name);
    view->setModel(proxy);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->setContextMenuPolicy(Qt::CustomContextMenu);
    view->verticalHeader()->hide();
    // Compact fixed rows: more of a 1,000-row list in sight, and no per-row height measuring.
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    QHeaderView *header = view->horizontalHeader();
    header->setStretchLastSection(true);
    header->setHighlightSections(false);
    header->setSortIndicatorClearable(true); // a third click returns to the report's order
    // The report's own order until the user picks a column.
    header->setSortIndicator(-1, Qt::AscendingOrder);
    view->setSortingEnabled(true);
    connect(view, &QAbstractItemView::activated, this, &AnalyticsView::activate);
    connect(view, &QWidget::customContextMenuRequested, this, [this, view](const QPoint &pos) { showContextMenu(view, pos); });
    m_tables.push_back({view, proxy, keyRole, keyColumn});
    return view;
}

void AnalyticsView::setCurrentTab(Tab tab)
{
    m_tabs->setCurrentIndex(int(tab));
}

void AnalyticsView::setReport(const AnalysisReport &report)
{
    std::vector<ViewState> states;
    states.reserve(m_tables.size());
    for (const Table &table : m_tables)
        states.push_back(saveState(table));
    m_states->setReport(report);
    m_variants->setReport(report);
    m_conformance->setReport(report);
    m_statePredictions->setReport(report);
    m_executionPredictions->setReport(report);
    m_alerts->setReport(report);
    m_chart->setReport(report);
    for (size_t i = 0; i < m_tables.size(); ++i)
        restoreState(m_tables[i], states[i]);
    filterExecutionsByState(); // the selected state may be gone
    updateSummaries(report);
    fitColumns();
}

AnalyticsView::ViewState AnalyticsView::saveState(const Table &table) const
{
    ViewState state;
    state.vertical = table.view->verticalScrollBar()->value();
    state.horizontal = table.view->horizontalScrollBar()->value();
    for (const QModelIndex &index : table.view->selectionModel()->selectedRows(table.keyColumn))
        state.selected.append(index.data(table.keyRole).toString());
    const QModelIndex current = table.view->selectionModel()->currentIndex();
    if (current.isValid())
        state.current = current.siblingAtColumn(table.keyColumn).data(table.keyRole).toString();
    return state;
}

void AnalyticsView::restoreState(Table &table, const ViewState &state)
{
    QTableView *view = table.view;
    const int rows = table.proxy->rowCount();
    QItemSelectionModel *selection = view->selectionModel();
    if (!state.selected.isEmpty() || !state.current.isEmpty()) {
        const QSet<QString> wanted(state.selected.cbegin(), state.selected.cend());
        QItemSelection restored;
        QModelIndex current;
        for (int row = 0; row < rows; ++row) {
            const QModelIndex key = table.proxy->index(row, table.keyColumn);
            const QString text = key.data(table.keyRole).toString();
            if (wanted.contains(text))
                restored.select(key, key);
            if (!state.current.isEmpty() && text == state.current)
                current = key;
        }
        if (current.isValid())
            selection->setCurrentIndex(current, QItemSelectionModel::NoUpdate);
        selection->select(restored, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    }
    // A reset leaves the scroll bars' ranges stale until the next layout: lay out now so the
    // old position is not clamped to the old range.
    view->doItemsLayout();
    view->verticalScrollBar()->setValue(state.vertical);
    view->horizontalScrollBar()->setValue(state.horizontal);
}

void AnalyticsView::activate(const QModelIndex &index)
{
    const QString execution = index.data(kExecutionRole).toString();
    if (!execution.isEmpty())
        Q_EMIT executionActivated(execution);
}

void AnalyticsView::showContextMenu(QTableView *view, const QPoint &pos)
{
    const QModelIndex index = view->indexAt(pos);
    if (!index.isValid())
        return;
    QMenu menu(this);
    QStringList executions = index.data(ConformanceModel::ExamplesRole).toStringList();
    if (executions.isEmpty() && !index.data(kExecutionRole).toString().isEmpty())
        executions.append(index.data(kExecutionRole).toString());
    for (const QString &execution : std::as_const(executions)) {
        menu.addAction(tr("Show execution %1").arg(execution), this,
                       [this, execution] { Q_EMIT executionActivated(execution); });
    }
    if (!executions.isEmpty())
        menu.addSeparator();
    const QString text = index.data().toString();
    menu.addAction(tr("Copy"), this, [text] { QGuiApplication::clipboard()->setText(text); });
    menu.exec(view->viewport()->mapToGlobal(pos));
}

void AnalyticsView::filterExecutionsByState()
{
    const QModelIndexList rows = m_statePredictionsView->selectionModel()->selectedRows(PredictionsModel::StateName);
    auto *proxy = static_cast<QSortFilterProxyModel *>(m_executionPredictionsView->model());
    QStringList states;
    for (const QModelIndex &row : rows)
        states.append(QRegularExpression::escape(row.data(kKeyRole).toString()));
    const QString pattern = states.isEmpty() ? QString() : QString(QStringLiteral("^(") + states.join(QLatin1Char('|')) + QStringLiteral(")$"));
    if (proxy->filterRegularExpression().pattern() != pattern) {
        proxy->setFilterKeyColumn(PredictionsModel::ExecutionState);
        proxy->setFilterRegularExpression(QRegularExpression(pattern));
    }
    const int listed = m_executionPredictions->listedExecutions();
    if (states.isEmpty()) {
        m_executionsCaption->setText(
            tr("Running executions, longest in their state first (%1 listed). Double-click one to show it.").arg(listed));
    } else {
        QStringList names;
        for (const QModelIndex &row : rows)
            names.append(row.data(kKeyRole).toString());
        m_executionsCaption->setText(tr("Running executions in %1 (%2 of %3 listed)")
                                         .arg(names.join(QStringLiteral(", ")))
                                         .arg(proxy->rowCount())
                                         .arg(listed));
    }
}

void AnalyticsView::updateSummaries(const AnalysisReport &report)
{
    const quint64 listedVariants = quint64(m_variants->rowCount());
    QString variants = tr("Distinct paths through the workflow: %1, among %2 finished executions.")
                           .arg(m_variants->variantCount())
                           .arg(m_variants->finishedExecutions());
    if (listedVariants < m_variants->variantCount())
        variants += QLatin1Char(' ') + tr("The %1 most frequent are listed.").arg(listedVariants);
    m_variantsSummary->setText(variants);
    m_tabs->setTabText(VariantsTab, tr("Variants (%1)").arg(m_variants->variantCount()));

    const int invalid = m_conformance->invalidTransitionCount();
    if (m_conformance->hasDefinition()) {
        const QString name = m_conformance->definitionName().isEmpty() ? tr("the definition") : m_conformance->definitionName();
        m_conformanceSummary->setText(tr("Conformance to %1: %2 of %3 executions made no invalid transition. "
                                         "Kinds of invalid transition seen: %4.")
                                          .arg(name, percentText(m_conformance->conformanceRate()))
                                          .arg(m_conformance->executions())
                                          .arg(invalid));
    } else {
        m_conformanceSummary->setText(tr("No state machine definition is known for this selection, so transitions are not "
                                         "checked; trapped states below come from the observed transitions."));
    }
    m_tabs->setTabText(ConformanceTab, invalid > 0 ? tr("Conformance (%1)").arg(invalid) : tr("Conformance"));

    m_predictionsSummary->setText(tr("Running executions: %1. By state: where they go next, how they end and how long "
                                     "that takes. Select states to list only their executions below.")
                                      .arg(report.runningExecutions));
    m_tabs->setTabText(PredictionsTab, tr("Predictions (%1)").arg(report.runningExecutions));

    const quint64 alerts = quint64(m_alerts->rowCount()) + m_alerts->alertsOmitted();
    QStringList counts;
    for (const QString &severity : {QStringLiteral("emergency"), QStringLiteral("critical"), QStringLiteral("warning"),
                                    QStringLiteral("info")}) {
        if (const int n = m_alerts->countOfSeverity(severity))
            counts.append(tr("%1: %2", "alert severity: how many").arg(AlertsModel::severityName(severity)).arg(n));
    }
    QString alertText = alerts == 0 ? tr("No alerts.") : tr("Alerts: %1 (%2).").arg(alerts).arg(counts.join(QStringLiteral(", ")));
    if (m_alerts->alertsOmitted() > 0)
        alertText += QLatin1Char(' ') + tr("%1 more are not listed.").arg(m_alerts->alertsOmitted());
    m_alertsSummary->setText(alertText);
    m_tabs->setTabText(AlertsTab, tr("Alerts (%1)").arg(alerts));
    const bool severe = m_alerts->countOfSeverity(QStringLiteral("critical")) + m_alerts->countOfSeverity(QStringLiteral("emergency")) > 0;
    m_tabs->tabBar()->setTabTextColor(AlertsTab, severe ? AlertsModel::severityColor(QStringLiteral("critical")) : QColor());
}

} // namespace StateScope
