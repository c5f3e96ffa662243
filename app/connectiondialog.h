#pragma once

#include <QDialog>
#include <QUrl>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;

namespace StateScope {

// "Connect to Feed": the feed URL (recent ones offered), a CA file for wss:// servers with a
// private CA, and the bearer token. The token never goes into the settings (BARS S3): it is
// kept in the system keychain through QtKeychain when the user asks for it, and read back
// from there for a URL used before. Recent URLs are stored without user info.
class ConnectionDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit ConnectionDialog(QWidget *parent = nullptr);

    QUrl url() const;
    QString caFile() const;
    QByteArray token() const;
    // The text of the URL field as typed, and why it is not a feed URL (empty when it is).
    static QString urlProblem(const QString &text);

    void accept() override;

private:
    void lookUpToken();
    void remember();
    static QString keychainKey(const QUrl &url);

    QComboBox *m_url = nullptr;
    QLineEdit *m_caFile = nullptr;
    QLineEdit *m_token = nullptr;
    QCheckBox *m_rememberToken = nullptr;
    QLabel *m_problem = nullptr;
};

} // namespace StateScope
