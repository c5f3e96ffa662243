#include "gapbackfill.h"

#include "sqlcells.h"
#include "sqlconnection.h"

#include <algorithm>

namespace StateScope {

bool GapBackfill::read(TimeMs after, TimeMs before, std::vector<FeedEvent> *events, QString *error)
{
    if (after == kUnknownTime || before == kUnknownTime || before <= after + 1)
        return true; // nothing can lie strictly between
    const bool postgres = m_connection.dialect() == SqlConnection::Dialect::PostgreSQL;
    // SQLite keeps RFC 3339 text, or epoch milliseconds (stored as digits: the column has TEXT
    // affinity): the text bounds select the former, the numeric bounds the latter; times are
    // then checked exactly below.
    const QByteArray sql = postgres
        ? QByteArray("SELECT t.transition_id, t.from_state, t.to_state, t.transition_type, "
                     "floor(extract(epoch from t.timestamp) * 1000)::int8, s.execution_id::text, s.workflow_id::text "
                     "FROM state_transitions t JOIN workflow_states s ON s.id = t.workflow_state_id "
                     "WHERE t.timestamp > to_timestamp($1::float8 / 1000) AND t.timestamp < to_timestamp($2::float8 / 1000) "
                     "ORDER BY t.timestamp")
        : QByteArray("SELECT t.transition_id, t.from_state, t.to_state, t.transition_type, t.timestamp, s.execution_id, "
                     "s.workflow_id FROM state_transitions t JOIN workflow_states s ON s.id = t.workflow_state_id "
                     "WHERE (t.timestamp > $3 AND t.timestamp < $4) OR (t.timestamp NOT GLOB '*[^0-9]*' "
                     "AND CAST(t.timestamp AS INTEGER) > $1 AND CAST(t.timestamp AS INTEGER) < $2)");
    auto q = m_connection.prepare(sql, error);
    if (!q)
        return false;
    q->bindInt64(1, after);
    q->bindInt64(2, before);
    if (!postgres) {
        // Second precision widens the text window; the exact test follows per row.
        q->bindText(3, TimeUtil::formatUtc(after - 1000).left(19));
        q->bindText(4, QByteArray(TimeUtil::formatUtc(before).left(19) + "~"));
    }
    const size_t first = events->size();
    while (q->next()) {
        TimeMs at = kUnknownTime;
        if (!SqlCells::timestamp(*q, 4, &at) || at <= after || at >= before)
            continue;
        FeedEvent e;
        e.type = FeedEventType::Transition;
        e.transitionId = q->text(0).toByteArray();
        e.fromState = q->text(1).toByteArray();
        e.toState = q->text(2).toByteArray();
        e.transitionType = transitionTypeFromString(q->text(3));
        e.time = at;
        e.executionId = q->text(5).toByteArray();
        e.workflowId = q->text(6).toByteArray();
        events->push_back(std::move(e));
    }
    if (!q->error().isEmpty()) {
        *error = q->error();
        return false;
    }
    std::stable_sort(events->begin() + qsizetype(first), events->end(),
                     [](const FeedEvent &a, const FeedEvent &b) { return a.time < b.time; });
    return true;
}

} // namespace StateScope
