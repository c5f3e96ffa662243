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

    // Room for count keys, made on the first insert for the kind of key it brings: a database
    // of text ids must not pay for a table of 16-byte slots it never uses.
    void reserve(size_t count) { m_expected = count; }
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
    void makeRoom(bool inlineKeys);
    void grow(size_t slotCount);

    std::vector<Slot> m_slots; // open addressing, linear probes, at most 4/5 full (20 B a slot)
    size_t m_count = 0;
    size_t m_expected = 0; // from reserve(), until the first insert
    IdInterner m_otherKeys;
    std::vector<quint32> m_otherExecutions;
};

} // namespace StateScope
