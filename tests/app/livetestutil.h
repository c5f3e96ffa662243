#pragma once

// Shared by the tests that run `statescope simulate` and `statescope watch` as processes.

#include <QDeadlineTimer>
#include <QDebug>
#include <QProcess>
#include <QTest>
#include <QUrl>

namespace StateScope::LiveTest {

// Starts `statescope simulate` with arguments and returns the URL of the feed it serves (its
// "feed: " line), or an empty URL if it did not start. Tries again while the port is still held
// (a restart right after a kill). With `api`, also waits for the "api: " line (the REST API).
inline QUrl startSimulate(QProcess &p, const QStringList &arguments, QUrl *api = nullptr)
{
    QUrl feed;
    for (int attempt = 0; attempt < 20; ++attempt) {
        p.start(QStringLiteral(STATESCOPE_BINARY), arguments);
        p.waitForStarted();
        const QDeadlineTimer deadline(10000);
        while (p.canReadLine() || (p.state() != QProcess::NotRunning && !deadline.hasExpired())) {
            if (!p.canReadLine()) {
                p.waitForReadyRead(100);
                continue;
            }
            const QByteArray line = p.readLine().trimmed();
            if (line.startsWith("feed: "))
                feed = QUrl(QString::fromUtf8(line.mid(6)));
            else if (api && line.startsWith("api: "))
                *api = QUrl(QString::fromUtf8(line.mid(5)));
            if (!feed.isEmpty() && (!api || !api->isEmpty()))
                return feed;
        }
        p.kill();
        p.waitForFinished(5000);
        qWarning() << "simulate did not start:" << p.readAllStandardOutput() << p.readAllStandardError();
        QTest::qWait(200);
    }
    return {};
}

} // namespace StateScope::LiveTest
