#include "connectiondialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

#include <qt6keychain/keychain.h>

namespace StateScope {

namespace {
const QString kService = QStringLiteral("statescope-feed-token");
const QString kRecentKey = QStringLiteral("feeds/recent");
constexpr int kRecentCount = 10;
} // namespace

ConnectionDialog::ConnectionDialog(QWidget *parent)
    : QDialog(parent)
    , m_url(new QComboBox(this))
    , m_caFile(new QLineEdit(this))
    , m_token(new QLineEdit(this))
    , m_rememberToken(new QCheckBox(tr("Remember the token in the system keychain"), this))
    , m_problem(new QLabel(this))
{
    setWindowTitle(tr("Connect to Feed"));
    m_url->setEditable(true);
    m_url->addItems(QSettings().value(kRecentKey).toStringList());
    if (m_url->count() == 0)
        m_url->setEditText(QStringLiteral("ws://127.0.0.1:8765"));
    m_url->setAccessibleName(tr("Feed URL"));
    m_url->setToolTip(tr("ws://HOST:PORT/PATH or wss://HOST:PORT/PATH of a statescope-feed/1 server"));
    m_caFile->setPlaceholderText(tr("only for wss:// servers with a private CA"));
    m_caFile->setAccessibleName(tr("CA certificate file"));
    auto *browse = new QPushButton(tr("Browse…"), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("CA Certificate"), QString(), tr("PEM certificates (*.pem *.crt);;All files (*)"));
        if (!file.isEmpty())
            m_caFile->setText(file);
    });
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("none"));
    m_token->setAccessibleName(tr("Bearer token"));
    m_problem->setStyleSheet(QStringLiteral("color: #d55e00"));
    m_problem->setWordWrap(true);
    auto *caRow = new QHBoxLayout;
    caRow->addWidget(m_caFile, 1);
    caRow->addWidget(browse);
    auto *form = new QFormLayout;
    form->addRow(tr("Feed &URL:"), m_url);
    form->addRow(tr("&CA file:"), caRow);
    form->addRow(tr("Bearer &token:"), m_token);
    form->addRow(QString(), m_rememberToken);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Connect"));
    connect(buttons, &QDialogButtonBox::accepted, this, &ConnectionDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ConnectionDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    connect(m_url, &QComboBox::currentTextChanged, this, [this] {
        m_problem->clear();
        lookUpToken();
    });
    lookUpToken();
}

QString ConnectionDialog::urlProblem(const QString &text)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    if (text.trimmed().isEmpty())
        return tr("Enter the feed's URL.");
    if (!url.isValid())
        return tr("\"%1\" is not a valid URL.").arg(text);
    if (url.scheme() != QLatin1String("ws") && url.scheme() != QLatin1String("wss"))
        return tr("A feed URL starts with ws:// or wss://, not %1://.").arg(url.scheme());
    if (url.host().isEmpty())
        return tr("The URL names no host.");
    if (!url.password().isEmpty())
        return tr("Put the token in the token field, not in the URL: URLs end up in settings and logs.");
    return {};
}

QUrl ConnectionDialog::url() const
{
    return QUrl(m_url->currentText().trimmed(), QUrl::StrictMode);
}

QString ConnectionDialog::caFile() const
{
    return m_caFile->text().trimmed();
}

QByteArray ConnectionDialog::token() const
{
    return m_token->text().trimmed().toUtf8();
}

QString ConnectionDialog::keychainKey(const QUrl &url)
{
    return url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment).toString();
}

void ConnectionDialog::accept()
{
    const QString problem = urlProblem(m_url->currentText());
    if (!problem.isEmpty()) {
        m_problem->setText(problem);
        return;
    }
    remember();
    QDialog::accept();
}

// Recent URLs (never a token) in the settings; the token in the keychain when asked to.
void ConnectionDialog::remember()
{
    QSettings settings;
    QStringList recent = settings.value(kRecentKey).toStringList();
    const QString key = keychainKey(url());
    recent.removeAll(key);
    recent.prepend(key);
    settings.setValue(kRecentKey, recent.mid(0, kRecentCount));
    if (!m_rememberToken->isChecked() || token().isEmpty())
        return;
    auto *job = new QKeychain::WritePasswordJob(kService);
    job->setKey(key);
    job->setTextData(QString::fromUtf8(token()));
    job->start(); // deletes itself; without a keychain service the token is simply not kept
}

void ConnectionDialog::lookUpToken()
{
    if (!urlProblem(m_url->currentText()).isEmpty())
        return;
    auto *job = new QKeychain::ReadPasswordJob(kService, this);
    job->setKey(keychainKey(url()));
    const QString asked = m_url->currentText();
    connect(job, &QKeychain::Job::finished, this, [this, asked](QKeychain::Job *finished) {
        auto *read = static_cast<QKeychain::ReadPasswordJob *>(finished);
        if (read->error() == QKeychain::NoError && m_url->currentText() == asked && m_token->text().isEmpty()) {
            m_token->setText(read->textData());
            m_rememberToken->setChecked(true);
        }
    });
    job->start();
}

} // namespace StateScope
