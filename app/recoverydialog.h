#pragma once

#include "domaintypes.h"
#include "enginerecoveryclient.h"
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

// The engine that applies recoveries for a source (SPEC 5.4), when the user configured one.
struct EngineApiTarget
{
    QUrl baseUrl;
    QString caFile;
    QByteArray token; // from the keychain; held in memory only
    bool isSet() const { return baseUrl.isValid() && !baseUrl.isEmpty(); }
};

// Recovery of one execution to one of its checkpoints, from the dashboard (SPEC 5, 7): the
// preview (current → checkpoint state, transitions rolled back, variables changed, checksum
// status, the state version the update is conditional on, the predicted outcome from the
// checkpoint's state), then the confirmation (a reason and the execution id typed, or its first
// 8 characters) and the result. RecoveryPlanner and RecoveryExecutor run on a worker thread
// (QtConcurrent), each task with a connection of its own; the GUI never waits. With an engine
// API, the preview is read from the database the same way but the recovery is the engine's
// REST call (EngineRecoveryClient), conditional on the previewed state version; the feed's
// recovery_* events for it are shown as they arrive (noteFeedRecovery()).
class RecoveryDialog final : public QDialog
{
    Q_OBJECT
public:
    // source: the database (an SQLite path or a postgresql:// URL) the data was loaded from.
    // prediction: what the analytics predict from the checkpoint's state (outcomePrediction()).
    RecoveryDialog(const QString &source, const QString &executionId, const QString &checkpointId,
                   bool engineerMode, const QString &prediction, const EngineApiTarget &engineApi = {},
                   QWidget *parent = nullptr);
    ~RecoveryDialog() override;

    // "completed 80 % · failed 20 % · about 4 min remaining" for executions in `state`, from
    // the report's absorption (else its state predictions); empty when the report has none.
    static QString outcomePrediction(const AnalysisReport &report, const QString &state);

    bool previewReady() const { return m_previewReady; }
    const RecoveryPreview &preview() const { return m_preview; }
    bool hasResult() const { return m_hasResult; }
    const RecoveryResult &result() const { return m_result; }
    bool viaEngine() const { return m_engineApi.isSet(); }
    const EngineRecoveryReply &engineReply() const { return m_engineReply; }
    // Why the engine recovery's audit row could not be written (empty: it was).
    QString engineAuditError() const { return m_engineAuditError; }
    // A recovery the feed reported; shown when it is the one the engine answered with.
    void noteFeedRecovery(const RecoveryRecord &record);
    QString feedConfirmation() const;
    bool awaitingFeedConfirmation() const { return m_awaitingFeed; }

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
    void showEngineReply(const EngineRecoveryReply &reply);
    void showEngineOutcome();
    void showOutcome(bool success, const QString &text);

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
    QLabel *m_feedLabel = nullptr; // the feed's recovery_* events for the engine's recovery

    QFutureWatcher<RecoveryPreview> m_previewWatcher;
    QFutureWatcher<RecoveryResult> m_recoveryWatcher;
    QFutureWatcher<QString> m_auditWatcher; // the audit row of an engine recovery: empty, or why it failed
    RecoveryRequest m_request;
    RecoveryPreview m_preview;
    RecoveryResult m_result;
    EngineApiTarget m_engineApi;
    EngineRecoveryClient *m_engine = nullptr;
    EngineRecoveryReply m_engineReply;
    bool m_awaitingFeed = false;
    QString m_engineAuditError;
    bool m_previewReady = false;
    bool m_running = false;
    bool m_hasResult = false;
};

} // namespace StateScope
