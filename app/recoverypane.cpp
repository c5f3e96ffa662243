#include "recoverypane.h"

#include "checkpointsmodel.h"
#include "dashboardsession.h"
#include "eventstore.h"
#include "recoverydialog.h"
#include "sqlconnection.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace StateScope {

RecoveryPane::RecoveryPane(DashboardSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new CheckpointsModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_title(new QLabel(this))
    , m_table(new QTableView(this))
    , m_history(new QLabel(this))
    , m_engineer(new QCheckBox(tr("&Engineer mode"), this))
    , m_banner(new QLabel(this))
    , m_recover(new QPushButton(tr("Recover…"), this))
    , m_disabledReason(new QLabel(this))
    , m_liveRefresh(new QTimer(this))
{
    m_title->setAccessibleName(tr("Selected execution"));
    m_title->setWordWrap(true);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(CheckpointsModel::SortRole);
    m_table->setObjectName(QStringLiteral("checkpointsTable"));
    m_table->setAccessibleName(tr("Checkpoints"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(CheckpointsModel::Time, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_history->setAccessibleName(tr("Recovery history"));
    m_history->setWordWrap(true);
    m_engineer->setAccessibleName(tr("Engineer mode"));
    m_engineer->setToolTip(tr("Allow recovering executions to a checkpoint. Off by default; remembered only until "
                              "this window closes."));
    m_banner->setAccessibleName(tr("Engineer mode banner"));
    m_banner->setText(tr("Engineer mode is on: Recover… changes the database."));
    m_banner->setStyleSheet(QStringLiteral("background: #d55e00; color: white; font-weight: bold; padding: 4px"));
    m_banner->setWordWrap(true);
    m_banner->hide();
    m_recover->setAccessibleName(tr("Recover…"));
    m_recover->setToolTip(tr("Preview, confirm and carry out a recovery of the execution to the selected checkpoint"));
    m_disabledReason->setAccessibleName(tr("Why recovery is unavailable"));
    m_disabledReason->setWordWrap(true);
    m_disabledReason->setStyleSheet(QStringLiteral("color: palette(mid)"));

    auto *controls = new QHBoxLayout;
    controls->addWidget(m_engineer);
    controls->addStretch(1);
    controls->addWidget(m_recover);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_banner);
    layout->addWidget(m_title);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_history);
    layout->addLayout(controls);
    layout->addWidget(m_disabledReason);

    m_liveRefresh->setSingleShot(true);
    m_liveRefresh->setInterval(1000);
    connect(m_liveRefresh, &QTimer::timeout, this, &RecoveryPane::refresh);
    connect(m_engineer, &QCheckBox::toggled, this, &RecoveryPane::setEngineerMode);
    connect(m_recover, &QPushButton::clicked, this, &RecoveryPane::openRecovery);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &RecoveryPane::updateControls);
    connect(&m_session, &DashboardSession::storeChanged, this, &RecoveryPane::onStoreChanged);
    connect(&m_session, &DashboardSession::sourcesChanged, this, &RecoveryPane::updateControls);
    connect(&m_session, &DashboardSession::loadFinished, this, &RecoveryPane::updateControls);
    refresh();
}

RecoveryPane::~RecoveryPane() = default;

void RecoveryPane::setExecution(ExecutionIndex execution)
{
    const EventStore &store = m_session.store();
    const QString id = execution < store.executionCount() ? store.executionId(execution) : QString();
    if (id != m_executionId)
        m_table->clearSelection();
    m_executionId = id;
    refresh();
}

void RecoveryPane::setEngineerMode(bool on)
{
    m_engineerMode = on;
    if (m_engineer->isChecked() != on)
        m_engineer->setChecked(on);
    m_banner->setVisible(on);
    updateControls();
}

bool RecoveryPane::selectCheckpoint(const QString &checkpointId)
{
    const int row = m_model->rowOf(checkpointId);
    if (row < 0)
        return false;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    m_table->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->setCurrentIndex(index);
    m_table->scrollTo(index);
    return true;
}

QString RecoveryPane::selectedCheckpoint() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.front().data(CheckpointsModel::CheckpointIdRole).toString();
}

QString RecoveryPane::databaseSource() const
{
    for (const DashboardSession::Source &source : m_session.sources()) {
        if (source.live)
            continue;
        const SourceLocation location = locateSource(source.label);
        const bool database = location.kind == SourceLocation::Kind::SQLite
            || location.kind == SourceLocation::Kind::PostgreSQL;
        return database ? source.label : QString();
    }
    return {};
}

