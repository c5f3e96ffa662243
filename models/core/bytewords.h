#pragma once

#include <QtGlobal>

#include <cstring>

// Short byte strings (ids, state names) read and compared a word at a time: at these sizes a
// libc memcmp call costs more than the comparison.
namespace StateScope::ByteWords {

inline quint64 load8(const char *p)
{
    quint64 v;
    std::memcpy(&v, p, 8);
    return v;
}

inline quint32 load4(const char *p)
{
    quint32 v;
    std::memcpy(&v, p, 4);
    return v;
}

// a[0, n) == b[0, n); the last word overlaps the one before it.
inline bool same(const char *a, const char *b, size_t n)
{
    if (n >= 8) {
        quint64 diff = load8(a + n - 8) ^ load8(b + n - 8);
        for (size_t i = 0; i + 8 < n; i += 8)
            diff |= load8(a + i) ^ load8(b + i);
        return diff == 0;
    }
    if (n >= 4)
        return ((load4(a) ^ load4(b)) | (load4(a + n - 4) ^ load4(b + n - 4))) == 0;
    for (size_t i = 0; i < n; ++i) {
        if (a[i] != b[i])
            return false;
    }
    return true;
}

// A quick hash of a short string from its first and last 8 bytes and its size, for small
// direct-mapped caches of recent names (not for tables that must spread adversarial keys).
inline quint64 endsHash(const char *p, size_t n)
{
    quint64 head = 0, tail = 0;
    if (n > 0)
        std::memcpy(&head, p, n < 8 ? n : 8);
    if (n > 8)
        tail = load8(p + n - 8);
    const quint64 h = (head * 0x9E3779B97F4A7C15ULL) ^ (tail * 0xC2B2AE3D27D4EB4FULL) ^ n;
    return h ^ (h >> 29);
}

} // namespace StateScope::ByteWords
