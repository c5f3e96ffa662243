#include "recoverypane.h"

#include "checkpointsmodel.h"
#include "dashboardsession.h"
#include "eventstore.h"
#include "recoverydialog.h"
#include "recoveryhistorychart.h"
#include "sqlconnection.h"

#include <QCheckBox>
#include <QDateTime>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace StateScope {

RecoveryPane::RecoveryPane(DashboardSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new CheckpointsModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_title(new QLabel(this))
    , m_table(new QTableView(this))
    , m_historyBox(new QGroupBox(tr("Recovery history"), this))
    , m_history(new QLabel(this))
    , m_scopeHistory(new QLabel(this))
    , m_dataLoss(new QLabel(this))
    , m_chart(new RecoveryHistoryChart(this))
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
    m_scopeHistory->setAccessibleName(tr("Workflow recovery history"));
    m_scopeHistory->setWordWrap(true);
    m_dataLoss->setAccessibleName(tr("Data loss"));
    m_dataLoss->setWordWrap(true);
    m_dataLoss->setToolTip(tr("From the data_loss column of the recovery log, for the recoveries that succeeded: a "
                              "failed attempt changes nothing."));
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
    // Checkpoints and the recovery action above, the history below; the user moves the split.
    auto *checkpoints = new QWidget(this);
    auto *top = new QVBoxLayout(checkpoints);
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(m_title);
    top->addWidget(m_table, 1);
    top->addLayout(controls);
    top->addWidget(m_disabledReason);
    m_target = new QLabel(this);
    m_target->setAccessibleName(tr("Where recoveries go"));
    m_target->setWordWrap(true);
    m_target->setTextFormat(Qt::PlainText);
    top->addWidget(m_target);
    auto *history = new QVBoxLayout(m_historyBox);
    history->setContentsMargins(4, 4, 4, 4);
    history->addWidget(m_history);
    history->addWidget(m_scopeHistory);
    history->addWidget(m_dataLoss);
    history->addWidget(m_chart, 1);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(checkpoints);
    split->addWidget(m_historyBox);
    split->setChildrenCollapsible(false);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_banner);
    layout->addWidget(split, 1);

    m_liveRefresh->setSingleShot(true);
    m_liveRefresh->setInterval(1000);
    connect(m_liveRefresh, &QTimer::timeout, this, &RecoveryPane::refresh);
    connect(&m_checkWatcher, &QFutureWatcher<DatabaseChecks>::finished, this, &RecoveryPane::onChecksRead);
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

CheckpointStatus RecoveryPane::checkpointStatus(const QString &checkpointId) const
{
    const int row = m_model->rowOf(checkpointId);
    return row < 0 ? CheckpointStatus::Unverifiable : m_model->rows()[size_t(row)].status;
}

QString RecoveryPane::databaseSource() const
{
    for (const DashboardSession::Source &source : m_session.sources()) {
        if (source.live)
            continue;
        const SourceLocation location = locateSource(source.label);
        const bool database = location.kind == SourceLocation::Kind::SQLite
            || location.kind == SourceLocation::Kind::PostgreSQL;
        if (database)
            return source.label;
        break;
    }
    return m_previewDatabase;
}

void RecoveryPane::refresh()
{
    const QString selected = selectedCheckpoint();
    const EventStore &store = m_session.store();
    const ExecutionIndex execution = m_executionId.isEmpty() ? kNoIndex : store.findExecution(m_executionId.toUtf8());
    m_model->setExecution(store, execution);
    applyDatabaseChecks();
    if (m_executionId.isEmpty())
        m_title->setText(tr("Select an execution (timeline or Sources) to see its checkpoints."));
    else
        m_title->setText(tr("Execution %1 · checkpoints: %2").arg(m_executionId).arg(m_model->rowCount()));
    if (!selected.isEmpty())
        selectCheckpoint(selected);
    updateHistory();
    updateControls();
}

void RecoveryPane::updateControls()
{
    QString why;
    const QString checkpoint = selectedCheckpoint();
    if (!m_engineerMode)
        why = tr("Recovery is read-only: turn on engineer mode to recover.");
    else if (m_session.isLoading())
        why = tr("Recover… is disabled while the source loads.");
    else if (!m_session.offlineSource().isEmpty() && !m_session.offlineHealth().reachable)
        why = tr("Recover… is disabled: the database is not answering (reconnecting).");
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
    else if (!m_liveRefresh->isActive()) // the history follows live recoveries with or without a selection
        m_liveRefresh->start();
    confirmFromFeed();
}

