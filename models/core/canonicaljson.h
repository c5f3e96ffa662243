#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

QT_BEGIN_NAMESPACE
class QJsonValue;
QT_END_NAMESPACE

namespace StateScope {

// Deepest nesting of arrays/objects accepted (64 levels pass, 65 fail); bounds
// the recursion so hostile input cannot exhaust the stack.
inline constexpr int canonicalJsonMaxDepth = 64;

struct CanonicalJsonResult
{
    QByteArray json;  // empty whenever error is set
    QString error;
    bool ok() const { return error.isEmpty(); }
};

// Parses UTF-8 JSON text (RFC 8259, strict: no BOM, no comments, no trailing
// commas, unique member names, no lone surrogates, finite numbers only) and
// returns its RFC 8785 (JCS) canonical form as UTF-8. Numbers too small for a
// double become 0 as in JSON.parse; numbers too large are an error.
CanonicalJsonResult canonicalizeJson(QByteArrayView utf8Json);

// Canonical form of an already parsed value. Returns an empty QByteArray if
// the value cannot be represented (undefined value, non-finite number, string
// containing a lone surrogate) or nests deeper than canonicalJsonMaxDepth, so
// it accepts exactly what canonicalizeJson() accepts. QJsonObject keys are
// unique by construction; numbers are IEEE 754 doubles (qint64 beyond 2^53
// loses precision, as in any JCS implementation).
QByteArray canonicalJson(const QJsonValue &value);

// ECMAScript Number.prototype.toString() formatting (RFC 8785 section 3.2.2.3).
// Returns an empty QByteArray for NaN and infinities.
QByteArray canonicalNumber(double value);

} // namespace StateScope
