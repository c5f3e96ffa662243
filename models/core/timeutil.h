#pragma once

#include <QByteArrayView>
#include <QString>

#include <cstdint>
#include <limits>

namespace StateScope {

// Milliseconds since the Unix epoch, UTC. The store keeps every timestamp in this form.
using TimeMs = qint64;
inline constexpr TimeMs kUnknownTime = std::numeric_limits<qint64>::min();

namespace TimeUtil {

// Parses RFC 3339 and the common variants found in databases and logs: 'T' or space between
// date and time, optional fractional seconds (any number of digits, truncated to ms), 'Z',
// '+HH:MM', '+HHMM', '+HH' or no zone (taken as UTC). A string of digits only is epoch ms.
// Returns false (and leaves *out alone) for anything else.
bool parse(QByteArrayView text, TimeMs *out);
bool parse(QStringView text, TimeMs *out);
// The same, and *hasZone says whether the text named its zone (epoch ms count as zoned), so a
// reader can tell the user that zone-less times were taken as UTC.
bool parse(QByteArrayView text, TimeMs *out, bool *hasZone);

// "2026-01-01T00:00:00.000Z"
QByteArray formatUtc(TimeMs ms);
QString formatUtcString(TimeMs ms);

// Human duration for reports: "850 ms", "12.3 s", "4 min 05 s", "2 h 10 min", "3 d 4 h".
QString formatDuration(double ms);

} // namespace TimeUtil
} // namespace StateScope
