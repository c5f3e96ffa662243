#include "recoverydialog.h"

#include "analysisreport.h"
#include "checkpointsmodel.h"
#include "recovercommand.h"
#include "auditlog.h"
#include "recoveryplanner.h"
#include "sqlconnection.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>

namespace StateScope {

namespace {

// Opens the source on the calling (worker) thread (for writing unless an engine applies the
// recovery); null with *error otherwise.
std::unique_ptr<SqlConnection> openForRecovery(const QString &source, bool readOnly, QString *error)
{
    const SourceLocation location = locateSource(source);
    if (location.kind != SourceLocation::Kind::SQLite && location.kind != SourceLocation::Kind::PostgreSQL) {
        *error = RecoveryDialog::tr("%1 is not a state database: recovery needs an SQLite file or a PostgreSQL URL")
                     .arg(source);
        return nullptr;
    }
    return openSqlConnection(location, readOnly, error);
}

RecoveryPreview planOnWorker(const QString &source, bool readOnly, const QByteArray &executionId,
                             const QByteArray &checkpointId)
{
    QString error;
    const std::unique_ptr<SqlConnection> connection = openForRecovery(source, readOnly, &error);
    if (!connection) {
        RecoveryPreview refused;
        refused.requestedExecutionId = executionId;
        refused.requestedCheckpointId = checkpointId;
        refused.sourceLabel = source;
        refused.refusals.append(error);
        return refused;
    }
    return RecoveryPlanner(*connection).preview(executionId, checkpointId);
}

RecoveryResult recoverOnWorker(const QString &source, const RecoveryPreview &preview, const RecoveryRequest &request)
{
    QString error;
    const std::unique_ptr<SqlConnection> connection = openForRecovery(source, false, &error);
    if (!connection) {
        RecoveryResult failed;
        failed.status = RecoveryResult::Status::Failed;
        failed.outcome = error;
        return failed;
    }
    return RecoveryExecutor(*connection).execute(preview, request);
}

// BARS S4 for a recovery the engine carried out (or refused): StateScope's own audit row, in a
// transaction of its own, with what the engine answered. Empty, or why it could not be written.
QString auditEngineAttempt(const QString &source, const RecoveryPreview &preview, const RecoveryRequest &request,
                           const EngineRecoveryReply &reply, const QUrl &engine)
{
    QString error;
    const std::unique_ptr<SqlConnection> connection = openForRecovery(source, false, &error);
    if (!connection)
        return error;
    using Outcome = EngineRecoveryReply::Outcome;
    const bool refused = reply.outcome == Outcome::Conflict || reply.outcome == Outcome::Refused
        || reply.outcome == Outcome::NotAuthorized || reply.outcome == Outcome::BadRequest
        || reply.outcome == Outcome::NotFound;
    const QString action = reply.ok() ? QStringLiteral("engine_recovery")
                                      : (refused ? QStringLiteral("engine_recovery_refused") : QStringLiteral("engine_recovery_failed"));
    QJsonObject details{{QStringLiteral("engine"), engine.toDisplayString(QUrl::RemoveUserInfo)},
                        {QStringLiteral("httpStatus"), reply.httpStatus},
                        {QStringLiteral("outcome"), reply.summary}};
    if (!reply.recoveryId.isEmpty())
        details.insert(QStringLiteral("recoveryId"), reply.recoveryId);
    if (reply.stateVersion >= 0)
        details.insert(QStringLiteral("engineStateVersion"), reply.stateVersion);
    QByteArray id;
    return AuditLog(*connection).writeAlone(RecoveryExecutor::auditEntry(preview, request, action, details), &id, &error)
        ? QString()
        : error;
}

QString percent(double p)
{
    return QLocale().toString(100.0 * p, 'f', p < 0.1 && p > 0 ? 1 : 0) + QStringLiteral(" %");
}

QString predictionText(const QStringList &columns, const std::vector<double> &probabilities, double remainingMs)
{
    QStringList parts;
    for (int c = 0; c < columns.size() && c < int(probabilities.size()); ++c) {
        if (probabilities[size_t(c)] > 0.0005)
            parts.append(columns[c] + QLatin1Char(' ') + percent(probabilities[size_t(c)]));
    }
    if (std::isfinite(remainingMs))
        parts.append(RecoveryDialog::tr("about %1 remaining").arg(TimeUtil::formatDuration(remainingMs)));
    return parts.join(QStringLiteral(" · "));
}

} // namespace

RecoveryDialog::RecoveryDialog(const QString &source, const QString &executionId, const QString &checkpointId,
                               bool engineerMode, const QString &prediction, const EngineApiTarget &engineApi,
                               QWidget *parent)
    : QDialog(parent)
    , m_source(source)
    , m_executionId(executionId)
    , m_checkpointId(checkpointId)
    , m_engineerMode(engineerMode)
    , m_headline(new QLabel(this))
    , m_checksum(new QLabel(this))
    , m_prediction(new QLabel(this))
    , m_details(new QPlainTextEdit(this))
    , m_refusals(new QLabel(this))
    , m_reason(new QLineEdit(this))
    , m_typedId(new QLineEdit(this))
    , m_gate(new QLabel(this))
    , m_resultLabel(new QLabel(this))
    , m_feedLabel(new QLabel(this))
    , m_engineApi(engineApi)
{
    setWindowTitle(tr("Recover Execution %1").arg(executionId));
    setObjectName(QStringLiteral("recoveryDialog"));
    QFont big = m_headline->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_headline->setFont(big);
    m_headline->setText(tr("Reading the preview from %1…").arg(source));
    m_headline->setAccessibleName(tr("Recovery summary"));
    m_checksum->setAccessibleName(tr("Checksum status"));
    m_prediction->setAccessibleName(tr("Outcome prediction"));
    m_prediction->setWordWrap(true);
    m_prediction->setText(prediction.isEmpty() ? tr("No outcome prediction for the checkpoint's state.")
                                               : prediction);
    m_details->setReadOnly(true);
    m_details->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_details->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_details->setAccessibleName(tr("Recovery preview"));
    m_refusals->setAccessibleName(tr("Refusals"));
    m_refusals->setWordWrap(true);
    m_refusals->setStyleSheet(QStringLiteral("color: #d55e00; font-weight: bold"));
    m_refusals->hide();
    m_reason->setAccessibleName(tr("Reason"));
    m_reason->setPlaceholderText(tr("Why this recovery is needed (kept in the audit log)"));
    m_typedId->setAccessibleName(tr("Typed execution id"));
    m_typedId->setPlaceholderText(tr("The execution id, or its first 8 characters: %1").arg(executionId.left(8)));
    m_gate->setAccessibleName(tr("Why Recover is disabled"));
    m_gate->setWordWrap(true);
    m_resultLabel->setAccessibleName(tr("Recovery result"));
    m_resultLabel->setWordWrap(true);
    m_resultLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_resultLabel->hide();
    m_feedLabel->setAccessibleName(tr("Feed events of the recovery"));
    m_feedLabel->setWordWrap(true);
    m_feedLabel->hide();
    if (m_engineApi.isSet()) {
        m_engine = new EngineRecoveryClient(this);
        connect(m_engine, &EngineRecoveryClient::finished, this, &RecoveryDialog::showEngineReply);
    }

    auto *buttons = new QDialogButtonBox(this);
    m_recover = buttons->addButton(tr("Recover"), QDialogButtonBox::DestructiveRole);
    m_recover->setAccessibleName(tr("Recover"));
    m_recover->setAutoDefault(false);
    m_close = buttons->addButton(QDialogButtonBox::Close);
    m_close->setAccessibleName(tr("Close"));
    connect(m_recover, &QPushButton::clicked, this, &RecoveryDialog::startRecovery);
    connect(m_close, &QPushButton::clicked, this, &RecoveryDialog::reject);

    auto *confirm = new QFormLayout;
    confirm->addRow(tr("&Reason:"), m_reason);
    confirm->addRow(tr("&Type the execution id:"), m_typedId);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_headline);
    layout->addWidget(m_checksum);
    layout->addWidget(m_prediction);
    layout->addWidget(m_details, 1);
    layout->addWidget(m_refusals);
    layout->addLayout(confirm);
    layout->addWidget(m_gate);
    layout->addWidget(m_resultLabel);
    layout->addWidget(m_feedLabel);
    layout->addWidget(buttons);
    resize(720, 560);

