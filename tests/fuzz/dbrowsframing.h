#pragma once

// How a fuzz_dbrows input (and a file of tests/fuzz/corpus/dbrows) stands for one database row:
// the first byte picks the kind of row, the rest of the first line is a note for people, and
// each further line is one cell, in the order below. Missing cells are empty. Shared by the
// fuzz target and tst_dbrowscorpus, which replays the corpus through the real SQLite reader.
//
//   d  state_machines:    states, transitions, final_states, initial_state
//   w  workflow_states:   current_state, created_at
//   c  state_consistency: conflict_resolution, synchronization, divergence
//   t  timestamp cells:   any number, one per line
// Any other first byte picks one of the four by its value, so every input means something.

#include <QByteArrayView>
#include <QList>

namespace StateScope::DbRowsFraming {

enum class Kind { Definition, WorkflowState, Consistency, Timestamps };

struct Row
{
    Kind kind = Kind::Definition;
    QList<QByteArrayView> cells;
    QByteArrayView cell(qsizetype i) const { return i < cells.size() ? cells[i] : QByteArrayView(); }
};

inline Kind kindOf(char selector)
{
    switch (selector) {
    case 'd': return Kind::Definition;
    case 'w': return Kind::WorkflowState;
    case 'c': return Kind::Consistency;
    case 't': return Kind::Timestamps;
    default: return Kind(static_cast<unsigned char>(selector) % 4);
    }
}

inline Row split(QByteArrayView data)
{
    Row row;
    if (data.isEmpty())
        return row;
    row.kind = kindOf(data.front());
    qsizetype start = data.indexOf('\n');
    while (start >= 0) {
        const qsizetype end = data.indexOf('\n', start + 1);
        row.cells.append(data.sliced(start + 1, (end < 0 ? data.size() : end) - start - 1));
        start = end;
    }
    return row;
}

} // namespace StateScope::DbRowsFraming
