#include "idinterner.h"

namespace StateScope {

namespace {
int nibble(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1; // upper case too: it would not format back to the same text
}
} // namespace

QByteArrayView IdInterner::key(QByteArrayView id, char (&buffer)[17])
{
    if (id.size() != 36 || id[8] != '-' || id[13] != '-' || id[18] != '-' || id[23] != '-')
        return id;
    buffer[0] = '\0';
    int out = 1;
    for (qsizetype i = 0; i < 36; i += 2) {
        if (id[i] == '-')
            ++i;
        const int hi = nibble(id[i]);
        const int lo = nibble(id[i + 1]);
        if (hi < 0 || lo < 0)
            return id;
        buffer[out++] = char(hi << 4 | lo);
    }
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
