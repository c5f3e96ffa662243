#include "canonicaljson.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QStringList>

#include <algorithm>
#include <charconv>
#include <cmath>

namespace StateScope {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// RFC 8785 3.2.3 orders member names by UTF-16 code units; spelled out rather
// than relying on how QString::operator< happens to be implemented.
bool utf16Less(QStringView a, QStringView b)
{
    return std::lexicographical_compare(a.utf16(), a.utf16() + a.size(),
                                        b.utf16(), b.utf16() + b.size());
}

// RFC 8785 3.2.2.2: the two-character escapes of ECMAScript's JSON.stringify,
// \u00xx (lower case) for the other controls, everything else literal UTF-8.
// Fails on a lone surrogate, which has no UTF-8 form (toUtf8() would silently
// substitute U+FFFD).
bool appendString(QByteArray *out, QStringView s)
{
    for (qsizetype i = 0; i < s.size(); ++i) {
        if (s[i].isHighSurrogate() && i + 1 < s.size() && s[i + 1].isLowSurrogate())
            ++i;
        else if (s[i].isSurrogate())
            return false;
    }
    static constexpr QByteArrayView escaped("\"\\\b\f\n\r\t");
    static constexpr QByteArrayView replacement("\"\\bfnrt");
    static constexpr char hexDigits[] = "0123456789abcdef";
    *out += '"';
    qsizetype literalStart = 0;
    for (qsizetype i = 0; i < s.size(); ++i) {
        const char16_t unit = s[i].unicode();
        if (unit >= 0x20 && unit != u'"' && unit != u'\\')
            continue;
        *out += s.sliced(literalStart, i - literalStart).toUtf8();
        literalStart = i + 1;
        *out += '\\';
        const qsizetype simple = escaped.indexOf(char(unit));
        if (simple >= 0) {
            *out += replacement.at(simple);
        } else {
            *out += "u00";
            *out += hexDigits[unit >> 4];
            *out += hexDigits[unit & 0xF];
        }
    }
    *out += s.sliced(literalStart).toUtf8();
    *out += '"';
    return true;
}

bool appendValue(QByteArray *out, const QJsonValue &value, int depth)
{
    switch (value.type()) {
    case QJsonValue::Null: *out += "null"; return true;
    case QJsonValue::Bool: *out += value.toBool() ? "true" : "false"; return true;
    case QJsonValue::String: return appendString(out, value.toString());
    case QJsonValue::Double: {
        const QByteArray number = canonicalNumber(value.toDouble());
        *out += number;
        return !number.isEmpty();
    }
    case QJsonValue::Array: {
        if (depth >= canonicalJsonMaxDepth)
            return false;
        const QJsonArray array = value.toArray();
        *out += '[';
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (i > 0)
                *out += ',';
            if (!appendValue(out, array.at(i), depth + 1))
                return false;
        }
        *out += ']';
        return true;
    }
    case QJsonValue::Object: {
        if (depth >= canonicalJsonMaxDepth)
            return false;
        const QJsonObject object = value.toObject();
        QStringList names = object.keys();
        std::sort(names.begin(), names.end(), utf16Less);
        *out += '{';
        for (qsizetype i = 0; i < names.size(); ++i) {
            if (i > 0)
                *out += ',';
            if (!appendString(out, names.at(i)))
                return false;
            *out += ':';
            if (!appendValue(out, object.value(names.at(i)), depth + 1))
                return false;
        }
        *out += '}';
        return true;
    }
    case QJsonValue::Undefined:
        break;
    }
    return false;
}

// Strict RFC 8259 recursive-descent parser that emits the canonical form as it
// goes. QJsonDocument is not used because it silently keeps one of several
// duplicate member names, which JCS forbids, and would only be re-walked here.
class Parser
{
public:
    explicit Parser(QByteArrayView text)
        : m_begin(text.data()), m_pos(text.data()), m_end(text.data() + text.size())
    {}

    bool parseDocument(QByteArray *out)
    {
        skipWhitespace();
        if (!parseValue(out, 0))
            return false;
        skipWhitespace();
        return atEnd() || fail(QStringLiteral("invalid JSON: unexpected data after the value"));
    }

