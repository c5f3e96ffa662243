#pragma once

#include "dashboardsession.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTableView;
class QTimer;

namespace StateScope {

class ExecutionsModel;

// The Sources pane: every database, file and feed of the session with its status (loaded,
// connected, reconnecting in N s, gap, error) and the actions to add or remove them; below,
// the execution browser with its filters (id search, current state, status). While live the
// browser refreshes at most once a second.
class SourcesPane final : public QWidget
{
    Q_OBJECT
public:
    SourcesPane(DashboardSession &session, QWidget *parent = nullptr);
    void setActions(QAction *openSource, QAction *connectFeed, QAction *closeSources);
    ExecutionsModel *executionsModel() const { return m_executions; }
    // Edit > Find Execution: the cursor in the id search, its text selected.
    void focusSearch();

signals:
    void executionSelected(StateScope::ExecutionIndex execution);

private:
    void refreshSources();
    void refreshExecutions();
    void applyFilter();

    DashboardSession &m_session;
    QListWidget *m_list = nullptr;
    QPushButton *m_open = nullptr;
    QPushButton *m_connect = nullptr;
    QPushButton *m_disconnect = nullptr;
    QLineEdit *m_search = nullptr;
    QComboBox *m_state = nullptr;
    QComboBox *m_status = nullptr;
    QComboBox *m_time = nullptr;
    QLabel *m_matches = nullptr;
    QTableView *m_table = nullptr;
    ExecutionsModel *m_executions = nullptr;
    QTimer *m_refreshTimer = nullptr;
};

} // namespace StateScope