// The engine answered; its feed reports the recovery too (recovery_completed), before or after
// the HTTP answer arrives.
void RecoveryPane::confirmFromFeed()
{
    if (!m_dialog || !m_dialog->awaitingFeedConfirmation())
        return;
    for (const RecoveryRecord &r : m_session.store().recoveries()) {
        if (r.id == m_dialog->engineReply().recoveryId)
            m_dialog->noteFeedRecovery(r);
    }
}

void RecoveryPane::applyDatabaseChecks()
{
    if (m_executionId.isEmpty())
        return;
    std::vector<CheckpointsModel::Row> rows = m_model->rows();
    bool unchecked = false;
    bool changed = false;
    for (CheckpointsModel::Row &row : rows) {
        if (row.status != CheckpointStatus::Unverifiable)
            continue;
        const auto checked = m_checks.executionId != m_executionId
            ? m_checks.checks.end()
            : std::find_if(m_checks.checks.begin(), m_checks.checks.end(),
                           [&](const RecoveryPlanner::CheckpointCheck &c) { return c.checkpointId == row.id; });
        if (checked == m_checks.checks.end()) {
            unchecked = true;
        } else {
            changed = changed || row.status != checked->status || row.recoverable != checked->recoverable;
            row.status = checked->status;
            row.recoverable = checked->recoverable;
        }
    }
    if (changed)
        m_model->setRows(std::move(rows));
    // A loaded database verified its checkpoints as it was read: only feed data needs this.
    const QString database = databaseSource();
    if (!unchecked || database.isEmpty() || database == m_session.offlineSource() || m_checkWatcher.isRunning())
        return;
    const QString executionId = m_executionId;
    m_checkWatcher.setFuture(QtConcurrent::run([database, executionId] {
        DatabaseChecks result;
        result.executionId = executionId;
        const auto connection = openSqlConnection(locateSource(database), true, &result.error);
        if (connection)
            RecoveryPlanner(*connection).verifyCheckpoints(executionId.toUtf8(), &result.checks, &result.error);
        return result;
    }));
}

void RecoveryPane::onChecksRead()
{
    DatabaseChecks result = m_checkWatcher.result();
    if (result.executionId != m_executionId)
        return applyDatabaseChecks(); // the selection moved on meanwhile
    m_checks = std::move(result);
    applyDatabaseChecks();
    updateControls();
}

void RecoveryPane::setPreviewDatabase(const QString &source)
{
    m_previewDatabase = source;
    m_checks = DatabaseChecks{};
    updateControls();
}

void RecoveryPane::setEngineApi(const EngineApiTarget &target)
{
    m_engineApi = target;
    m_target->setText(target.isSet() ? tr("Recoveries go to the engine at %1 (its REST API applies them).")
                                           .arg(target.baseUrl.toDisplayString())
                                     : QString());
    m_target->setVisible(target.isSet());
    m_banner->setText(target.isSet() ? tr("Engineer mode is on: Recover… asks the engine to change the execution.")
                                     : tr("Engineer mode is on: Recover… changes the database."));
    updateControls();
}

void RecoveryPane::openRecovery()
{
    if (!m_recover->isEnabled())
        return;
    const QString checkpoint = selectedCheckpoint();
    const CheckpointsModel::Row &row = m_model->rows()[size_t(m_model->rowOf(checkpoint))];
    const QString source = databaseSource();
    auto *dialog = new RecoveryDialog(source, m_executionId, checkpoint, m_engineerMode,
                                      RecoveryDialog::outcomePrediction(m_session.report(), row.state), m_engineApi,
                                      this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog = dialog;
    // The loaded database shows the recovery after a reload; a preview-only database (the demo)
    // is not the dashboard's data: the feed brings the change.
    connect(dialog, &RecoveryDialog::recoveryFinished, this, [this, source] {
        confirmFromFeed();
        if (source == m_session.offlineSource())
            m_session.openSource(source);
    });
    connect(dialog, &QObject::destroyed, this, &RecoveryPane::updateControls, Qt::QueuedConnection);
    dialog->open();
    updateControls();
}

} // namespace StateScope
