#include "timeutil.h"

#include <cmath>
#include <cstdio>

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

} // namespace

bool parse(QByteArrayView text, TimeMs *out)
{
    const char *p = text.data();
    const char *end = p + text.size();
    while (p != end && *p == ' ')
        ++p;
    while (end != p && (end[-1] == ' ' || end[-1] == '\n' || end[-1] == '\r'))
        --end;
    if (p == end)
        return false;

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
    return true;
}

bool parse(QStringView text, TimeMs *out)
{
    return parse(QByteArrayView(text.toLatin1()), out);
}

QByteArray formatUtc(TimeMs ms)
{
    // Hand-rolled: writers format millions of timestamps and QDateTime costs ~1 us each.
    qint64 days = ms >= 0 ? ms / 86400000 : -((-ms + 86399999) / 86400000);
    qint64 rest = ms - days * 86400000;
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