    QString error() const { return m_error; }

private:
    struct Member
    {
        QString name;
        QByteArray value; // already canonical
        qsizetype offset = 0;
    };

    bool fail(const QString &message)
    {
        m_error = QStringLiteral("%1 (at byte offset %2)").arg(message).arg(m_pos - m_begin);
        return false;
    }

    bool atEnd() const { return m_pos == m_end; }

    bool consume(char c)
    {
        if (atEnd() || *m_pos != c)
            return false;
        ++m_pos;
        return true;
    }

    void skipWhitespace()
    {
        while (!atEnd() && (*m_pos == ' ' || *m_pos == '\t' || *m_pos == '\n' || *m_pos == '\r'))
            ++m_pos;
    }

    qsizetype skipDigits()
    {
        const char *start = m_pos;
        while (!atEnd() && isDigit(*m_pos))
            ++m_pos;
        return m_pos - start;
    }

    bool parseValue(QByteArray *out, int depth)
    {
        if (atEnd())
            return fail(QStringLiteral("invalid JSON: unexpected end of input"));
        switch (*m_pos) {
        case '{':
        case '[': return parseContainer(out, depth);
        case 't': return parseLiteral("true", out);
        case 'f': return parseLiteral("false", out);
        case 'n': return parseLiteral("null", out);
        case '"': {
            QString s;
            return parseString(&s) && appendString(out, s); // lone surrogates already rejected
        }
        default:
            if (*m_pos == '-' || isDigit(*m_pos))
                return parseNumber(out);
            return fail(QStringLiteral("invalid JSON: unexpected character"));
        }
    }

    bool parseLiteral(QByteArrayView word, QByteArray *out)
    {
        if (!QByteArrayView(m_pos, m_end - m_pos).startsWith(word))
            return fail(QStringLiteral("invalid JSON: unknown literal"));
        m_pos += word.size();
        *out += word;
        return true;
    }

    // Objects and arrays share the separator logic. Array elements are written
    // straight away; object members are collected and sorted first.
    bool parseContainer(QByteArray *out, int depth)
    {
        if (depth >= canonicalJsonMaxDepth)
            return fail(QStringLiteral("nesting deeper than %1 levels").arg(canonicalJsonMaxDepth));
        const bool isObject = *m_pos == '{';
        const char close = isObject ? '}' : ']';
        *out += *m_pos++;
        QList<Member> members;
        skipWhitespace();
        for (bool first = true; !consume(close); first = false) {
            if (!first && !consume(','))
                return fail(QStringLiteral("invalid JSON: expected ',' or '%1'").arg(QLatin1Char(close)));
            skipWhitespace();
            if (isObject) {
                Member &member = members.emplaceBack();
                if (!parseMemberName(&member) || !parseValue(&member.value, depth + 1))
                    return false;
            } else {
                if (!first)
                    *out += ',';
                if (!parseValue(out, depth + 1))
                    return false;
            }
            skipWhitespace();
        }
        if (isObject && !appendMembers(out, &members))
            return false;
        *out += close;
        return true;
    }

    bool parseMemberName(Member *member)
    {
        member->offset = m_pos - m_begin;
        if (atEnd() || *m_pos != '"')
            return fail(QStringLiteral("invalid JSON: expected a member name"));
        if (!parseString(&member->name))
            return false;
        skipWhitespace();
        if (!consume(':'))
            return fail(QStringLiteral("invalid JSON: expected ':'"));
        skipWhitespace();
        return true;
    }

    bool appendMembers(QByteArray *out, QList<Member> *members)
    {
        // Stable, so of two equal names the later one in the text is reported.
        std::stable_sort(members->begin(), members->end(), [](const Member &a, const Member &b) {
            return utf16Less(a.name, b.name);
        });
        for (qsizetype i = 0; i < members->size(); ++i) {
            const Member &member = members->at(i);
            if (i > 0) {
                if (member.name == members->at(i - 1).name) {
                    m_pos = m_begin + member.offset;
                    return fail(QStringLiteral("duplicate member name \"%1\"").arg(member.name));
                }
                *out += ',';
            }
            appendString(out, member.name);
            *out += ':';
            *out += member.value;
        }
        return true;
    }

