#pragma once

#include "analysisreport.h"

#include <QWidget>

class QLabel;
class QTableView;

namespace StateScope {

class StatesTableModel;

// The dashboard's first view: a summary line and the per-state table of a report.
class ReportView final : public QWidget
{
    Q_OBJECT
public:
    explicit ReportView(QWidget *parent = nullptr);
    void setReport(const AnalysisReport &report);
    void setMessage(const QString &message);

private:
    QLabel *m_summary = nullptr;
    QTableView *m_table = nullptr;
    StatesTableModel *m_model = nullptr;
};

} // namespace StateScope
