#include "idinterner.h"

#include <array>

namespace StateScope {

namespace {
// Hex digit value of each byte, 0xff for anything else: upper case included, since an upper-
// case UUID would not format back to the same text.
constexpr std::array<quint8, 256> kNibble = [] {
    std::array<quint8, 256> t{};
    t.fill(0xff);
    for (int c = '0'; c <= '9'; ++c)
        t[size_t(c)] = quint8(c - '0');
    for (int c = 'a'; c <= 'f'; ++c)
        t[size_t(c)] = quint8(c - 'a' + 10);
    return t;
}();
// Offsets of the 16 byte pairs in "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx".
constexpr int kPairs[16] = {0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34};
} // namespace

QByteArrayView IdInterner::key(QByteArrayView id, char (&buffer)[17])
{
    if (id.size() != 36 || id[8] != '-' || id[13] != '-' || id[18] != '-' || id[23] != '-')
        return id;
    const auto *p = reinterpret_cast<const unsigned char *>(id.data());
    unsigned bad = 0;
    buffer[0] = '\0';
    for (int i = 0; i < 16; ++i) {
        const unsigned hi = kNibble[p[kPairs[i]]];
        const unsigned lo = kNibble[p[kPairs[i] + 1]];
        bad |= hi | lo; // any 0xff sets the high bits
        buffer[i + 1] = char((hi << 4) | (lo & 15));
    }
    return bad > 15 ? id : QByteArrayView(buffer, 17);
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