void RecoveryPane::refresh()
{
    const QString selected = selectedCheckpoint();
    const EventStore &store = m_session.store();
    const ExecutionIndex execution = m_executionId.isEmpty() ? kNoIndex : store.findExecution(m_executionId.toUtf8());
    m_model->setExecution(store, execution);
    if (m_executionId.isEmpty())
        m_title->setText(tr("Select an execution (timeline or Sources) to see its checkpoints."));
    else
        m_title->setText(tr("Execution %1 · checkpoints: %2").arg(m_executionId).arg(m_model->rowCount()));
    if (!selected.isEmpty())
        selectCheckpoint(selected);
    updateHistory();
    updateControls();
}

void RecoveryPane::updateHistory()
{
    if (m_executionId.isEmpty()) {
        m_history->clear();
        return;
    }
    const EventStore &store = m_session.store();
    const ExecutionIndex execution = store.findExecution(m_executionId.toUtf8());
    int attempts = 0;
    int successes = 0;
    const RecoveryRecord *last = nullptr;
    for (const RecoveryRecord &r : store.recoveries()) {
        if (r.execution != execution || execution == kNoIndex)
            continue;
        ++attempts;
        successes += r.success == 1 ? 1 : 0;
        if (!last || r.time >= last->time)
            last = &r;
    }
    if (attempts == 0) {
        m_history->setText(tr("Recovery history: no recoveries of this execution."));
        return;
    }
    QString text = tr("Recovery history: %1 attempts, %2 succeeded (%3 %)")
                       .arg(attempts)
                       .arg(successes)
                       .arg(QLocale().toString(100.0 * successes / attempts, 'f', 0));
    const QString outcome = last->success == 1 ? tr("succeeded") : (last->success == 0 ? tr("failed") : tr("unknown"));
    text += QLatin1Char('\n')
        + tr("Last: %1, to %2, %3").arg(TimeUtil::formatUtcString(last->time), last->toState, outcome);
    m_history->setText(text);
}

void RecoveryPane::updateControls()
{
    QString why;
    const QString checkpoint = selectedCheckpoint();
    if (!m_engineerMode)
        why = tr("Recovery is read-only: turn on engineer mode to recover.");
    else if (m_session.isLoading())
        why = tr("Recover… is disabled while the source loads.");
    else if (databaseSource().isEmpty())
        why = tr("Recover… needs a state database source (an SQLite file or a PostgreSQL URL).");
    else if (m_executionId.isEmpty())
        why = tr("Recover… is disabled: select an execution.");
    else if (checkpoint.isEmpty())
        why = tr("Recover… is disabled: select a checkpoint.");
    else if (m_dialog)
        why = tr("A recovery dialog is open.");
    m_recover->setEnabled(why.isEmpty());
    if (why.isEmpty()) {
        const int row = m_model->rowOf(checkpoint);
        const CheckpointsModel::Row &r = m_model->rows()[size_t(row)];
        if (r.status != CheckpointStatus::Verified || !r.recoverable)
            why = tr("This checkpoint is %1%2: the preview will show why a recovery to it is refused.")
                      .arg(CheckpointsModel::statusText(r.status),
                           r.recoverable ? QString() : tr(" and not recoverable"));
    }
    m_disabledReason->setText(why);
    m_disabledReason->setVisible(!why.isEmpty());
}

void RecoveryPane::onStoreChanged(bool reset)
{
    if (reset)
        refresh();
    else if (!m_executionId.isEmpty() && !m_liveRefresh->isActive())
        m_liveRefresh->start();
}

void RecoveryPane::openRecovery()
{
    if (!m_recover->isEnabled())
        return;
    const QString checkpoint = selectedCheckpoint();
    const CheckpointsModel::Row &row = m_model->rows()[size_t(m_model->rowOf(checkpoint))];
    const QString source = databaseSource();
    auto *dialog = new RecoveryDialog(source, m_executionId, checkpoint, m_engineerMode,
                                      RecoveryDialog::outcomePrediction(m_session.report(), row.state), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog = dialog;
    connect(dialog, &RecoveryDialog::recoveryFinished, this, [this, source] { m_session.openSource(source); });
    connect(dialog, &QObject::destroyed, this, &RecoveryPane::updateControls, Qt::QueuedConnection);
    dialog->open();
    updateControls();
}

} // namespace StateScope