    connect(m_reason, &QLineEdit::textChanged, this, &RecoveryDialog::updateGate);
    connect(m_typedId, &QLineEdit::textChanged, this, &RecoveryDialog::updateGate);
    connect(&m_previewWatcher, &QFutureWatcher<RecoveryPreview>::finished, this,
            [this] { showPreview(m_previewWatcher.result()); });
    connect(&m_recoveryWatcher, &QFutureWatcher<RecoveryResult>::finished, this,
            [this] { showResult(m_recoveryWatcher.result()); });
    connect(&m_auditWatcher, &QFutureWatcher<QString>::finished, this, &RecoveryDialog::showEngineOutcome);
    updateGate();
    startPreview();
}

// A running task keeps its own copies and connection; its result is dropped with the watcher.
RecoveryDialog::~RecoveryDialog() = default;

QString RecoveryDialog::outcomePrediction(const AnalysisReport &report, const QString &state)
{
    int index = -1;
    for (size_t i = 0; i < report.states.size(); ++i) {
        if (report.states[i].name == state)
            index = int(i);
    }
    if (index < 0)
        return {};
    QString text;
    for (const AnalysisReport::Absorption &a : report.absorption) {
        if (a.state == index)
            text = predictionText(report.absorptionColumns, a.probabilities, a.expectedRemainingMs);
    }
    if (text.isEmpty()) {
        for (const AnalysisReport::StatePrediction &p : report.statePredictions) {
            if (p.state == index)
                text = predictionText(report.absorptionColumns, p.outcomes, p.expectedRemainingMs);
        }
    }
    if (text.isEmpty() && report.states[size_t(index)].terminal)
        return tr("From %1 (a terminal state): the execution ends there.").arg(state);
    return text.isEmpty() ? QString() : tr("Predicted from %1: %2").arg(state, text);
}

