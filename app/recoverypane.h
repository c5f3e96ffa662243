#pragma once

#include "domaintypes.h"
#include "recoverydialog.h"
#include "recoveryplanner.h"

#include <QFutureWatcher>

#include <QPointer>
#include <QWidget>

class QCheckBox;
class QGroupBox;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QTimer;

namespace StateScope {

class CheckpointsModel;
class DashboardSession;
class RecoveryHistoryChart;
struct RecoveryHistory;

// The Recovery pane (SPEC 7): the selected execution's checkpoints (time, state, type, size,
// checksum status), its recovery history and success rate, and the way to the recovery of
// SPEC 5. The history covers the selected execution and, with a chart and the data lost
// according to the recovery log, its workflow (every recovery when none is selected).
// Read-only unless engineer mode is on: a toggle in the pane, off by default and
// remembered for this window only (never in QSettings); when on, a banner says so. Without it,
// or without a database source or a selected checkpoint, "Recover…" is disabled and a label
// says why. The recovery itself happens in a RecoveryDialog; afterwards the source is reloaded.
class RecoveryPane final : public QWidget
{
    Q_OBJECT
public:
    explicit RecoveryPane(DashboardSession &session, QWidget *parent = nullptr);
    ~RecoveryPane() override;

    // Shows the checkpoints of this execution of the session's store (kNoIndex: none).
    void setExecution(ExecutionIndex execution);
    QString executionId() const { return m_executionId; }
    bool engineerMode() const { return m_engineerMode; }
    void setEngineerMode(bool on);
    // Selects a checkpoint row by id; false when the execution has no such checkpoint.
    bool selectCheckpoint(const QString &checkpointId);
    QString selectedCheckpoint() const;
    // The status the table shows for a checkpoint of the selected execution (Unverifiable when absent).
    CheckpointStatus checkpointStatus(const QString &checkpointId) const;
    // The database recovery writes to: the first offline source, when it is a state database.
    QString databaseSource() const;
    // The database to preview from when no offline source is open (the demo: the engine's own
    // database beside its feed). Read only when an engine API applies the recovery.
    void setPreviewDatabase(const QString &source);
    // Recoveries go to this engine's REST API (SPEC 5.4) instead of into the database; an
    // empty target goes back to the database.
    void setEngineApi(const EngineApiTarget &target);
    const EngineApiTarget &engineApi() const { return m_engineApi; }
    // The open recovery dialog, if any.
    RecoveryDialog *dialog() const { return m_dialog; }
    // Opens the recovery dialog for the selected checkpoint (what "Recover…" does).
    void openRecovery();

private:
    void refresh();
    void updateHistory();
    static QString executionHistoryText(const RecoveryHistory &history);
    static QString scopeHistoryText(const RecoveryHistory &history, const QString &scope);
    static QString dataLossText(const RecoveryHistory &history);
    void updateControls();
    void onStoreChanged(bool reset);
    void confirmFromFeed();
    // Feed checkpoints arrive without content: their checksums are checked in the database
    // (on a worker) when one is known, and the result kept for the table.
    void applyDatabaseChecks();
    void onChecksRead();

    DashboardSession &m_session;
    CheckpointsModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QLabel *m_title = nullptr;
    QTableView *m_table = nullptr;
    QGroupBox *m_historyBox = nullptr;
    QLabel *m_history = nullptr; // the selected execution's recoveries
    QLabel *m_scopeHistory = nullptr; // its workflow's (or all) recoveries
    QLabel *m_dataLoss = nullptr; // what the scope's succeeded recoveries lost
    RecoveryHistoryChart *m_chart = nullptr;
    QCheckBox *m_engineer = nullptr;
    QLabel *m_banner = nullptr;
    QPushButton *m_recover = nullptr;
    QLabel *m_disabledReason = nullptr;
    QTimer *m_liveRefresh = nullptr; // live checkpoints: the table follows at most once a second
    QPointer<RecoveryDialog> m_dialog;
    QString m_executionId;
    bool m_engineerMode = false;
    QString m_previewDatabase;
    EngineApiTarget m_engineApi;
    QLabel *m_target = nullptr; // where recoveries go: the database or the engine
    struct DatabaseChecks
    {
        QString executionId;
        std::vector<RecoveryPlanner::CheckpointCheck> checks;
        QString error;
    };
    QFutureWatcher<DatabaseChecks> m_checkWatcher;
    DatabaseChecks m_checks; // of m_checks.executionId
};

} // namespace StateScope
