#include "stringinterner.h"

#include "bytewords.h"

#include <algorithm>
#include <bit>
#include <cstring>

namespace StateScope {

using namespace ByteWords;

namespace {

quint64 mixWord(quint64 h, quint64 w)
{
    h = (h ^ w) * 0x9E3779B97F4A7C15ULL;
    return h ^ (h >> 32);
}

} // namespace

quint64 StringInterner::hash(QByteArrayView key)
{
    // Whole words, the last one overlapping the one before, then a final mix; the length is
    // in the seed, so overlaps and padding cannot make two keys alike.
    const char *p = key.data();
    size_t n = size_t(key.size());
    quint64 h = 0xcbf29ce484222325ULL ^ (quint64(n) * 0xff51afd7ed558ccdULL);
    if (n > 8) {
        const char *last = p + n - 8;
        for (; p < last; p += 8)
            h = mixWord(h, load8(p));
        h = mixWord(h, load8(last));
    } else if (n >= 4) {
        h = mixWord(h, load4(p) | (quint64(load4(p + n - 4)) << 32));
    } else if (n > 0) {
        const auto *u = reinterpret_cast<const unsigned char *>(p);
        h = mixWord(h, u[0] | (quint64(u[n / 2]) << 8) | (quint64(u[n - 1]) << 16));
    }
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return h;
}

bool StringInterner::equals(quint32 id, QByteArrayView key) const
{
    const quint32 begin = m_offsets[id];
    return m_offsets[id + 1] - begin == size_t(key.size())
        && same(m_arena.data() + begin, key.data(), size_t(key.size()));
}

quint32 StringInterner::find(QByteArrayView utf8) const
{
    if (m_slots.empty())
        return kNotFound;
    const quint64 h = hash(utf8);
    const quint32 tag = tagOf(h);
    const size_t mask = m_slots.size() - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        const quint32 slot = m_slots[i];
        if (slot == 0)
            return kNotFound;
        if ((slot & ~m_idMask) == tag && equals((slot & m_idMask) - 1, utf8))
            return (slot & m_idMask) - 1;
    }
}

quint32 StringInterner::intern(QByteArrayView utf8)
{
    if ((size() + 1) * 2 > m_slots.size())
        rehash(m_slots.empty() ? 64 : m_slots.size() * 2);
    const quint64 h = hash(utf8);
    const quint32 tag = tagOf(h);
    const size_t mask = m_slots.size() - 1;
    size_t i = h & mask;
    for (;; i = (i + 1) & mask) {
        const quint32 slot = m_slots[i];
        if (slot == 0)
            break;
        if ((slot & ~m_idMask) == tag && equals((slot & m_idMask) - 1, utf8))
            return (slot & m_idMask) - 1;
    }
    const quint32 id = size();
    m_arena.insert(m_arena.end(), utf8.data(), utf8.data() + utf8.size());
    m_offsets.push_back(static_cast<quint32>(m_arena.size()));
    m_slots[i] = tag | (id + 1);
    return id;
}

void StringInterner::rehash(size_t slotCount)
{
    std::vector<quint32> table(slotCount, 0);
    const size_t mask = slotCount - 1;
    const int idBits = std::countr_zero(slotCount);
    m_idMask = idBits >= 32 ? ~quint32(0) : (quint32(1) << idBits) - 1;
    for (quint32 id = 0; id < size(); ++id) {
        const quint64 h = hash(view(id));
        size_t i = h & mask;
        while (table[i] != 0)
            i = (i + 1) & mask;
        table[i] = tagOf(h) | (id + 1);
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
    std::vector<char>().swap(m_arena); // the keys' memory goes back, as it always has
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
