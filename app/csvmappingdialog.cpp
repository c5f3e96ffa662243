#include "csvmappingdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace StateScope {

CsvMappingDialog::CsvMappingDialog(const QString &source, const QStringList &header, const QString &problem,
                                   QWidget *parent)
    : QDialog(parent)
    , m_problem(new QLabel(this))
{
    setWindowTitle(tr("Columns of %1").arg(QFileInfo(source).fileName()));
    auto *intro = new QLabel(tr("StateScope could not tell which columns hold the case id, the state and the time:\n%1\n"
                                "Choose them; each row then says that its case entered that state at that time.")
                                 .arg(problem),
                             this);
    intro->setWordWrap(true);
    auto *form = new QFormLayout;
    const QString names[] = {tr("&Case id:"), tr("&State:"), tr("&Timestamp:")};
    const QString accessible[] = {tr("Case id column"), tr("State column"), tr("Timestamp column")};
    for (int role = 0; role < 3; ++role) {
        m_roles[role] = new QComboBox(this);
        m_roles[role]->addItem(tr("(choose a column)"), -1);
        for (int c = 0; c < header.size(); ++c)
            m_roles[role]->addItem(header[c].isEmpty() ? tr("column %1").arg(c + 1) : header[c], c);
        m_roles[role]->setAccessibleName(accessible[role]);
        connect(m_roles[role], &QComboBox::currentIndexChanged, this, &CsvMappingDialog::update);
        form->addRow(names[role], m_roles[role]);
    }
    m_problem->setStyleSheet(QStringLiteral("color: #d55e00"));
    m_problem->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("Load"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    update();
}

CsvColumns CsvMappingDialog::columns() const
{
    CsvColumns c;
    c.caseColumn = m_roles[0]->currentData().toInt();
    c.stateColumn = m_roles[1]->currentData().toInt();
    c.timeColumn = m_roles[2]->currentData().toInt();
    return c;
}

void CsvMappingDialog::choose(int role, int column)
{
    m_roles[role]->setCurrentIndex(m_roles[role]->findData(column));
}

bool CsvMappingDialog::acceptable() const
{
    const CsvColumns c = columns();
    return c.caseColumn >= 0 && c.stateColumn >= 0 && c.timeColumn >= 0 && c.caseColumn != c.stateColumn
        && c.caseColumn != c.timeColumn && c.stateColumn != c.timeColumn;
}

void CsvMappingDialog::update()
{
    const CsvColumns c = columns();
    const bool chosen = c.caseColumn >= 0 && c.stateColumn >= 0 && c.timeColumn >= 0;
    m_problem->setText(!chosen ? tr("Choose a column for each.") : (acceptable() ? QString() : tr("A column can serve one role only.")));
    m_ok->setEnabled(acceptable());
}

} // namespace StateScope