void RecoveryDialog::startPreview()
{
    // The engine writes its own database: StateScope only reads it then.
    m_previewWatcher.setFuture(QtConcurrent::run(planOnWorker, m_source, m_engineApi.isSet(), m_executionId.toUtf8(),
                                                 m_checkpointId.toUtf8()));
}

void RecoveryDialog::showPreview(const RecoveryPreview &preview)
{
    m_preview = preview;
    m_previewReady = true;
    const QString current = preview.currentState.isEmpty() ? tr("(unknown)") : preview.currentState;
    const QString target = preview.checkpointState.isEmpty() ? tr("(unknown)") : preview.checkpointState;
    m_headline->setText(tr("%1 → %2").arg(current, target));
    m_checksum->setText(tr("Checksum %1 · %2 · update conditional on state version %3 · transitions rolled back: %4")
                            .arg(CheckpointsModel::statusText(preview.checksumStatus),
                                 preview.recoverable ? tr("recoverable") : tr("not recoverable"))
                            .arg(preview.stateVersion)
                            .arg(preview.dataLoss.transitionsRolledBack));
    m_checksum->setStyleSheet(QStringLiteral("color: %1").arg(CheckpointsModel::statusColor(preview.checksumStatus).name()));
    m_details->setPlainText(RecoverCommand::previewText(preview));
    if (preview.refused()) {
        m_refusals->setText(tr("Refused: %1").arg(preview.refusals.join(QStringLiteral("\n"))));
        m_refusals->show();
    }
    updateGate();
    emit previewLoaded();
}

void RecoveryDialog::updateGate()
{
    QString why;
    if (m_hasResult)
        why = m_engine ? tr("The recovery was sent; the feed and a reload show the new state.")
                       : tr("The recovery was attempted; the dashboard reloads the source to show the new state.");
    else if (m_running)
        why = tr("Recovering…");
    else if (!m_previewReady)
        why = tr("Waiting for the preview.");
    else if (m_preview.refused())
        why = tr("Recover is disabled: the recovery is refused (see above).");
    else if (!m_engineerMode)
        why = tr("Recover is disabled: engineer mode is off.");
    else if (m_reason->text().trimmed().isEmpty())
        why = tr("Recover is disabled: enter a reason.");
    else if (!RecoveryExecutor::confirmationMatches(m_typedId->text().trimmed(), m_preview.executionId))
        why = tr("Recover is disabled: type the execution id (or its first 8 characters) to confirm.");
    m_recover->setEnabled(why.isEmpty());
    m_gate->setText(why.isEmpty() ? (m_engine ? tr("Ready: Recover asks the engine at %1 to apply it.")
                                                    .arg(m_engineApi.baseUrl.toDisplayString())
                                              : tr("Ready: Recover changes the database."))
                                  : why);
    const bool editable = !m_running && !m_hasResult;
    m_reason->setReadOnly(!editable);
    m_typedId->setReadOnly(!editable);
}