    bool parseNumber(QByteArray *out)
    {
        const char *start = m_pos;
        consume('-');
        const char *integerStart = m_pos;
        if (!consume('0') && skipDigits() == 0)
            return fail(QStringLiteral("invalid JSON: invalid number"));
        // Rough decimal order of magnitude: std::from_chars reports underflow
        // and overflow alike as out of range, but only overflow is an error
        // (JSON.parse turns underflow into 0). Off by one at most, which cannot
        // matter near 1e-324 or 1e308.
        qint64 magnitude = *integerStart == '0' ? 0 : m_pos - integerStart;
        if (consume('.')) {
            const char *fractionStart = m_pos;
            if (skipDigits() == 0)
                return fail(QStringLiteral("invalid JSON: expected a digit after '.'"));
            if (magnitude == 0)
                magnitude = fractionStart - std::find_if(fractionStart, m_pos, [](char c) { return c != '0'; });
        }
        if (consume('e') || consume('E')) {
            const bool negative = consume('-');
            if (!negative)
                consume('+');
            const char *exponentStart = m_pos;
            if (skipDigits() == 0)
                return fail(QStringLiteral("invalid JSON: expected a digit in the exponent"));
            qint64 exponent = 0;
            for (const char *p = exponentStart; p != m_pos && exponent < 1000000000; ++p)
                exponent = exponent * 10 + (*p - '0'); // saturates; only the size matters
            magnitude += negative ? -exponent : exponent;
        }
        double value = 0;
        const auto [ptr, ec] = std::from_chars(start, m_pos, value);
        if (ec == std::errc::result_out_of_range && magnitude < 0) {
            value = 0;
        } else if (ec != std::errc() || ptr != m_pos || !std::isfinite(value)) {
            m_pos = start;
            return fail(QStringLiteral("non-finite number (outside the IEEE 754 double range)"));
        }
        *out += canonicalNumber(value);
        return true;
    }

    bool parseHex4(char16_t *unit)
    {
        if (m_end - m_pos < 4)
            return fail(QStringLiteral("invalid JSON: truncated \\u escape"));
        *unit = 0;
        for (const char *last = m_pos + 4; m_pos != last; ++m_pos) {
            const auto digit = QByteArrayView("0123456789abcdefABCDEF").indexOf(*m_pos);
            if (digit < 0)
                return fail(QStringLiteral("invalid JSON: invalid hex digit in \\u escape"));
            *unit = char16_t(*unit * 16 + (digit < 16 ? digit : digit - 6));
        }
        return true;
    }

    bool parseEscape(QString *s)
    {
        static constexpr QByteArrayView escaped("\"\\/bfnrt");
        static constexpr QByteArrayView decoded("\"\\/\b\f\n\r\t");
        const char *start = m_pos++;
        const qsizetype simple = atEnd() ? -1 : escaped.indexOf(*m_pos);
        if (simple >= 0) {
            ++m_pos;
            s->append(QLatin1Char(decoded.at(simple)));
            return true;
        }
        if (!consume('u'))
            return fail(QStringLiteral("invalid JSON: invalid escape sequence"));
        char16_t unit = 0;
        if (!parseHex4(&unit))
            return false;
        if (QChar::isHighSurrogate(unit) && QByteArrayView(m_pos, m_end - m_pos).startsWith("\\u")) {
            m_pos += 2;
            char16_t low = 0; // set by parseHex4 (GCC 12 -O2 cannot tell)
            if (!parseHex4(&low))
                return false;
            if (QChar::isLowSurrogate(low)) {
                s->append(QChar(unit));
                s->append(QChar(low));
                return true;
            }
        }
        if (QChar::isSurrogate(unit)) {
            m_pos = start;
            return fail(QStringLiteral("lone surrogate \\u%1 in string").arg(int(unit), 4, 16, QLatin1Char('0')));
        }
        s->append(QChar(unit));
        return true;
    }

