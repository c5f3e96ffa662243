#include "idinterner.h"

#include <QtEndian>

#include <cstring>

namespace StateScope {

namespace {

// Eight lower-case hex digits, the first in the low byte, as their four bytes (the first pair
// in the low byte). Anything else, upper case included (an upper-case UUID would not format back
// to the same text), sets high bits in *bad. All eight at once (SWAR), inlined, one branch per
// id: ids are packed for every new execution and checkpoint of a log.
[[gnu::always_inline]] inline quint64 hexWord(quint64 x, quint64 *bad)
{
    constexpr quint64 ones = 0x0101010101010101ULL, high = 0x8080808080808080ULL;
    // For bytes below 0x80, adding up to 0x50 carries into no other byte (for others the result
    // is thrown away: they are bad already).
    const auto atLeast = [x](unsigned c) { return x + ones * (0x80 - c); }; // high bit: byte >= c
    const quint64 digit = atLeast('0') & ~atLeast('9' + 1);
    const quint64 letter = atLeast('a') & ~atLeast('f' + 1);
    *bad |= (x & high) | (((digit | letter) & high) ^ high);
    const quint64 nibbles = (x & (ones * 0x0f)) + ((letter & high) >> 7) * 9;
    // Pairs of nibbles into bytes, one per 16-bit lane, then the lanes' low bytes side by side.
    quint64 w = ((nibbles & 0x00ff00ff00ff00ffULL) << 4) | ((nibbles >> 8) & 0x00ff00ff00ff00ffULL);
    w = (w | (w >> 8)) & 0x0000ffff0000ffffULL;
    return (w | (w >> 16)) & 0xffffffffULL;
}

quint64 load8(const char *p)
{
    quint64 x;
    std::memcpy(&x, p, 8);
    return qFromLittleEndian(x);
}

quint64 load4x2(const char *p, const char *q)
{
    quint32 lo, hi;
    std::memcpy(&lo, p, 4);
    std::memcpy(&hi, q, 4);
    return qFromLittleEndian(lo) | quint64(qFromLittleEndian(hi)) << 32;
}

} // namespace

QByteArrayView IdInterner::key(QByteArrayView id, char (&buffer)[17])
{
    // "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx": 8 digits, then 4+4, 4+4 and 8 more.
    const char *p = id.data();
    if (id.size() != 36 || p[8] != '-' || p[13] != '-' || p[18] != '-' || p[23] != '-')
        return id;
    quint64 bad = 0;
    const quint64 first = hexWord(load8(p), &bad) | hexWord(load4x2(p + 9, p + 14), &bad) << 32;
    const quint64 second = hexWord(load4x2(p + 19, p + 24), &bad) | hexWord(load8(p + 28), &bad) << 32;
    if (bad)
        return id;
    buffer[0] = '\0';
    const quint64 bytes[2] = {qToLittleEndian(first), qToLittleEndian(second)};
    std::memcpy(buffer + 1, bytes, 16);
    return QByteArrayView(buffer, 17);
}

quint32 IdInterner::intern(QByteArrayView id)
{
    char buffer[17];
    return m_keys.intern(key(id, buffer));
}

quint32 IdInterner::find(QByteArrayView id) const
{
    char buffer[17];
    return m_keys.find(key(id, buffer));
}

QByteArray IdInterner::utf8(quint32 index) const
{
    const QByteArrayView k = m_keys.view(index);
    if (k.size() != 17 || k[0] != '\0')
        return k.toByteArray();
    static constexpr char kHex[] = "0123456789abcdef";
    QByteArray text(36, '-');
    int pos = 0;
    for (int i = 1; i < 17; ++i) {
        if (pos == 8 || pos == 13 || pos == 18 || pos == 23)
            ++pos;
        const auto byte = static_cast<unsigned char>(k[i]);
        text[pos++] = kHex[byte >> 4];
        text[pos++] = kHex[byte & 15];
    }
    return text;
}

} // namespace StateScope
