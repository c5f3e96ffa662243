#include "preferencesdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace StateScope {

namespace {
QSpinBox *spinBox(int low, int high, int step, const QString &suffix, QWidget *parent)
{
    auto *box = new QSpinBox(parent);
    box->setRange(low, high);
    box->setSingleStep(step);
    box->setSuffix(suffix);
    box->setAccelerated(true);
    box->setGroupSeparatorShown(true);
    return box;
}
} // namespace

PreferencesDialog::PreferencesDialog(Preferences &preferences, QWidget *parent)
    : QDialog(parent)
    , m_preferences(preferences)
    , m_lag(spinBox(Preferences::kMinLagThresholdMs, Preferences::kMaxLagThresholdMs, 100, tr(" ms"), this))
    , m_budget(spinBox(Preferences::kMinMemoryBudgetMb, Preferences::kMaxMemoryBudgetMb, 256, tr(" MB"), this))
    , m_refresh(spinBox(Preferences::kMinRefreshHz, Preferences::kMaxRefreshHz, 5, tr(" Hz"), this))
    , m_theme(new QComboBox(this))
    , m_language(new QComboBox(this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::Apply
                                         | QDialogButtonBox::RestoreDefaults,
                                     this))
{
    setWindowTitle(tr("Preferences"));
    setObjectName(QStringLiteral("preferencesDialog"));
    m_lag->setAccessibleName(tr("Lag threshold"));
    m_lag->setToolTip(tr("A replica lagging more than this is out of sync: the consistency score and gauges use it"));
    m_budget->setAccessibleName(tr("Memory budget"));
    m_budget->setToolTip(tr("The memory the dashboard may use; past it, the oldest finished executions of live data "
                            "are folded into summaries"));
    m_refresh->setAccessibleName(tr("Refresh rate"));
    m_refresh->setToolTip(tr("How often live data reaches the views"));
    m_theme->setAccessibleName(tr("Theme"));
    m_theme->addItem(tr("System"), QStringLiteral("system"));
    m_theme->addItem(tr("Light"), QStringLiteral("light"));
    m_theme->addItem(tr("Dark"), QStringLiteral("dark"));
    m_language->setAccessibleName(tr("Language"));
    for (const QString &code : Preferences::languageCodes())
        m_language->addItem(Preferences::languageName(code), code);
    auto *languageNote = new QLabel(tr("The language applies after a restart."), this);
    languageNote->setEnabled(false);
    m_problem->setStyleSheet(QStringLiteral("color: #d55e00"));
    m_problem->setWordWrap(true);
    m_problem->hide();
    for (QAbstractButton *b : m_buttons->buttons())
        b->setAccessibleName(b->text().remove(QLatin1Char('&')));

    auto *form = new QFormLayout;
    form->addRow(tr("&Lag threshold:"), m_lag);
    form->addRow(tr("&Memory budget:"), m_budget);
    form->addRow(tr("&Refresh rate:"), m_refresh);
    form->addRow(tr("&Theme:"), m_theme);
    form->addRow(tr("L&anguage:"), m_language);
    form->addRow(QString(), languageNote);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &PreferencesDialog::accept);
    connect(m_buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this, &PreferencesDialog::apply);
    connect(m_buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
            [this] { setValues(Preferences::Values()); });
    setValues(m_preferences.values());
}

Preferences::Values PreferencesDialog::values() const
{
    Preferences::Values v;
    v.lagThresholdMs = m_lag->value();
    v.memoryBudgetMb = m_budget->value();
    v.refreshHz = m_refresh->value();
    v.theme = m_theme->currentData().toString();
    v.language = m_language->currentData().toString();
    return v;
}

void PreferencesDialog::setValues(const Preferences::Values &v)
{
    m_lag->setValue(v.lagThresholdMs);
    m_budget->setValue(v.memoryBudgetMb);
    m_refresh->setValue(v.refreshHz);
    m_theme->setCurrentIndex(std::max(0, m_theme->findData(v.theme)));
    m_language->setCurrentIndex(std::max(0, m_language->findData(v.language)));
}

bool PreferencesDialog::apply()
{
    QString error;
    const bool ok = m_preferences.setValues(values(), &error);
    m_problem->setText(error);
    m_problem->setVisible(!ok);
    return ok;
}

void PreferencesDialog::accept()
{
    if (apply())
        QDialog::accept();
}

} // namespace StateScope
