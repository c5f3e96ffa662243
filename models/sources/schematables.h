#pragma once

#include <QString>

namespace StateScope::SchemaTables {

// The tables of the SPEC 2.1 schema. Table names cannot be bound as SQL parameters, so the
// few places that must name a table in SQL text accept only these constants.
inline constexpr const char *kAll[] = {"workflows", "workflow_executions", "workflow_states", "state_transitions",
                                       "state_checkpoints", "state_machines", "state_consistency",
                                       "state_recovery_log", "state_variables", "audit_log"};

inline bool isKnown(const QString &table)
{
    for (const char *t : kAll) {
        if (table == QLatin1String(t))
            return true;
    }
    return false;
}

} // namespace StateScope::SchemaTables
