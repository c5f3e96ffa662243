#pragma once

#include <QDialog>
#include <QUrl>

#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;

namespace StateScope {

// "Connect to Feed" and "Engine Recovery API": a URL (recent ones offered), a CA file for
// servers with a private CA, and the bearer token. The token never goes into the settings
// (BARS S3): it is kept in the system keychain through QtKeychain when the user asks for it,
// and read back from there for a URL used before. Recent URLs are stored without user info.
class ConnectionDialog final : public QDialog
{
    Q_OBJECT
public:
    enum class Kind {
        Feed,      // ws:// or wss:// (statescope-feed/1)
        EngineApi, // https://, or http:// on loopback (the recovery endpoint of SPEC 5.4)
    };
    explicit ConnectionDialog(QWidget *parent = nullptr) : ConnectionDialog(Kind::Feed, parent) { }
    ConnectionDialog(Kind kind, QWidget *parent = nullptr);

    QUrl url() const;
    QString caFile() const;
    QByteArray token() const;
    // The text of the URL field as typed, and why it is not a feed URL (empty when it is).
    static QString urlProblem(Kind kind, const QString &text);
    // The token kept in the keychain for this kind and URL, if any; `done` gets it (maybe
    // empty) on the calling thread's event loop, `context` bounding its life.
    static void readToken(Kind kind, const QUrl &url, QObject *context, std::function<void(QByteArray)> done);

    void accept() override;

private:
    void lookUpToken();
    void remember();
    static QString keychainKey(const QUrl &url);
    static QString keychainService(Kind kind);

    Kind m_kind = Kind::Feed;

    QComboBox *m_url = nullptr;
    QLineEdit *m_caFile = nullptr;
    QLineEdit *m_token = nullptr;
    QCheckBox *m_rememberToken = nullptr;
    QLabel *m_problem = nullptr;
};

} // namespace StateScope
