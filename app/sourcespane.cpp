#include "sourcespane.h"

#include "eventstore.h"
#include "executionsmodel.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace StateScope {

SourcesPane::SourcesPane(DashboardSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_list(new QListWidget(this))
    , m_open(new QPushButton(this))
    , m_connect(new QPushButton(this))
    , m_disconnect(new QPushButton(this))
    , m_search(new QLineEdit(this))
    , m_state(new QComboBox(this))
    , m_status(new QComboBox(this))
    , m_time(new QComboBox(this))
    , m_matches(new QLabel(this))
    , m_table(new QTableView(this))
    , m_executions(new ExecutionsModel(this))
    , m_refreshTimer(new QTimer(this))
{
    m_list->setAccessibleName(tr("Sources"));
    m_list->setWordWrap(true);
    m_list->setMaximumHeight(140);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_open);
    buttons->addWidget(m_connect);
    buttons->addWidget(m_disconnect);

    m_search->setPlaceholderText(tr("Search execution id…"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search executions by id"));
    m_state->setAccessibleName(tr("Filter by current state"));
    m_state->setToolTip(tr("Only executions now in this state"));
    m_status->setAccessibleName(tr("Filter by status"));
    m_status->addItem(tr("Any status"), int(ExecutionStatus::Unknown));
    for (ExecutionStatus s : {ExecutionStatus::Running, ExecutionStatus::Completed, ExecutionStatus::Failed, ExecutionStatus::Cancelled})
        m_status->addItem(ExecutionsModel::statusText(s), int(s));
    m_time->setAccessibleName(tr("Filter by time"));
    m_time->setToolTip(tr("Only executions active in this last stretch of the data"));
    m_time->addItem(tr("Any time"), qint64(0));
    m_time->addItem(tr("Last minute"), qint64(60000));
    m_time->addItem(tr("Last 10 minutes"), qint64(600000));
    m_time->addItem(tr("Last hour"), qint64(3600000));
    m_time->addItem(tr("Last 24 hours"), qint64(86400000));
    auto *filters = new QHBoxLayout;
    filters->addWidget(m_state, 1);
    filters->addWidget(m_status, 1);
    filters->addWidget(m_time, 1);
    m_table->setModel(m_executions);
    m_table->setAccessibleName(tr("Executions"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_list);
    layout->addLayout(buttons);
    layout->addSpacing(6);
    layout->addWidget(m_search);
    layout->addLayout(filters);
    layout->addWidget(m_matches);
    layout->addWidget(m_table, 1);

    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(1000);
    connect(m_refreshTimer, &QTimer::timeout, this, &SourcesPane::refreshExecutions);
    connect(&m_session, &DashboardSession::sourcesChanged, this, &SourcesPane::refreshSources);
    connect(&m_session, &DashboardSession::storeChanged, this, [this](bool reset) {
        if (reset) {
            m_executions->setStore(m_session.storePointer());
            refreshExecutions();
        } else if (!m_refreshTimer->isActive()) {
            m_refreshTimer->start();
        }
    });
    connect(m_search, &QLineEdit::textChanged, this, &SourcesPane::applyFilter);
    connect(m_state, &QComboBox::currentIndexChanged, this, &SourcesPane::applyFilter);
    connect(m_status, &QComboBox::currentIndexChanged, this, &SourcesPane::applyFilter);
    connect(m_time, &QComboBox::currentIndexChanged, this, &SourcesPane::applyFilter);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        if (current.isValid())
            emit executionSelected(current.data(ExecutionsModel::ExecutionRole).value<ExecutionIndex>());
    });
    m_executions->setStore(m_session.storePointer());
    refreshSources();
    refreshExecutions();
}

void SourcesPane::setActions(QAction *openSource, QAction *connectFeed, QAction *closeSources)
{
    const std::pair<QPushButton *, QAction *> pairs[] = {{m_open, openSource}, {m_connect, connectFeed}, {m_disconnect, closeSources}};
    for (const auto &[button, action] : pairs) {
        button->setText(action->iconText());
        button->setToolTip(action->toolTip());
        button->setAccessibleName(action->iconText());
        connect(button, &QPushButton::clicked, action, &QAction::trigger);
    }
}

void SourcesPane::refreshSources()
{
    m_list->clear();
    for (const DashboardSession::Source &s : m_session.sources()) {
        auto *item = new QListWidgetItem(QStringLiteral("%1\n%2").arg(s.label, s.status), m_list);
        const QStyle::StandardPixmap icon = s.problem ? QStyle::SP_MessageBoxWarning
                                                      : (s.live ? QStyle::SP_DriveNetIcon : QStyle::SP_DriveHDIcon);
        item->setIcon(style()->standardIcon(icon));
        item->setToolTip(s.live ? tr("Live feed: %1").arg(s.status) : tr("Database or file: %1").arg(s.status));
    }
    if (m_session.sources().empty())
        new QListWidgetItem(tr("No source yet: open a database or file, connect a feed, or start with --demo."), m_list);
    m_disconnect->setEnabled(!m_session.sources().empty());
}

void SourcesPane::refreshExecutions()
{
    // The state list follows the data; the choice survives a refresh.
    const QString chosen = m_state->currentData().toString();
    const EventStore &store = m_session.store();
    if (m_state->count() != int(store.stateCount()) + 1) {
        const QSignalBlocker blocker(m_state);
        m_state->clear();
        m_state->addItem(tr("Any state"), QString());
        QStringList names;
        for (StateId s = 0; s < store.stateCount(); ++s)
            names.append(store.stateName(s));
        names.sort(Qt::CaseInsensitive);
        for (const QString &name : std::as_const(names))
            m_state->addItem(name, name);
        m_state->setCurrentIndex(std::max(0, m_state->findData(chosen)));
    }
    const ExecutionIndex selected = m_table->currentIndex().isValid()
        ? m_table->currentIndex().data(ExecutionsModel::ExecutionRole).value<ExecutionIndex>() : kNoIndex;
    m_executions->refresh();
    m_matches->setText(m_executions->matchCount() > quint64(m_executions->rowCount())
                           ? tr("%1 executions match; the newest %2 are listed").arg(m_executions->matchCount()).arg(m_executions->rowCount())
                           : tr("%Ln executions", nullptr, int(m_executions->matchCount())));
    if (selected != kNoIndex && !m_session.isLive()) {
        const int row = m_executions->rowOf(selected);
        if (row >= 0) {
            const QSignalBlocker blocker(m_table->selectionModel());
            m_table->selectRow(row);
        }
    }
}

void SourcesPane::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void SourcesPane::applyFilter()
{
    ExecutionFilter filter;
    filter.idContains = m_search->text().trimmed();
    filter.state = m_state->currentData().toString();
    filter.status = ExecutionStatus(m_status->currentData().toInt());
    const qint64 span = m_time->currentData().toLongLong();
    const TimeMs latest = m_session.latestEventTime();
    if (span > 0 && latest != kUnknownTime) {
        filter.activeFrom = latest - span;
        filter.activeTo = latest;
    }
    m_executions->setFilter(filter);
    m_matches->setText(tr("%Ln executions", nullptr, int(m_executions->matchCount())));
}

} // namespace StateScope
