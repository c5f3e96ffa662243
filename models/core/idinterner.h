#pragma once

#include "stringinterner.h"

namespace StateScope {

// Interns record ids (execution, checkpoint, row ids) compactly: a canonical lower-case UUID,
// the usual id of the schema, is kept as 17 bytes instead of 36 (a NUL marker, which text ids
// never contain, and its 16 bytes); any other id is kept as its text. The round trip is exact
// because only ids that format back to the same text are packed.
class IdInterner final
{
public:
    static constexpr quint32 kNotFound = StringInterner::kNotFound;

    quint32 intern(QByteArrayView id);
    quint32 find(QByteArrayView id) const;
    void prefetch(QByteArrayView id) const
    {
        char buffer[17];
        m_keys.prefetch(key(id, buffer));
    }
    QByteArray utf8(quint32 index) const;
    QString string(quint32 index) const { return QString::fromUtf8(utf8(index)); } // ids from logs may be any text
    quint32 size() const { return m_keys.size(); }
    void reserve(quint32 count) { m_keys.reserve(count, qsizetype(count) * 17); }
    void clear() { m_keys.clear(); }
    size_t memoryBytes() const { return m_keys.memoryBytes(); }
    size_t usedBytes() const { return m_keys.usedBytes(); }
    std::vector<quint32> retain(const std::vector<bool> &keep) { return m_keys.retain(keep); }

    // The packed key of an id (a view of `buffer` when packed, else of `id`).
    static QByteArrayView key(QByteArrayView id, char (&buffer)[17]);

private:
    StringInterner m_keys;
};

} // namespace StateScope
