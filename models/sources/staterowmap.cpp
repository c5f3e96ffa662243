#include "staterowmap.h"

#include <cstring>

namespace StateScope {

size_t StateRowMap::hash(QByteArrayView key)
{
    // Both halves: time-based uuids share their last eight bytes, random ones spread anywhere.
    quint64 a, b;
    std::memcpy(&a, key.data(), 8);
    std::memcpy(&b, key.data() + 8, 8);
    quint64 h = a * 0x9e3779b97f4a7c15ULL ^ (b + 0x632be59bd9b4e019ULL) * 0xff51afd7ed558ccdULL;
    h ^= h >> 32;
    return size_t(h);
}

void StateRowMap::makeRoom(bool inlineKeys)
{
    const size_t count = m_expected;
    m_expected = 0;
    if (!inlineKeys) {
        m_otherKeys.reserve(quint32(count));
        m_otherExecutions.reserve(count);
        return;
    }
    size_t slotCount = 64;
    while (slotCount * 4 < count * 5)
        slotCount *= 2;
    if (slotCount > m_slots.size())
        grow(slotCount);
}

void StateRowMap::grow(size_t slotCount)
{
    std::vector<Slot> old(slotCount);
    old.swap(m_slots);
    const size_t mask = m_slots.size() - 1;
    for (const Slot &s : old) {
        if (s.value == kNotFound)
            continue;
        size_t i = hash(QByteArrayView(s.key.data(), 16)) & mask;
        while (m_slots[i].value != kNotFound)
            i = (i + 1) & mask;
        m_slots[i] = s;
    }
}

bool StateRowMap::insert(QByteArrayView key, quint32 execution)
{
    if (m_expected > 0)
        makeRoom(key.size() == 16);
    if (key.size() != 16) {
        const quint32 id = m_otherKeys.intern(key);
        if (id < m_otherExecutions.size())
            return false;
        m_otherExecutions.push_back(execution);
        return true;
    }
    if ((m_count + 1) * 5 > m_slots.size() * 4)
        grow(m_slots.empty() ? 64 : m_slots.size() * 2);
    const size_t mask = m_slots.size() - 1;
    for (size_t i = hash(key) & mask;; i = (i + 1) & mask) {
        Slot &s = m_slots[i];
        if (s.value == kNotFound) {
            std::memcpy(s.key.data(), key.data(), 16);
            s.value = execution;
            ++m_count;
            return true;
        }
        if (std::memcmp(s.key.data(), key.data(), 16) == 0)
            return false;
    }
}

quint32 StateRowMap::find(QByteArrayView key) const
{
    if (key.size() != 16) {
        const quint32 id = m_otherKeys.find(key);
        return id == IdInterner::kNotFound ? kNotFound : m_otherExecutions[id];
    }
    if (m_slots.empty())
        return kNotFound;
    const size_t mask = m_slots.size() - 1;
    for (size_t i = hash(key) & mask;; i = (i + 1) & mask) {
        const Slot &s = m_slots[i];
        if (s.value == kNotFound)
            return kNotFound;
        if (std::memcmp(s.key.data(), key.data(), 16) == 0)
            return s.value;
    }
}

void StateRowMap::clear()
{
    std::vector<Slot>().swap(m_slots);
    m_count = 0;
    m_expected = 0;
    m_otherKeys.clear();
    std::vector<quint32>().swap(m_otherExecutions);
}

} // namespace StateScope
