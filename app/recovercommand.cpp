#include "recovercommand.h"

#include "commandlinetools.h"
#include "recoveryexecutor.h"
#include "recoveryplanner.h"
#include "sqlconnection.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>

#include <limits>

#include <pwd.h>
#include <unistd.h>

namespace StateScope {

namespace {

QString timeText(TimeMs t)
{
    return t == kUnknownTime ? QStringLiteral("unknown time") : TimeUtil::formatUtcString(t);
}

QJsonValue textOrNull(const QByteArray &b)
{
    return b.isEmpty() ? QJsonValue() : QJsonValue(QString::fromUtf8(b));
}

QString valueText(const QByteArray &canonical, const char *absent)
{
    return canonical.isEmpty() ? QString::fromLatin1(absent) : QString::fromUtf8(canonical);
}

} // namespace

QString RecoverCommand::defaultActor()
{
    const QString user = qEnvironmentVariable("USER").trimmed();
    if (!user.isEmpty())
        return user;
    if (const passwd *entry = getpwuid(geteuid()))
        return QString::fromLocal8Bit(entry->pw_name);
    return QStringLiteral("uid %1").arg(geteuid());
}

QString RecoverCommand::previewText(const RecoveryPreview &p)
{
    QString out;
    out += QStringLiteral("source       %1\n").arg(p.sourceLabel);
    out += QStringLiteral("execution    %1 (workflow %2), state version %3\n")
               .arg(QString::fromUtf8(p.executionId), QString::fromUtf8(p.workflowId))
               .arg(p.stateVersion);
    out += QStringLiteral("checkpoint   %1 (%2, %3): %4, %5\n")
               .arg(QString::fromUtf8(p.checkpointId), p.checkpointType, timeText(p.checkpointTime),
                    checksumStatusName(p.checksumStatus),
                    p.recoverable ? QStringLiteral("recoverable") : QStringLiteral("not recoverable"));
    out += QStringLiteral("recovery     %1 → %2\n").arg(p.currentState, p.checkpointState);
    out += QStringLiteral("rolled back  %1 transitions after the checkpoint\n").arg(p.dataLoss.transitionsRolledBack);
    // A looping execution can have undone thousands: the first ones tell the story, JSON has them all.
    constexpr size_t kListed = 50;
    for (size_t i = 0; i < p.dataLoss.transitions.size() && i < kListed; ++i) {
        const RolledBackTransition &t = p.dataLoss.transitions[i];
        out += QStringLiteral("             %1  %2 → %3\n").arg(timeText(t.at), t.from, t.to);
    }
    if (p.dataLoss.transitions.size() > kListed)
        out += QStringLiteral("             … and %1 more\n").arg(p.dataLoss.transitions.size() - kListed);
    out += QStringLiteral("variables    %1 changed\n").arg(p.dataLoss.variables.size());
    for (const VariableChange &v : p.dataLoss.variables) {
        out += QStringLiteral("             %1: %2 → %3\n")
                   .arg(v.key.isEmpty() ? QStringLiteral("(all variables)") : v.key,
                        valueText(v.currentValue, "(absent)"), valueText(v.checkpointValue, "(removed)"));
    }
    for (const QString &note : p.notes)
        out += QStringLiteral("note         %1\n").arg(note);
    return out;
}

QJsonObject RecoverCommand::previewJson(const RecoveryPreview &p)
{
    // The data loss as state_recovery_log.data_loss holds it, with every transition listed.
    QJsonObject o = p.dataLoss.toJsonObject(std::numeric_limits<size_t>::max());
    if (!o.contains(QStringLiteral("transitions")))
        o.insert(QStringLiteral("transitions"), QJsonArray());
    const QJsonObject fields {
        {QStringLiteral("source"), p.sourceLabel},
        {QStringLiteral("workflowId"), textOrNull(p.workflowId)},
        {QStringLiteral("executionId"), textOrNull(p.executionId.isEmpty() ? p.requestedExecutionId : p.executionId)},
        {QStringLiteral("workflowStateId"), textOrNull(p.workflowStateId)},
        {QStringLiteral("checkpointId"),
         textOrNull(p.checkpointId.isEmpty() ? p.requestedCheckpointId : p.checkpointId)},
        {QStringLiteral("currentState"), p.currentState},
        {QStringLiteral("checkpointState"), p.checkpointState},
        {QStringLiteral("stateVersion"), p.stateVersion},
        {QStringLiteral("checksumStatus"), checksumStatusName(p.checksumStatus)},
        {QStringLiteral("recoverable"), p.recoverable},
        {QStringLiteral("beforeChecksum"), textOrNull(p.beforeChecksum)},
        {QStringLiteral("afterChecksum"), textOrNull(p.afterChecksum)},
        {QStringLiteral("refusals"), QJsonArray::fromStringList(p.refusals)},
        {QStringLiteral("notes"), QJsonArray::fromStringList(p.notes)},
    };
    for (auto it = fields.begin(); it != fields.end(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

QJsonObject RecoverCommand::resultJson(const RecoveryResult &r)
{
    return QJsonObject {
        {QStringLiteral("status"), recoveryStatusName(r.status)},
        {QStringLiteral("success"), r.success},
        {QStringLiteral("outcome"), r.outcome},
        {QStringLiteral("newStateVersion"), r.newStateVersion < 0 ? QJsonValue() : QJsonValue(r.newStateVersion)},
        {QStringLiteral("recoveryId"), textOrNull(r.recoveryId)},
        {QStringLiteral("durationMs"), r.durationMs},
        {QStringLiteral("auditId"), textOrNull(r.auditId)},
        {QStringLiteral("auditError"), r.auditError.isEmpty() ? QJsonValue() : QJsonValue(r.auditError)},
    };
}

int RecoverCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Recovers an execution to one of its checkpoints (SPEC 5), with an audit row."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("SOURCE"),
                                 QStringLiteral("SQLite file or postgresql:// URL, opened for writing"));
    parser.addOption({QStringLiteral("execution"), QStringLiteral("The execution to recover."), QStringLiteral("ID")});
    parser.addOption({QStringLiteral("checkpoint"), QStringLiteral("The checkpoint of that execution to recover to."),
                      QStringLiteral("ID")});
    parser.addOption(
        {QStringLiteral("reason"), QStringLiteral("Why (required; kept in audit_log)."), QStringLiteral("TEXT")});
    parser.addOption(
        {QStringLiteral("actor"), QStringLiteral("Who acts (default: the OS user)."), QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("format"), QStringLiteral("Output format: text or json."),
                      QStringLiteral("FORMAT"), QStringLiteral("text")});
    if (const std::optional<int> exitCode = Cli::parseArguments(parser, arguments))
        return *exitCode;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return Cli::fail(positional.isEmpty()
                             ? QStringLiteral("recover: missing SOURCE")
                             : QStringLiteral("recover: expected one SOURCE, got %1").arg(positional.size()));
    for (const char *required : {"execution", "checkpoint"}) {
        if (parser.value(QLatin1String(required)).trimmed().isEmpty())
            return Cli::fail(QStringLiteral("recover: --%1 ID is required").arg(QLatin1String(required)));
    }
    const QString format = parser.value(QStringLiteral("format"));
    if (format != QLatin1String("text") && format != QLatin1String("json"))
        return Cli::fail(QStringLiteral("--format: \"%1\" is not text or json").arg(format));

    const SourceLocation location = locateSource(positional.first());
    if (location.kind == SourceLocation::Kind::Invalid)
        return Cli::fail(location.error);
    if (location.kind != SourceLocation::Kind::SQLite && location.kind != SourceLocation::Kind::PostgreSQL)
        return Cli::fail(QStringLiteral("%1: recover needs a state database (an SQLite file or a postgresql:// URL)")
                             .arg(location.location));
    QString error;
    const std::unique_ptr<SqlConnection> connection = openSqlConnection(location, false, &error);
    if (!connection)
        return Cli::fail(error);

    // A missing --reason is not a usage error but a refused attempt: it is audited like any other.
    RecoveryRequest request;
    request.reason = parser.value(QStringLiteral("reason"));
    request.actor = parser.isSet(QStringLiteral("actor")) ? parser.value(QStringLiteral("actor")) : defaultActor();
    request.engineerMode = true;
    const RecoveryPreview preview = RecoveryPlanner(*connection)
                                        .preview(parser.value(QStringLiteral("execution")).trimmed().toUtf8(),
                                                 parser.value(QStringLiteral("checkpoint")).trimmed().toUtf8());
    const RecoveryResult result = RecoveryExecutor(*connection).execute(preview, request);

    if (format == QLatin1String("json")) {
        Cli::printOut(QString::fromUtf8(QJsonDocument(QJsonObject {{QStringLiteral("preview"), previewJson(preview)},
                                                                   {QStringLiteral("result"), resultJson(result)}})
                                            .toJson(QJsonDocument::Indented)));
    } else if (result.success) {
        Cli::printOut(previewText(preview)
                      + QStringLiteral("outcome      %1 (recovery %2, %3 ms, audit %4)\n")
                            .arg(result.outcome, QString::fromUtf8(result.recoveryId))
                            .arg(result.durationMs)
                            .arg(QString::fromUtf8(result.auditId)));
    }
    if (result.success)
        return Cli::kExitOk;
    Cli::fail(result.status == RecoveryResult::Status::Refused ? QStringLiteral("recovery refused: ") + result.outcome
                                                               : result.outcome);
    return Cli::kExitFailure;
}

} // namespace StateScope
