#pragma once

#include "recoveryexecutor.h"
#include "recoverypreview.h"

#include <QDialog>
#include <QFutureWatcher>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace StateScope {

struct AnalysisReport;

// Recovery of one execution to one of its checkpoints, from the dashboard (SPEC 5, 7): the
// preview (current → checkpoint state, transitions rolled back, variables changed, checksum
// status, the state version the update is conditional on, the predicted outcome from the
// checkpoint's state), then the confirmation (a reason and the execution id typed, or its first
// 8 characters) and the result. RecoveryPlanner and RecoveryExecutor run on a worker thread
// (QtConcurrent), each task with a read-write connection of its own; the GUI never waits.
class RecoveryDialog final : public QDialog
{
    Q_OBJECT
public:
    // source: the database (an SQLite path or a postgresql:// URL) the data was loaded from.
    // prediction: what the analytics predict from the checkpoint's state (outcomePrediction()).
    RecoveryDialog(const QString &source, const QString &executionId, const QString &checkpointId,
                   bool engineerMode, const QString &prediction, QWidget *parent = nullptr);
    ~RecoveryDialog() override;

    // "completed 80 % · failed 20 % · about 4 min remaining" for executions in `state`, from
    // the report's absorption (else its state predictions); empty when the report has none.
    static QString outcomePrediction(const AnalysisReport &report, const QString &state);

    bool previewReady() const { return m_previewReady; }
    const RecoveryPreview &preview() const { return m_preview; }
    bool hasResult() const { return m_hasResult; }
    const RecoveryResult &result() const { return m_result; }

    void reject() override; // not while the recovery runs: its result must be seen

signals:
    void previewLoaded();
    // An attempt was made (it left at least an audit row): the dashboard reloads the source.
    void recoveryFinished(bool success);

private:
    void startPreview();
    void showPreview(const RecoveryPreview &preview);
    void updateGate();
    void startRecovery();
    void showResult(const RecoveryResult &result);

    QString m_source;
    QString m_executionId;
    QString m_checkpointId;
    bool m_engineerMode = false;

    QLabel *m_headline = nullptr; // current → checkpoint state
    QLabel *m_checksum = nullptr;
    QLabel *m_prediction = nullptr;
    QPlainTextEdit *m_details = nullptr;
    QLabel *m_refusals = nullptr;
    QLineEdit *m_reason = nullptr;
    QLineEdit *m_typedId = nullptr;
    QLabel *m_gate = nullptr; // why Recover is disabled
    QLabel *m_resultLabel = nullptr;
    QPushButton *m_recover = nullptr;
    QPushButton *m_close = nullptr;

    QFutureWatcher<RecoveryPreview> m_previewWatcher;
    QFutureWatcher<RecoveryResult> m_recoveryWatcher;
    RecoveryPreview m_preview;
    RecoveryResult m_result;
    bool m_previewReady = false;
    bool m_running = false;
    bool m_hasResult = false;
};

} // namespace StateScope
