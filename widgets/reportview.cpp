#include "reportview.h"

#include "statestablemodel.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace StateScope {

ReportView::ReportView(QWidget *parent)
    : QWidget(parent)
    , m_summary(new QLabel(this))
    , m_table(new QTableView(this))
    , m_model(new StatesTableModel(this))
{
    m_summary->setAccessibleName(tr("Report summary"));
    m_summary->setWordWrap(true);
    m_table->setModel(m_model);
    m_table->setAccessibleName(tr("States"));
    m_table->verticalHeader()->hide();
    // Numbers keep their natural width; the name column takes the rest of the window.
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(StatesTableModel::State, QHeaderView::Stretch);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
}

void ReportView::setReport(const AnalysisReport &report)
{
    m_summary->setText(tr("%1 — %2 executions, %3 transitions, %4 states, %5 running, %6 alerts")
                           .arg(report.source)
                           .arg(report.executions)
                           .arg(report.transitions)
                           .arg(report.states.size())
                           .arg(report.runningExecutions)
                           .arg(quint64(report.alerts.size()) + report.alertsOmitted));
    m_model->setReport(report);
}

void ReportView::setMessage(const QString &message)
{
    m_summary->setText(message);
}

} // namespace StateScope
