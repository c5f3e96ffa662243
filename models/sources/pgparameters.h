#pragma once

#include "sqlconnection.h"

#include <vector>

namespace StateScope {

// The parameters of a libpq statement, in text format (PostgreSQL infers their types from the
// SQL): what PgStatement and the cursor share. Positions are 1-based; ones out of range are
// ignored, like a statement without that parameter.
class PgParameterStatement : public SqlStatement
{
public:
    void bindText(int i, QByteArrayView v) override { set(i, QByteArray(v.data(), v.size())); }
    void bindInt64(int i, qint64 v) override { set(i, QByteArray::number(v)); }
    void bindDouble(int i, double v) override { set(i, QByteArray::number(v, 'g', 17)); }
    void bindNull(int i) override
    {
        if (i >= 1 && size_t(i) <= m_params.size())
            m_isNull[size_t(i - 1)] = true;
    }
    void bindBool(int i, bool v) override { set(i, v ? QByteArray("true") : QByteArray("false")); }

protected:
    explicit PgParameterStatement(int count) : m_params(size_t(count)), m_isNull(size_t(count), true) {}

    int parameterCount() const { return int(m_params.size()); }
    // For PQexecParams and friends: valid until the next bind.
    std::vector<const char *> parameterValues() const
    {
        std::vector<const char *> v(m_params.size());
        for (size_t i = 0; i < m_params.size(); ++i)
            v[i] = m_isNull[i] ? nullptr : m_params[i].constData();
        return v;
    }
    void clearParameters() { std::fill(m_isNull.begin(), m_isNull.end(), true); }

private:
    void set(int i, QByteArray v)
    {
        if (i < 1 || size_t(i) > m_params.size())
            return;
        m_params[size_t(i - 1)] = std::move(v);
        m_isNull[size_t(i - 1)] = false;
    }

    std::vector<QByteArray> m_params;
    std::vector<bool> m_isNull;
};

} // namespace StateScope
