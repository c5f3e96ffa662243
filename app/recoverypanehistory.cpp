// The Recovery pane's history: the selected execution's recoveries, its workflow's (every
// recovery without a selection) with the chart, and the data the recovery log says was lost.
#include "recoverypane.h"

#include "dashboardsession.h"
#include "eventstore.h"
#include "recoveryhistory.h"
#include "recoveryhistorychart.h"

#include <QDateTime>
#include <QLabel>
#include <QLocale>

namespace StateScope {

void RecoveryPane::updateHistory()
{
    const EventStore &store = m_session.store();
    const ExecutionIndex found = m_executionId.isEmpty() ? kNoIndex : store.findExecution(m_executionId.toUtf8());
    const ExecutionIndex execution = found < store.executionCount() ? found : kNoIndex;
    RecoveryHistory::Options options;
    // Hour and day buckets start at local hours and midnights, as the axis shows them.
    options.utcOffsetMs = qint64(QDateTime::currentDateTime().offsetFromUtc()) * 1000;

    // The chart's scope: the selected execution's workflow, else every recovery of the data.
    RecoveryHistory::Scope scope = RecoveryHistory::Scope::all();
    QString scopeName;
    if (execution != kNoIndex) {
        const quint32 workflow = store.executionWorkflow(execution);
        if (workflow < store.workflows().size()) {
            scope = RecoveryHistory::Scope::workflow(workflow);
            const Workflow &w = store.workflows()[workflow];
            scopeName = w.name.isEmpty() ? w.id : w.name;
        }
    }
    const RecoveryHistory history = RecoveryHistory::compute(store, scope, options);
    const QString where = scopeName.isEmpty() ? tr("the data") : tr("workflow %1").arg(scopeName);
    m_scopeHistory->setText(scopeHistoryText(history, where));
    m_dataLoss->setText(dataLossText(history));
    m_dataLoss->setVisible(history.attempts > 0);
    m_chart->setHistory(history, tr("No recoveries in %1").arg(where));

    m_history->setVisible(!m_executionId.isEmpty());
    if (m_executionId.isEmpty()) {
        m_history->clear();
        return;
    }
    m_history->setText(executionHistoryText(
        execution == kNoIndex
            ? RecoveryHistory()
            : RecoveryHistory::compute(store, RecoveryHistory::Scope::execution(execution), options)));
}

namespace {
QString attemptsText(const RecoveryHistory &h)
{
    QString text = h.attempts == 1 ? RecoveryPane::tr("1 attempt") : RecoveryPane::tr("%1 attempts").arg(h.attempts);
    text += RecoveryPane::tr(", %1 succeeded (%2 %)")
                .arg(h.successes)
                .arg(QLocale().toString(100.0 * h.successRate, 'f', 0));
    if (h.failures > 0)
        text += RecoveryPane::tr(", %1 failed").arg(h.failures);
    if (h.unknownOutcomes > 0)
        text += RecoveryPane::tr(", %1 of unknown outcome").arg(h.unknownOutcomes);
    if (h.withDuration > 0)
        text += RecoveryPane::tr(" · mean %1").arg(TimeUtil::formatDuration(h.meanDurationMs));
    return text;
}
} // namespace

QString RecoveryPane::executionHistoryText(const RecoveryHistory &h)
{
    if (h.attempts == 0)
        return tr("This execution: no recoveries.");
    QString text = tr("This execution: %1").arg(attemptsText(h));
    if (h.latest) {
        const RecoveryRecord &last = *h.latest;
        const QString outcome
            = last.success == 1 ? tr("succeeded") : (last.success == 0 ? tr("failed") : tr("outcome unknown"));
        const QString when = last.time == kUnknownTime
            ? tr("time unknown")
            : QLocale().toString(QDateTime::fromMSecsSinceEpoch(last.time), QLocale::ShortFormat);
        text += QLatin1Char('\n') + tr("Last: %1, to %2, %3").arg(when, last.toState, outcome);
    }
    return text;
}

QString RecoveryPane::scopeHistoryText(const RecoveryHistory &h, const QString &scope)
{
    if (h.attempts == 0)
        return tr("Recoveries in %1: none.").arg(scope);
    QString text = tr("Recoveries in %1: %2").arg(scope, attemptsText(h));
    if (h.summarized > 0)
        text += tr(" (%1 of them summarized to save memory: not in the chart)").arg(h.summarized);
    return text;
}

QString RecoveryPane::dataLossText(const RecoveryHistory &h)
{
    if (h.successes == 0)
        return tr("Data lost: none, no recovery succeeded.");
    if (h.withDataLossFigures == 0)
        return tr("Data lost: unknown, the recovery log recorded it for none of the %1 succeeded recoveries.")
            .arg(h.successes);
    const auto recorded = [&h](quint64 n) -> QString {
        return tr("%1 of %2 succeeded recoveries recorded it").arg(n).arg(h.successes);
    };
    const QString transitions = h.withTransitionFigures > 0
        ? tr("%n transitions rolled back", nullptr, int(h.transitionsRolledBack))
        : tr("transitions rolled back not recorded");
    const QString variables = h.withVariableFigures > 0 ? tr("%n variable values changed", nullptr, int(h.variablesChanged))
                                                        : tr("variable changes not recorded");
    // One count when both figures come from the same recoveries, else one each.
    if (h.withTransitionFigures == h.withVariableFigures)
        return tr("Data lost: %1, %2 (%3).").arg(transitions, variables, recorded(h.withTransitionFigures));
    const auto with = [&recorded](const QString &figure, quint64 n) -> QString {
        return n > 0 ? figure + QStringLiteral(" (") + recorded(n) + QLatin1Char(')') : figure;
    };
    return tr("Data lost: %1, %2.")
        .arg(with(transitions, h.withTransitionFigures), with(variables, h.withVariableFigures));
}

} // namespace StateScope
