#pragma once

#include "domaintypes.h"
#include "recoverydialog.h"

#include <QPointer>
#include <QWidget>

class QCheckBox;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QTimer;

namespace StateScope {

class CheckpointsModel;
class DashboardSession;

// The Recovery pane (SPEC 7): the selected execution's checkpoints (time, state, type, size,
// checksum status), its recovery history and success rate, and the way to the recovery of
// SPEC 5. Read-only unless engineer mode is on: a toggle in the pane, off by default and
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
    // The database recovery writes to: the first offline source, when it is a state database.
    QString databaseSource() const;
    // The open recovery dialog, if any.
    RecoveryDialog *dialog() const { return m_dialog; }
    // Opens the recovery dialog for the selected checkpoint (what "Recover…" does).
    void openRecovery();

private:
    void refresh();
    void updateHistory();
    void updateControls();
    void onStoreChanged(bool reset);

    DashboardSession &m_session;
    CheckpointsModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QLabel *m_title = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_history = nullptr;
    QCheckBox *m_engineer = nullptr;
    QLabel *m_banner = nullptr;
    QPushButton *m_recover = nullptr;
    QLabel *m_disabledReason = nullptr;
    QTimer *m_liveRefresh = nullptr; // live checkpoints: the table follows at most once a second
    QPointer<RecoveryDialog> m_dialog;
    QString m_executionId;
    bool m_engineerMode = false;
};

} // namespace StateScope
