#include "timeutil.h"

#include <cmath>
#include <cstdio>
#include <cstring>

namespace StateScope::TimeUtil {

namespace {

// Days from 1970-01-01 to the given civil date (proleptic Gregorian), H. Hinnant's algorithm.
constexpr qint64 daysFromCivil(qint64 y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<qint64>(doe) - 719468;
}

bool readDigits(const char *&p, const char *end, int count, int *value)
{
    int v = 0;
    for (int i = 0; i < count; ++i) {
        if (p == end || *p < '0' || *p > '9')
            return false;
        v = v * 10 + (*p++ - '0');
    }
    *value = v;
    return true;
}

bool expect(const char *&p, const char *end, char c)
{
    if (p == end || *p != c)
        return false;
    ++p;
    return true;
}

// The digit at p[i] as 0..255: anything but a digit comes out above 9, so that d + 6 stays
// below 16 exactly for digits (one OR then tests many without a branch each).
inline unsigned digitAt(const char *p, int i)
{
    return unsigned(static_cast<unsigned char>(p[i] - '0'));
}

// The date of a canonical time, "2026-01-01". Logs repeat one date for long stretches: the
// last one read is remembered (per thread), which spares its checks and the day count.
inline bool canonicalDate(const char *p, qint64 *days)
{
    thread_local struct
    {
        char text[10] = {}; // all NUL at first: never equal to a date
        qint64 days = 0;
    } last;
    if (std::memcmp(p, last.text, sizeof last.text) == 0) {
        *days = last.days;
        return true;
    }
    const auto d = [p](int i) { return digitAt(p, i); };
    const unsigned y0 = d(0), y1 = d(1), y2 = d(2), y3 = d(3), mo0 = d(5), mo1 = d(6), d0 = d(8), d1 = d(9);
    if (((y0 + 6) | (y1 + 6) | (y2 + 6) | (y3 + 6) | (mo0 + 6) | (mo1 + 6) | (d0 + 6) | (d1 + 6)) > 15
        || p[4] != '-' || p[7] != '-')
        return false;
    const int year = int(y0 * 1000 + y1 * 100 + y2 * 10 + y3);
    const unsigned month = mo0 * 10 + mo1, day = d0 * 10 + d1;
    static constexpr unsigned kDaysInMonth[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month - 1 > 11 || day - 1 >= kDaysInMonth[month - 1])
        return false; // bad dates: the general parser decides
    if (month == 2 && day == 29 && !((year % 4 == 0 && year % 100 != 0) || year % 400 == 0))
        return false;
    *days = daysFromCivil(year, month, day);
    std::memcpy(last.text, p, sizeof last.text);
    last.days = *days;
    return true;
}

// "2026-01-01T00:00:00.000Z", the form the store, the feeds and most logs write, read without
// the general parser's branches (about 12 ns instead of 20 on the reference machine).
inline bool parseCanonical(const char *p, TimeMs *out)
{
    const auto d = [p](int i) { return digitAt(p, i); };
    const unsigned h0 = d(11), h1 = d(12), mi0 = d(14), mi1 = d(15), s0 = d(17), s1 = d(18), f0 = d(20), f1 = d(21),
                   f2 = d(22);
    if (((h0 + 6) | (h1 + 6) | (mi0 + 6) | (mi1 + 6) | (s0 + 6) | (s1 + 6) | (f0 + 6) | (f1 + 6) | (f2 + 6)) > 15)
        return false;
    if (p[10] != 'T' || p[13] != ':' || p[16] != ':' || p[19] != '.' || p[23] != 'Z')
        return false;
    const unsigned hour = h0 * 10 + h1, minute = mi0 * 10 + mi1, second = s0 * 10 + s1;
    qint64 days = 0;
    if (hour > 23 || minute > 59 || second > 59 || !canonicalDate(p, &days))
        return false; // leap seconds and bad dates: the general parser decides
    *out = ((days * 24 + hour) * 60 + minute) * 60000LL + second * 1000LL + f0 * 100 + f1 * 10 + f2;
    return true;
}

// One body for both public overloads, forced inline into each: the feed parser's path (no
// hasZone) then pays nothing for the CSV reader's question (measured: without it, GCC 12 calls
// a shared copy and the non-canonical forms get ~10 % slower).
[[gnu::always_inline]] inline bool parseTime(QByteArrayView text, TimeMs *out, bool *hasZone)
{
    const char *p = text.data();
    const char *end = p + text.size();
    while (p != end && *p == ' ')
        ++p;
    while (end != p && (end[-1] == ' ' || end[-1] == '\n' || end[-1] == '\r'))
        --end;
    if (p == end)
        return false;
    if (end - p == 24 && parseCanonical(p, out)) {
        if (hasZone)
            *hasZone = true;
        return true;
    }

    // Integer epoch milliseconds.
    bool digitsOnly = true;
    for (const char *q = (*p == '-' ? p + 1 : p); q != end; ++q) {
        if (*q < '0' || *q > '9') {
            digitsOnly = false;
            break;
        }
    }
    if (digitsOnly && (end - p) > (*p == '-' ? 1 : 0) && (end - p) <= 19) {
        bool ok = false;
        const qint64 v = QByteArrayView(p, end - p).toLongLong(&ok);
        if (!ok)
            return false;
        *out = v;
        if (hasZone)
            *hasZone = true;
        return true;
    }

    int year, month, day, hour, minute, second = 0;
    if (!readDigits(p, end, 4, &year) || !expect(p, end, '-') || !readDigits(p, end, 2, &month)
        || !expect(p, end, '-') || !readDigits(p, end, 2, &day))
        return false;
    if (p == end || (*p != 'T' && *p != 't' && *p != ' '))
        return false;
    ++p;
    if (!readDigits(p, end, 2, &hour) || !expect(p, end, ':') || !readDigits(p, end, 2, &minute))
        return false;
    bool hasSeconds = false;
    if (p != end && *p == ':') {
        ++p;
        if (!readDigits(p, end, 2, &second))
            return false;
        hasSeconds = true;
    }
    int millis = 0;
    if (hasSeconds && p != end && (*p == '.' || *p == ',')) {
        ++p;
        int digits = 0;
        while (p != end && *p >= '0' && *p <= '9') {
            if (digits < 3)
                millis = millis * 10 + (*p - '0');
            ++digits;
            ++p;
        }
        if (digits == 0)
            return false;
        for (int i = digits; i < 3; ++i)
            millis *= 10;
    }
    while (p != end && *p == ' ')
        ++p;
    int offsetMinutes = 0;
    const bool zoned = p != end;
    if (p != end) {
        if (*p == 'Z' || *p == 'z') {
            ++p;
        } else if (*p == '+' || *p == '-') {
            const int sign = *p == '-' ? -1 : 1;
            ++p;
            int oh = 0, om = 0;
            if (!readDigits(p, end, 2, &oh))
                return false;
            if (p != end && *p == ':') { // "+05:" needs its minutes
                ++p;
                if (!readDigits(p, end, 2, &om))
                    return false;
            } else if (p != end && !readDigits(p, end, 2, &om)) {
                return false;
            }
            if (oh > 23 || om > 59)
                return false;
            offsetMinutes = sign * (oh * 60 + om);
        } else if (end - p == 3 && QByteArrayView(p, 3) == "UTC") {
            p = end;
        }
    }
    if (p != end)
        return false;
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60)
        return false;
    static constexpr int kDaysInMonth[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (day > kDaysInMonth[month - 1])
        return false;
    if (month == 2 && day == 29 && !((year % 4 == 0 && year % 100 != 0) || year % 400 == 0))
        return false;
    if (second == 60) // leap second: the instant is the end of that minute
        second = 59, millis = 999;
    const qint64 days = daysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
    *out = ((days * 24 + hour) * 60 + minute - offsetMinutes) * 60000LL + second * 1000LL + millis;
    if (hasZone)
        *hasZone = zoned;
    return true;
}

} // namespace

bool parse(QByteArrayView text, TimeMs *out)
{
    return parseTime(text, out, nullptr);
}

bool parse(QByteArrayView text, TimeMs *out, bool *hasZone)
{
    return parseTime(text, out, hasZone);
}

bool parse(QStringView text, TimeMs *out)
{
    return parse(QByteArrayView(text.toLatin1()), out);
}

QByteArray formatUtc(TimeMs ms)
{
    // Hand-rolled: writers format millions of timestamps and QDateTime costs ~1 us each.
    // Floor division by a day without negating ms, which overflows near the int64 limits (an
    // integer timestamp cell can hold any value, and it must still show).
    qint64 days = ms / 86400000;
    qint64 rest = ms % 86400000;
    if (rest < 0) {
        rest += 86400000;
        --days;
    }
    // civil_from_days, H. Hinnant
    days += 719468;
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const unsigned doe = unsigned(days - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned day = doy - (153 * mp + 2) / 5 + 1;
    const unsigned month = mp < 10 ? mp + 3 : mp - 9;
    const qint64 year = qint64(yoe) + era * 400 + (month <= 2);
    const int hour = int(rest / 3600000);
    rest %= 3600000;
    const int minute = int(rest / 60000);
    rest %= 60000;
    char buffer[32];
    const int n = std::snprintf(buffer, sizeof buffer, "%04lld-%02u-%02uT%02d:%02d:%02d.%03dZ", static_cast<long long>(year),
                                month, day, hour, minute, int(rest / 1000), int(rest % 1000));
    return QByteArray(buffer, n);
}

QString formatUtcString(TimeMs ms)
{
    return QString::fromLatin1(formatUtc(ms));
}

QString formatDuration(double ms)
{
    if (std::isnan(ms))
        return QStringLiteral("-");
    if (ms < 0)
        return QLatin1Char('-') + formatDuration(-ms);
    // Pick the unit from the value as it will be shown, so 59,970 ms reads "1 min 00 s".
    if (std::llround(ms) < 1000)
        return QString::number(std::llround(ms)) + QStringLiteral(" ms");
    const double tenths = std::round(ms / 100.0) / 10.0;
    if (tenths < 60.0)
        return QString::number(tenths, 'f', 1) + QStringLiteral(" s");
    const qint64 total = std::llround(ms / 1000.0);
    if (total < 3600)
        return QStringLiteral("%1 min %2 s").arg(total / 60).arg(total % 60, 2, 10, QLatin1Char('0'));
    if (total < 86400)
        return QStringLiteral("%1 h %2 min").arg(total / 3600).arg((total % 3600) / 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1 d %2 h").arg(total / 86400).arg((total % 86400) / 3600);
}

} // namespace StateScope::TimeUtil
