#pragma once

#include "bytewords.h"

#include <QByteArrayView>

#include <cstring>
#include <vector>

namespace StateScope {

// The indices of the ids seen last, by their text. Logs and feeds interleave the events of the
// executions in flight (thousands): this answers most lookups without a probe into an id table
// of millions. Direct-mapped, so its memory is bounded (768 KiB, taken on first use); only ids
// of 8 to 40 bytes are kept (fits()).
class RecentIds final
{
public:
    static bool fits(qsizetype size) { return size >= 8 && size <= qsizetype(sizeof(Slot::text)); }

    struct Slot
    {
        quint32 size = 0; // 0: free
        quint32 index = 0;
        char text[40];
        bool holds(QByteArrayView id) const
        {
            return size == size_t(id.size()) && ByteWords::same(text, id.data(), size_t(id.size()));
        }
        void remember(QByteArrayView id, quint32 value)
        {
            size = quint32(id.size());
            index = value;
            std::memcpy(text, id.data(), size_t(id.size()));
        }
    };

    // The slot of `id`, which must fit(): it holds it, or is where to remember it.
    Slot &slot(QByteArrayView id)
    {
        if (m_slots.empty())
            m_slots.resize(kSlots);
        return m_slots[ByteWords::endsHash(id.data(), size_t(id.size())) % kSlots];
    }
    // Starts fetching the slot of `id` (when there are slots yet).
    void prefetch(QByteArrayView id) const
    {
        if (!m_slots.empty() && fits(id.size()))
            __builtin_prefetch(&m_slots[ByteWords::endsHash(id.data(), size_t(id.size())) % kSlots]);
    }
    void release() { std::vector<Slot>().swap(m_slots); }

private:
    static constexpr size_t kSlots = 16384;
    std::vector<Slot> m_slots;
};

} // namespace StateScope
