#include "testcertificates.h"

#include <QFile>
#include <QProcess>
#include <QSslSocket>
#include <QStandardPaths>

namespace StateScope {

bool TestCertificates::create(QString *error)
{
    const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    if (openssl.isEmpty() || !QSslSocket::supportsSsl()) {
        *error = QStringLiteral("needs the openssl command and a TLS backend");
        return false;
    }
    if (!m_dir.isValid()) {
        *error = QStringLiteral("no temporary directory");
        return false;
    }
    auto run = [&](const QStringList &args) {
        QProcess p;
        p.setWorkingDirectory(m_dir.path());
        p.start(openssl, args);
        const bool ok = p.waitForFinished(60000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
        if (!ok)
            *error = QStringLiteral("openssl %1 failed: %2").arg(args.first(), QString::fromLocal8Bit(p.readAllStandardError()));
        return ok;
    };
    QFile ext(m_dir.filePath(QStringLiteral("server.ext")));
    if (!ext.open(QIODevice::WriteOnly)) {
        *error = ext.errorString();
        return false;
    }
    ext.write("subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\n"
              "keyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n");
    ext.close();
    const auto l = [](const char *text) { return QString::fromLatin1(text); };
    return run({l("req"), l("-x509"), l("-newkey"), l("rsa:2048"), l("-nodes"), l("-keyout"), l("ca.key"), l("-out"),
                l("ca.pem"), l("-days"), l("2"), l("-subj"), l("/CN=StateScope Test CA"), l("-addext"),
                l("basicConstraints=critical,CA:TRUE"), l("-addext"), l("keyUsage=critical,keyCertSign,cRLSign")})
        && run({l("req"), l("-newkey"), l("rsa:2048"), l("-nodes"), l("-keyout"), l("server.key"), l("-out"),
                l("server.csr"), l("-subj"), l("/CN=localhost")})
        && run({l("x509"), l("-req"), l("-in"), l("server.csr"), l("-CA"), l("ca.pem"), l("-CAkey"), l("ca.key"),
                l("-CAcreateserial"), l("-out"), l("server.pem"), l("-days"), l("2"), l("-extfile"), l("server.ext")});
}

} // namespace StateScope
