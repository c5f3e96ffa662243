#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <cstdint>
#include <limits>
#include <vector>

namespace StateScope {

// Maps UTF-8 strings to dense ids (0, 1, 2, ...) and back. Ids are stable for the life of the
// interner, so they can be used as array indices in hot paths. Keys live in one arena and the
// hash table holds 32-bit slots, which keeps millions of keys (execution ids) compact. A slot
// holds the id and, in the bits the id cannot need at the table's size, a tag of the key's
// hash: a probe past another key rarely touches the arena.
class StringInterner final
{
public:
    static constexpr quint32 kNotFound = std::numeric_limits<quint32>::max();

    quint32 intern(QByteArrayView utf8);
    quint32 find(QByteArrayView utf8) const;
    // Starts fetching the slot where `utf8` is or would go, for an intern() or find() soon after:
    // with tables of millions the slot is a cache miss, which then overlaps other work.
    void prefetch(QByteArrayView utf8) const
    {
        if (!m_slots.empty())
            __builtin_prefetch(&m_slots[hash(utf8) & (m_slots.size() - 1)]);
    }
    QByteArrayView view(quint32 id) const
    {
        return QByteArrayView(m_arena.data() + m_offsets[id], m_offsets[id + 1] - m_offsets[id]);
    }
    QString string(quint32 id) const { return QString::fromUtf8(view(id)); }
    quint32 size() const { return static_cast<quint32>(m_offsets.size()) - 1; }
    void reserve(quint32 count, qsizetype bytes);
    void clear();
    // Keeps the keys whose keep[id] is set, in their order, and returns the old id -> new id
    // map (kNotFound for dropped keys). In place: the arena and tables keep their capacity.
    std::vector<quint32> retain(const std::vector<bool> &keep);
    size_t memoryBytes() const;
    size_t usedBytes() const;

private:
    static quint64 hash(QByteArrayView key);
    void rehash(size_t slotCount);
    bool equals(quint32 id, QByteArrayView key) const;
    quint32 tagOf(quint64 hash) const { return quint32(hash >> 32) & ~m_idMask; }

    std::vector<char> m_arena;
    std::vector<quint32> m_offsets{0}; // key i is m_arena[m_offsets[i], m_offsets[i+1])
    // Open addressing, linear probes, at most half full: tag | (id + 1), 0 = empty. With 2^k
    // slots ids are below 2^(k-1), so the low k bits (m_idMask) hold id + 1, the rest the tag.
    std::vector<quint32> m_slots;
    quint32 m_idMask = 0;
};

} // namespace StateScope
