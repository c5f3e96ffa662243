#include "stringinterner.h"

#include <algorithm>
#include <cstring>

namespace StateScope {

quint64 StringInterner::hash(QByteArrayView key)
{
    // FNV-1a over 8-byte words with a final mix: fast for short ids, good enough spread.
    quint64 h = 0xcbf29ce484222325ULL ^ static_cast<quint64>(key.size());
    const char *p = key.data();
    qsizetype n = key.size();
    while (n >= 8) {
        quint64 w;
        std::memcpy(&w, p, 8);
        h = (h ^ w) * 0x100000001b3ULL;
        h ^= h >> 29;
        p += 8;
        n -= 8;
    }
    while (n-- > 0)
        h = (h ^ static_cast<unsigned char>(*p++)) * 0x100000001b3ULL;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return h;
}

QByteArrayView StringInterner::view(quint32 id) const
{
    return QByteArrayView(m_arena.constData() + m_offsets[id], m_offsets[id + 1] - m_offsets[id]);
}

quint32 StringInterner::find(QByteArrayView utf8) const
{
    if (m_slots.empty())
        return kNotFound;
    const size_t mask = m_slots.size() - 1;
    for (size_t i = hash(utf8) & mask;; i = (i + 1) & mask) {
        const quint32 slot = m_slots[i];
        if (slot == 0)
            return kNotFound;
        if (view(slot - 1) == utf8)
            return slot - 1;
    }
}

quint32 StringInterner::intern(QByteArrayView utf8)
{
    if ((size() + 1) * 2 > m_slots.size())
        rehash(m_slots.empty() ? 64 : m_slots.size() * 2);
    const size_t mask = m_slots.size() - 1;
    size_t i = hash(utf8) & mask;
    for (;; i = (i + 1) & mask) {
        const quint32 slot = m_slots[i];
        if (slot == 0)
            break;
        if (view(slot - 1) == utf8)
            return slot - 1;
    }
    const quint32 id = size();
    m_arena.append(utf8.data(), utf8.size());
    m_offsets.push_back(static_cast<quint32>(m_arena.size()));
    m_slots[i] = id + 1;
    return id;
}

void StringInterner::rehash(size_t slotCount)
{
    std::vector<quint32> table(slotCount, 0);
    const size_t mask = slotCount - 1;
    for (quint32 id = 0; id < size(); ++id) {
        size_t i = hash(view(id)) & mask;
        while (table[i] != 0)
            i = (i + 1) & mask;
        table[i] = id + 1;
    }
    m_slots.swap(table);
}

void StringInterner::reserve(quint32 count, qsizetype bytes)
{
    m_arena.reserve(bytes);
    m_offsets.reserve(count + 1);
    size_t slotCount = 64;
    while (slotCount < static_cast<size_t>(count) * 2)
        slotCount *= 2;
    if (slotCount > m_slots.size())
        rehash(slotCount);
}

void StringInterner::clear()
{
    m_arena.clear();
    m_offsets.assign(1, 0);
    m_slots.clear();
}

std::vector<quint32> StringInterner::retain(const std::vector<bool> &keep)
{
    const quint32 n = size();
    std::vector<quint32> remap(n, kNotFound);
    char *arena = m_arena.data();
    quint32 kept = 0;
    quint32 write = 0;
    for (quint32 id = 0; id < n; ++id) {
        if (id >= keep.size() || !keep[id])
            continue;
        const quint32 begin = m_offsets[id];
        const quint32 length = m_offsets[id + 1] - begin;
        if (write != begin)
            std::memmove(arena + write, arena + begin, length);
        write += length;
        remap[id] = kept++;
        m_offsets[kept] = write; // never overtakes m_offsets[id + 1], which is read above
    }
    m_arena.resize(write);
    m_offsets.resize(size_t(kept) + 1);
    if (!m_slots.empty()) {
        // Shrink the table with the keys (room to double before it must grow again).
        size_t slotCount = 64;
        while (slotCount < size_t(kept) * 4)
            slotCount *= 2;
        rehash(std::min(slotCount, m_slots.size()));
    }
    return remap;
}

size_t StringInterner::usedBytes() const
{
    return static_cast<size_t>(m_arena.size()) + m_offsets.size() * sizeof(quint32) + m_slots.size() * sizeof(quint32);
}

size_t StringInterner::memoryBytes() const
{
    return static_cast<size_t>(m_arena.capacity()) + m_offsets.capacity() * sizeof(quint32)
        + m_slots.capacity() * sizeof(quint32);
}

} // namespace StateScope
