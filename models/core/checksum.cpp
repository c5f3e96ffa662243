#include "checksum.h"

#include "canonicaljson.h"

#include <QCryptographicHash>

namespace StateScope {

ChecksumResult checkpointChecksum(QByteArrayView stateSnapshotJson, QByteArrayView variablesJson)
{
    const CanonicalJsonResult state = canonicalizeJson(stateSnapshotJson);
    if (!state.ok())
        return {{}, QStringLiteral("state snapshot: %1").arg(state.error)};
    const CanonicalJsonResult variables = canonicalizeJson(variablesJson);
    if (!variables.ok())
        return {{}, QStringLiteral("variables: %1").arg(variables.error)};

    // The canonical wrapper object is assembled directly: "state" sorts before
    // "variables" and both parts are already canonical, so re-parsing them
    // into one document would produce exactly these bytes.
    QByteArray document;
    document.reserve(state.json.size() + variables.json.size() + 24);
    document += "{\"state\":";
    document += state.json;
    document += ",\"variables\":";
    document += variables.json;
    document += '}';
    return {QCryptographicHash::hash(document, QCryptographicHash::Sha256).toHex(), {}};
}

QByteArray normalizeStoredChecksum(QByteArrayView stored)
{
    static constexpr QByteArrayView prefix("sha256:");
    QByteArray normalized = stored.trimmed().toByteArray().toLower();
    if (normalized.startsWith(prefix))
        normalized.remove(0, prefix.size());
    if (normalized.size() != 64)
        return {};
    for (const char c : std::as_const(normalized)) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return {};
    }
    return normalized;
}

ChecksumStatus verifyCheckpoint(QByteArrayView stateSnapshotJson, QByteArrayView variablesJson,
                                QByteArrayView storedChecksum, QString *error)
{
    const auto finish = [error](ChecksumStatus status, const QString &message) {
        if (error)
            *error = message;
        return status;
    };

    // Unreadable JSON is corrupt whether or not a checksum was stored.
    const ChecksumResult computed = checkpointChecksum(stateSnapshotJson, variablesJson);
    if (!computed.error.isEmpty())
        return finish(ChecksumStatus::Corrupted, computed.error);

    if (storedChecksum.trimmed().isEmpty())
        return finish(ChecksumStatus::Unverifiable, QStringLiteral("no checksum stored"));

    const QByteArray stored = normalizeStoredChecksum(storedChecksum);
    if (stored.isEmpty())
        return finish(ChecksumStatus::Corrupted,
                      QStringLiteral("stored checksum is not a SHA-256 hex digest"));
    if (stored != computed.hex)
        return finish(ChecksumStatus::Corrupted,
                      QStringLiteral("checksum mismatch: stored %1, computed %2")
                          .arg(QString::fromLatin1(stored), QString::fromLatin1(computed.hex)));
    return finish(ChecksumStatus::Verified, QString());
}
} // namespace StateScope
