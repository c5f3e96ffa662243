#pragma once

#include "idinterner.h"

#include <QByteArrayView>

#include <array>
#include <vector>

namespace StateScope {

// workflow_states.id -> execution while a database is read: millions of lookups, one per run
// of transitions and per checkpoint. Keys of 16 bytes (PostgreSQL uuids read in binary) sit in
// the slots themselves, so a lookup touches one cache line instead of a slot, an offset and an
// arena; any other key (text ids) goes to an IdInterner.
class StateRowMap final
{
public:
    static constexpr quint32 kNotFound = IdInterner::kNotFound;

    void reserve(size_t count);
    // False (and nothing changes) when the key is there already.
    bool insert(QByteArrayView key, quint32 execution);
    quint32 find(QByteArrayView key) const;
    void clear();

private:
    struct Slot
    {
        std::array<char, 16> key;
        quint32 value = kNotFound; // kNotFound: empty
    };
    static size_t hash(QByteArrayView key);
    void grow(size_t slotCount);

    std::vector<Slot> m_slots; // open addressing, linear probes, at most 4/5 full (20 B a slot)
    size_t m_count = 0;
    IdInterner m_otherKeys;
    std::vector<quint32> m_otherExecutions;
};

} // namespace StateScope