void RecoveryDialog::startRecovery()
{
    if (!m_recover->isEnabled())
        return;
    RecoveryRequest &request = m_request;
    request.reason = m_reason->text().trimmed();
    request.actor = RecoverCommand::defaultActor();
    request.engineerMode = m_engineerMode;
    m_running = true;
    m_close->setEnabled(false);
    updateGate();
    if (m_engine) {
        EngineRecoveryRequest call;
        call.baseUrl = m_engineApi.baseUrl;
        call.bearerToken = m_engineApi.token;
        call.caFile = m_engineApi.caFile;
        call.workflowId = QString::fromUtf8(m_preview.workflowId);
        call.executionId = QString::fromUtf8(m_preview.executionId);
        call.checkpointId = QString::fromUtf8(m_preview.checkpointId);
        call.reason = request.reason;
        call.actor = request.actor;
        call.expectedStateVersion = m_preview.stateVersion; // the engine applies nothing if it moved on
        m_engine->recover(call);
        return;
    }
    m_recoveryWatcher.setFuture(QtConcurrent::run(recoverOnWorker, m_source, m_preview, request));
}

void RecoveryDialog::showEngineReply(const EngineRecoveryReply &reply)
{
    m_engineReply = reply;
    // The outcome is shown once StateScope's audit row for the attempt is written (or not).
    m_auditWatcher.setFuture(
        QtConcurrent::run(auditEngineAttempt, m_source, m_preview, m_request, reply, m_engineApi.baseUrl));
}

void RecoveryDialog::showEngineOutcome()
{
    const EngineRecoveryReply &reply = m_engineReply;
    m_engineAuditError = m_auditWatcher.result();
    QString text = reply.ok() ? tr("The engine recovered the execution: %1").arg(reply.summary)
                              : tr("The engine did not recover the execution: %1").arg(reply.summary);
    if (reply.outcome == EngineRecoveryReply::Outcome::TimedOut || reply.outcome == EngineRecoveryReply::Outcome::NetworkError)
        text += QLatin1Char('\n') + tr("It may or may not have applied it: check the feed and the Recovery pane after a reload.");
    if (!m_engineAuditError.isEmpty())
        text += QLatin1Char('\n') + tr("The attempt could not be logged in audit_log: %1").arg(m_engineAuditError);
    if (reply.ok() && !reply.recoveryId.isEmpty()) {
        m_feedLabel->setText(tr("Waiting for the feed's recovery events for %1…").arg(reply.recoveryId));
        m_feedLabel->show();
        m_awaitingFeed = true;
    }
    showOutcome(reply.ok(), text);
}

void RecoveryDialog::noteFeedRecovery(const RecoveryRecord &record)
{
    if (!m_engineReply.ok() || m_engineReply.recoveryId.isEmpty() || record.id != m_engineReply.recoveryId)
        return;
    const QString outcome = record.success == 1 ? tr("completed") : (record.success == 0 ? tr("failed") : tr("initiated"));
    QString text = tr("Feed: recovery %1 %2").arg(record.id, outcome);
    if (!record.toState.isEmpty())
        text += tr(", to %1").arg(record.toState);
    if (record.durationMs >= 0)
        text += tr(" in %1 ms").arg(record.durationMs);
    if (!record.errorDetails.isEmpty())
        text += QStringLiteral(": ") + record.errorDetails;
    m_feedLabel->setText(text);
    m_feedLabel->show();
    m_awaitingFeed = false;
}

QString RecoveryDialog::feedConfirmation() const
{
    return m_feedLabel->isVisible() ? m_feedLabel->text() : QString();
}

void RecoveryDialog::showResult(const RecoveryResult &result)
{
    m_result = result;
    QString text = result.success
        ? tr("Recovered: %1 (%2 ms)").arg(result.outcome).arg(result.durationMs)
        : (result.status == RecoveryResult::Status::Refused ? tr("Recovery refused: %1") : tr("Recovery failed: %1"))
              .arg(result.outcome);
    if (!result.auditError.isEmpty())
        text += QLatin1Char('\n') + tr("The attempt could not be logged: %1").arg(result.auditError);
    showOutcome(result.success, text);
}

void RecoveryDialog::showOutcome(bool success, const QString &text)
{
    m_running = false;
    m_hasResult = true;
    m_close->setEnabled(true);
    const QString color = (success ? CheckpointsModel::statusColor(CheckpointStatus::Verified)
                                   : CheckpointsModel::statusColor(CheckpointStatus::Corrupted))
                              .name();
    m_resultLabel->setStyleSheet(QStringLiteral("color: %1; font-weight: bold").arg(color));
    m_resultLabel->setText(text);
    m_resultLabel->show();
    updateGate();
    emit recoveryFinished(success);
}

void RecoveryDialog::reject()
{
    if (!m_running)
        QDialog::reject();
}

} // namespace StateScope
