#pragma once

#include <QJsonObject>
#include <QStringList>

namespace StateScope {

struct RecoveryPreview;
struct RecoveryResult;

// `statescope recover SOURCE --execution ID --checkpoint ID --reason TEXT [--actor NAME]
// [--format text|json]` (SPEC 1, 5): a headless recovery for scripts, by the dashboard's rules.
// The command line is the confirmation, so engineer mode is implied; the reason is still
// required and a corrupted, unverifiable or unrecoverable checkpoint is still refused. Prints the
// preview (current → checkpoint state, transitions rolled back, variables changed) and the
// outcome. Exit 0 when recovered; 1 with one line on stderr when refused or failed (the attempt
// is in audit_log); 2 for bad arguments or a source that cannot be opened for writing.
class RecoverCommand final
{
public:
    int run(const QStringList &arguments);

    // The OS user: $USER, else the account name of the effective user id.
    static QString defaultActor();
    static QString previewText(const RecoveryPreview &preview);
    static QJsonObject previewJson(const RecoveryPreview &preview);
    static QJsonObject resultJson(const RecoveryResult &result);
};

} // namespace StateScope
