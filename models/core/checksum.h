#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include "domaintypes.h"

namespace StateScope {

// The store's checkpoint status is the checksum status: one enum for both.
using ChecksumStatus = CheckpointStatus;

struct ChecksumResult
{
    QByteArray hex;  // 64 lowercase hex digits, empty whenever error is set
    QString error;
};

// SHA-256 of the RFC 8785 canonical JSON of {"state": S, "variables": V},
// where S and V are the JSON texts stateSnapshotJson and variablesJson.
ChecksumResult checkpointChecksum(QByteArrayView stateSnapshotJson, QByteArrayView variablesJson);

// Trims whitespace, drops an optional case-insensitive "sha256:" prefix and
// lower-cases. Returns an empty QByteArray unless 64 hex digits remain.
QByteArray normalizeStoredChecksum(QByteArrayView stored);

// Invalid JSON in either text               -> Corrupted (error says why)
// stored checksum empty or only whitespace  -> Unverifiable
// stored checksum not a SHA-256 hex digest  -> Corrupted
// otherwise Verified if it matches the computed checksum, else Corrupted.
// *error (if given) is cleared on Verified and describes the problem otherwise.
ChecksumStatus verifyCheckpoint(QByteArrayView stateSnapshotJson, QByteArrayView variablesJson,
                                QByteArrayView storedChecksum, QString *error = nullptr);

// "verified" | "corrupted" | "unverifiable"
inline QString checksumStatusName(ChecksumStatus status)
{
    return checkpointStatusName(status);
}

} // namespace StateScope
