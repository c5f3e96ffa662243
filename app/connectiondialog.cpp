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

#include "enginerecoveryclient.h"

#include <qt6keychain/keychain.h>

namespace StateScope {

namespace {
constexpr int kRecentCount = 10;

QString recentKey(ConnectionDialog::Kind kind)
{
    return kind == ConnectionDialog::Kind::Feed ? QStringLiteral("feeds/recent") : QStringLiteral("engineApis/recent");
}
} // namespace

ConnectionDialog::ConnectionDialog(Kind kind, QWidget *parent)
    : QDialog(parent)
    , m_kind(kind)
    , m_url(new QComboBox(this))
    , m_caFile(new QLineEdit(this))
    , m_token(new QLineEdit(this))
    , m_rememberToken(new QCheckBox(tr("Remember the token in the system keychain"), this))
    , m_problem(new QLabel(this))
{
    const bool feed = kind == Kind::Feed;
    setWindowTitle(feed ? tr("Connect to Feed") : tr("Engine Recovery API"));
    m_url->setEditable(true);
    m_url->addItems(QSettings().value(recentKey(kind)).toStringList());
    if (m_url->count() == 0)
        m_url->setEditText(feed ? QStringLiteral("ws://127.0.0.1:8765") : QStringLiteral("https://"));
    m_url->setAccessibleName(feed ? tr("Feed URL") : tr("Engine API URL"));
    m_url->setToolTip(feed ? tr("ws://HOST:PORT/PATH or wss://HOST:PORT/PATH of a statescope-feed/1 server")
                           : tr("https://HOST:PORT of the engine whose recovery endpoint "
                                "(/api/v1/workflow-state-analytics/states/ID/recover) applies recoveries; "
                                "http:// only on this machine"));
    m_caFile->setPlaceholderText(feed ? tr("only for wss:// servers with a private CA")
                                      : tr("only for https:// servers with a private CA"));
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
    form->addRow(feed ? tr("Feed &URL:") : tr("API base &URL:"), m_url);
    form->addRow(tr("&CA file:"), caRow);
    form->addRow(tr("Bearer &token:"), m_token);
    form->addRow(QString(), m_rememberToken);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(feed ? tr("Connect") : tr("Use for Recoveries"));
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

QString ConnectionDialog::urlProblem(Kind kind, const QString &text)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    if (text.trimmed().isEmpty())
        return kind == Kind::Feed ? tr("Enter the feed's URL.") : tr("Enter the engine API's base URL.");
    if (!url.isValid())
        return tr("\"%1\" is not a valid URL.").arg(text);
    if (kind == Kind::Feed && url.scheme() != QLatin1String("ws") && url.scheme() != QLatin1String("wss"))
        return tr("A feed URL starts with ws:// or wss://, not %1://.").arg(url.scheme());
    if (kind == Kind::EngineApi && url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http"))
        return tr("An engine API URL starts with https://, not %1://.").arg(url.scheme());
    if (url.host().isEmpty())
        return tr("The URL names no host.");
    // The token would cross the network in clear text (BARS S2).
    if (kind == Kind::EngineApi && url.scheme() == QLatin1String("http") && !EngineRecoveryClient::isLoopbackHost(url.host()))
        return tr("Plain http:// is allowed only on this machine; use https:// for %1.").arg(url.host());
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
    const QString problem = urlProblem(m_kind, m_url->currentText());
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
    QStringList recent = settings.value(recentKey(m_kind)).toStringList();
    const QString key = keychainKey(url());
    recent.removeAll(key);
    recent.prepend(key);
    settings.setValue(recentKey(m_kind), recent.mid(0, kRecentCount));
    if (!m_rememberToken->isChecked() || token().isEmpty())
        return;
    auto *job = new QKeychain::WritePasswordJob(keychainService(m_kind));
    job->setKey(key);
    job->setTextData(QString::fromUtf8(token()));
    job->start(); // deletes itself; without a keychain service the token is simply not kept
}

QString ConnectionDialog::keychainService(Kind kind)
{
    return kind == Kind::Feed ? QStringLiteral("statescope-feed-token") : QStringLiteral("statescope-engine-api-token");
}

void ConnectionDialog::readToken(Kind kind, const QUrl &url, QObject *context, std::function<void(QByteArray)> done)
{
    auto *job = new QKeychain::ReadPasswordJob(keychainService(kind), context);
    job->setKey(keychainKey(url));
    QObject::connect(job, &QKeychain::Job::finished, context, [done = std::move(done)](QKeychain::Job *finished) {
        auto *read = static_cast<QKeychain::ReadPasswordJob *>(finished);
        done(read->error() == QKeychain::NoError ? read->textData().toUtf8() : QByteArray());
    });
    job->start();
}

void ConnectionDialog::lookUpToken()
{
    if (!urlProblem(m_kind, m_url->currentText()).isEmpty())
        return;
    const QString asked = m_url->currentText();
    readToken(m_kind, url(), this, [this, asked](const QByteArray &token) {
        if (!token.isEmpty() && m_url->currentText() == asked && m_token->text().isEmpty()) {
            m_token->setText(QString::fromUtf8(token));
            m_rememberToken->setChecked(true);
        }
    });
}

} // namespace StateScope
