#pragma once

#include <QString>
#include <QTemporaryDir>

namespace StateScope {

// A throwaway certificate authority and a server certificate it signed for localhost and
// 127.0.0.1, made with the openssl command line in a temporary directory: wss:// tests need a
// chain no system trusts.
class TestCertificates final
{
public:
    // False (and error set) when openssl or a TLS backend is missing or a step fails.
    bool create(QString *error);
    QString caFile() const { return m_dir.filePath(QStringLiteral("ca.pem")); }
    QString certificateFile() const { return m_dir.filePath(QStringLiteral("server.pem")); }
    QString privateKeyFile() const { return m_dir.filePath(QStringLiteral("server.key")); }

private:
    QTemporaryDir m_dir;
};

} // namespace StateScope