    // Strict UTF-8: rejects overlong forms, encoded surrogates and code points
    // beyond U+10FFFF instead of substituting U+FFFD as QString::fromUtf8 does.
    bool parseUtf8(QString *s)
    {
        static constexpr char32_t minimum[] = {0, 0, 0x80, 0x800, 0x10000};
        const auto lead = uchar(*m_pos);
        const int length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
        if (lead < 0xC2 || lead > 0xF4)
            return fail(QStringLiteral("invalid UTF-8"));
        if (m_end - m_pos < length)
            return fail(QStringLiteral("invalid UTF-8: truncated sequence"));
        char32_t codePoint = lead & (0x7F >> length);
        for (int i = 1; i < length; ++i) {
            const auto byte = uchar(m_pos[i]);
            if ((byte & 0xC0) != 0x80)
                return fail(QStringLiteral("invalid UTF-8"));
            codePoint = (codePoint << 6) | (byte & 0x3F);
        }
        if (codePoint < minimum[length] || codePoint > 0x10FFFF || QChar::isSurrogate(codePoint))
            return fail(QStringLiteral("invalid UTF-8"));
        m_pos += length;
        s->append(QStringView(QChar::fromUcs4(codePoint)));
        return true;
    }

    bool parseString(QString *out)
    {
        ++m_pos; // opening quote
        for (;;) {
            if (atEnd())
                return fail(QStringLiteral("invalid JSON: unterminated string"));
            const auto c = uchar(*m_pos);
            if (c == '"')
                break;
            if (c < 0x20)
                return fail(QStringLiteral("invalid JSON: unescaped control character in string"));
            if (c == '\\') {
                if (!parseEscape(out))
                    return false;
            } else if (c < 0x80) {
                out->append(QLatin1Char(char(c)));
                ++m_pos;
            } else if (!parseUtf8(out)) {
                return false;
            }
        }
        ++m_pos; // closing quote
        return true;
    }

    const char *m_begin;
    const char *m_pos;
    const char *m_end;
    QString m_error;
};

} // namespace

CanonicalJsonResult canonicalizeJson(QByteArrayView utf8Json)
{
    Parser parser(utf8Json);
    QByteArray json;
    if (!parser.parseDocument(&json))
        return {{}, parser.error()};
    return {json, {}};
}

QByteArray canonicalJson(const QJsonValue &value)
{
    QByteArray json;
    return appendValue(&json, value, 0) ? json : QByteArray();
}

QByteArray canonicalNumber(double value)
{
    if (!std::isfinite(value))
        return {};
    if (value == 0) // also -0, which ECMAScript prints as "0"
        return QByteArrayLiteral("0");

    const QByteArray sign = value < 0 ? QByteArrayLiteral("-") : QByteArray();
    // Shortest round-trip digits with ties resolved to the closest value:
    // exactly the k and s that ECMAScript's Number::toString asks for.
    char buffer[32];
    char *end = std::to_chars(buffer, buffer + sizeof buffer, std::abs(value),
                              std::chars_format::scientific).ptr;
    const char *exponentMark = std::find(buffer, end, 'e'); // "d[.ddd]e±x"
    QByteArray digits(buffer, exponentMark - buffer);
    if (digits.size() > 1)
        digits.remove(1, 1);
    const auto k = int(digits.size());
    const int n = QByteArrayView(exponentMark + 1, end).toInt() + 1; // value = 0.digits * 10^n

    // ECMA-262 Number::toString steps.
    if (k <= n && n <= 21)
        return sign + digits + QByteArray(n - k, '0');
    if (0 < n && n <= 21)
        return sign + digits.left(n) + '.' + digits.mid(n);
    if (-6 < n && n <= 0)
        return sign + "0." + QByteArray(-n, '0') + digits;
    const QByteArray mantissa = k == 1 ? digits : digits.left(1) + '.' + digits.mid(1);
    return sign + mantissa + (n >= 1 ? "e+" : "e-") + QByteArray::number(std::abs(n - 1));
}

} // namespace StateScope
