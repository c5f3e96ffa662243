#pragma once

#include "csvreader.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QPushButton;

namespace StateScope {

// "Which columns are which?" for a CSV event log whose header names none of the known columns
// (SPEC 2.2): one choice per role (case id, state, timestamp) among the header's fields. OK is
// enabled once every role has a column and no column serves two roles.
class CsvMappingDialog final : public QDialog
{
    Q_OBJECT
public:
    CsvMappingDialog(const QString &source, const QStringList &header, const QString &problem, QWidget *parent = nullptr);

    CsvColumns columns() const;
    // Chooses a field for a role by its header index (0: case id, 1: state, 2: timestamp).
    void choose(int role, int column);
    bool acceptable() const;

private:
    void update();

    QComboBox *m_roles[3] = {};
    QLabel *m_problem = nullptr;
    QPushButton *m_ok = nullptr;
};

} // namespace StateScope
