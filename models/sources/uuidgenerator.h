#pragma once

#include <QByteArray>

#include <cmath>
#include <cstdio>
#include <random>

namespace StateScope {

// Deterministic random numbers and version-4-shaped UUIDs for generated data (samples, the
// simulated engine): the same seed writes the same database.
class UuidGenerator final
{
public:
    explicit UuidGenerator(quint64 seed) : m_rng(seed) {}

    double uniform() { return std::uniform_real_distribution<double>(0.0, 1.0)(m_rng); }
    double exponential(double mean) { return -mean * std::log(1.0 - uniform()); }
    QByteArray uuid()
    {
        const quint64 a = m_rng(), b = m_rng();
        char buffer[40];
        std::snprintf(buffer, sizeof buffer, "%08x-%04x-4%03x-%04x-%012llx", unsigned(a >> 32), unsigned((a >> 16) & 0xffff),
                      unsigned(a & 0xfff), unsigned(0x8000 | ((b >> 48) & 0x3fff)),
                      static_cast<unsigned long long>(b & 0xffffffffffffULL));
        return QByteArray(buffer);
    }
    std::mt19937_64 &rng() { return m_rng; }

private:
    std::mt19937_64 m_rng;
};

} // namespace StateScope
