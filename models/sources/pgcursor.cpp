#include "pgcursor.h"

#include "pgparameters.h"

#include <QtEndian>

#include <libpq-fe.h>

#include <atomic>
#include <cstring>
#include <limits>
#include <vector>

namespace StateScope {

namespace {

constexpr int kBatchRows = 32768; // a few MB per batch: big enough to amortise a round trip

// Type OIDs from PostgreSQL's pg_type.dat; stable across versions.
enum : Oid {
    kBool = 16, kName = 19, kInt8 = 20, kInt2 = 21, kInt4 = 23, kText = 25, kJson = 114, kFloat4 = 700,
    kFloat8 = 701, kBpchar = 1042, kVarchar = 1043, kTimestamp = 1114, kTimestampTz = 1184, kUuid = 2950,
    kJsonb = 3802,
};

bool decodableInBinary(Oid type)
{
    switch (type) {
    case kBool: case kName: case kInt8: case kInt2: case kInt4: case kText: case kJson: case kFloat4:
    case kFloat8: case kBpchar: case kVarchar: case kTimestamp: case kTimestampTz: case kUuid: case kJsonb:
        return true;
    default:
        return false;
    }
}

bool isTimestamp(Oid type) { return type == kTimestamp || type == kTimestampTz; }
bool isIntegerType(Oid type) { return type == kInt8 || type == kInt2 || type == kInt4; }

constexpr qint64 kPostgresEpochMs = 946684800000; // 2000-01-01T00:00:00Z, PostgreSQL's zero

qint64 floorDiv(qint64 a, qint64 b)
{
    const qint64 q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

void formatUuid(const uchar *bytes, char *out)
{
    static const char hex[] = "0123456789abcdef";
    int o = 0;
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            out[o++] = '-';
        out[o++] = hex[bytes[i] >> 4];
        out[o++] = hex[bytes[i] & 15];
    }
}

QString resultError(PGresult *r, PGconn *conn)
{
    QString message = QString::fromUtf8(PQresultErrorMessage(r)).trimmed();
    return message.isEmpty() ? QString::fromUtf8(PQerrorMessage(conn)).trimmed() : message;
}

class PgCursorStatement final : public PgParameterStatement
{
public:
    PgCursorStatement(PGconn *conn, QByteArray sql, int paramCount)
        : PgParameterStatement(paramCount), m_conn(conn), m_sql(std::move(sql))
    {
        static std::atomic_int counter{0};
        m_cursor = "statescope_cursor_" + QByteArray::number(++counter);
    }
    ~PgCursorStatement() override { finish(); }

    bool next() override
    {
        if (!m_started) {
            m_started = true;
            if (!open())
                return false;
        }
        if (!m_open)
            return false;
        ++m_row;
        while (m_row >= m_rowCount) {
            if (!nextBatch())
                return false;
        }
        return true;
    }
    bool exec() override
    {
        m_error = QStringLiteral("a cursor only reads rows");
        return false;
    }
    void reset() override
    {
        finish();
        m_started = false;
        m_error.clear();
        clearParameters();
    }
    QString error() const override { return m_error; }
    qint64 rowsAffected() const override { return 0; }

    bool isNull(int c) const override { return !m_batch || PQgetisnull(m_batch, m_row, c); }
    QByteArrayView text(int c) const override
    {
        if (isNull(c))
            return {};
        const char *v = PQgetvalue(m_batch, m_row, c);
        const int length = PQgetlength(m_batch, m_row, c);
        if (!m_binary)
            return QByteArrayView(v, length);
        const Oid type = m_types[size_t(c)];
        QByteArray &scratch = m_scratch[size_t(c)];
        if (type == kUuid && length == 16) {
            scratch.resize(36);
            formatUuid(reinterpret_cast<const uchar *>(v), scratch.data());
            return scratch;
        }
        if (type == kJsonb && length > 0) // a version byte (1), then the JSON text
            return QByteArrayView(v + 1, length - 1);
        if (type == kBool)
            return length == 1 && *v ? QByteArrayView("t") : QByteArrayView("f");
        if (isIntegerType(type) || isTimestamp(type)) {
            scratch = QByteArray::number(int64(c, nullptr));
            return scratch;
        }
        if (type == kFloat8 || type == kFloat4) {
            scratch = QByteArray::number(floatValue(v, length), 'g', 17);
            return scratch;
        }
        return QByteArrayView(v, length);
    }
    QByteArrayView key(int c) const override
    {
        if (isNull(c))
            return {};
        if (m_binary && m_types[size_t(c)] == kUuid)
            return QByteArrayView(PQgetvalue(m_batch, m_row, c), PQgetlength(m_batch, m_row, c));
        return pgUuidKey(text(c), &m_scratch[size_t(c)]);
    }
    bool isInteger(int c) const override
    {
        if (!m_batch || size_t(c) >= m_types.size())
            return false;
        const Oid type = m_types[size_t(c)];
        return isIntegerType(type) || (m_binary && isTimestamp(type));
    }
    qint64 int64(int c, bool *ok) const override
    {
        if (ok)
            *ok = false;
        if (isNull(c))
            return 0;
        if (!m_binary)
            return text(c).toLongLong(ok);
        const char *v = PQgetvalue(m_batch, m_row, c);
        const int length = PQgetlength(m_batch, m_row, c);
        const Oid type = m_types[size_t(c)];
        qint64 value = 0;
        if (length == 8)
            value = qFromBigEndian<qint64>(v);
        else if (length == 4)
            value = qFromBigEndian<qint32>(v);
        else if (length == 2)
            value = qFromBigEndian<qint16>(v);
        else
            return 0;
        if (isTimestamp(type)) {
            // PostgreSQL's infinity and -infinity have no epoch milliseconds.
            if (value == std::numeric_limits<qint64>::max() || value == std::numeric_limits<qint64>::min())
                return 0;
            value = floorDiv(value, 1000) + kPostgresEpochMs;
        } else if (!isIntegerType(type)) {
            return 0;
        }
        if (ok)
            *ok = true;
        return value;
    }

private:
    static double floatValue(const char *v, int length)
    {
        if (length == 8) {
            const quint64 bits = qFromBigEndian<quint64>(v);
            double d;
            std::memcpy(&d, &bits, sizeof d);
            return d;
        }
        const quint32 bits = qFromBigEndian<quint32>(v);
        float f;
        std::memcpy(&f, &bits, sizeof f);
        return f;
    }
    bool command(const QByteArray &sql)
    {
        PGresult *r = PQexec(m_conn, sql.constData());
        const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
        if (!ok && m_error.isEmpty())
            m_error = resultError(r, m_conn);
        PQclear(r);
        return ok;
    }

    bool open()
    {
        // A cursor lives in a transaction: use the caller's, or a short one of our own.
        m_ownTransaction = PQtransactionStatus(m_conn) == PQTRANS_IDLE;
        if (m_ownTransaction && !command("BEGIN"))
            return false;
        const std::vector<const char *> values = parameterValues();
        const QByteArray declare = "DECLARE " + m_cursor + " NO SCROLL CURSOR FOR " + m_sql;
        PGresult *r = PQexecParams(m_conn, declare.constData(), int(values.size()), nullptr, values.data(), nullptr, nullptr, 0);
        const bool declared = PQresultStatus(r) == PGRES_COMMAND_OK;
        if (!declared)
            m_error = resultError(r, m_conn);
        PQclear(r);
        if (!declared) {
            endTransaction();
            return false;
        }
        m_open = true;
        r = PQdescribePortal(m_conn, m_cursor.constData());
        if (PQresultStatus(r) != PGRES_COMMAND_OK) {
            m_error = resultError(r, m_conn);
            PQclear(r);
            finish();
            return false;
        }
        const int columns = PQnfields(r);
        m_types.resize(size_t(columns));
        m_binary = true;
        for (int c = 0; c < columns; ++c) {
            m_types[size_t(c)] = PQftype(r, c);
            m_binary = m_binary && decodableInBinary(m_types[size_t(c)]);
        }
        PQclear(r);
        m_scratch.assign(size_t(columns), QByteArray());
        return requestBatch();
    }
    bool requestBatch()
    {
        const QByteArray fetch = "FETCH FORWARD " + QByteArray::number(kBatchRows) + " FROM " + m_cursor;
        if (!PQsendQueryParams(m_conn, fetch.constData(), 0, nullptr, nullptr, nullptr, nullptr, m_binary ? 1 : 0)) {
            m_error = QString::fromUtf8(PQerrorMessage(m_conn)).trimmed();
            finish();
            return false;
        }
        m_pending = true;
        return true;
    }
    PGresult *takePending()
    {
        m_pending = false;
        PGresult *r = PQgetResult(m_conn);
        while (PGresult *extra = PQgetResult(m_conn)) // the end of this command's results
            PQclear(extra);
        return r;
    }
    bool nextBatch()
    {
        if (!m_pending) {
            finish();
            return false;
        }
        PGresult *r = takePending();
        if (PQresultStatus(r) != PGRES_TUPLES_OK) {
            m_error = resultError(r, m_conn);
            PQclear(r);
            finish();
            return false;
        }
        PQclear(m_batch);
        m_batch = r;
        m_rowCount = PQntuples(r);
        m_row = 0;
        if (m_rowCount == 0) {
            finish();
            return false;
        }
        // Ask for the next batch now: the server produces it while this one is consumed.
        if (m_rowCount == kBatchRows && !requestBatch())
            return false;
        return true;
    }
    void finish()
    {
        if (m_pending)
            PQclear(takePending());
        if (m_open) {
            m_open = false;
            command("CLOSE " + m_cursor);
        }
        endTransaction();
        PQclear(m_batch);
        m_batch = nullptr;
        m_rowCount = 0;
        m_row = 0;
    }
    void endTransaction()
    {
        if (m_ownTransaction) {
            m_ownTransaction = false;
            command("ROLLBACK"); // the cursor only read: nothing to keep
        }
    }

    PGconn *m_conn;
    QByteArray m_sql;
    QByteArray m_cursor;
    std::vector<Oid> m_types;
    mutable std::vector<QByteArray> m_scratch; // per column: converted text of the current row
    PGresult *m_batch = nullptr;
    int m_rowCount = 0;
    int m_row = 0;
    bool m_binary = false;
    bool m_started = false;
    bool m_open = false;
    bool m_pending = false;
    bool m_ownTransaction = false;
    QString m_error;
};

} // namespace

QByteArrayView pgUuidKey(QByteArrayView text, QByteArray *scratch)
{
    auto nibble = [](char h) -> int {
        if (h >= '0' && h <= '9')
            return h - '0';
        if (h >= 'a' && h <= 'f')
            return h - 'a' + 10;
        if (h >= 'A' && h <= 'F')
            return h - 'A' + 10;
        return -1;
    };
    if (text.size() != 36 || text[8] != '-' || text[13] != '-' || text[18] != '-' || text[23] != '-')
        return text;
    scratch->resize(16);
    int out = 0;
    for (qsizetype i = 0; i < 36; i += 2) {
        if (text[i] == '-')
            ++i;
        const int high = nibble(text[i]);
        const int low = nibble(text[i + 1]);
        if (high < 0 || low < 0)
            return text;
        (*scratch)[out++] = char(high << 4 | low);
    }
    return *scratch;
}

int pgParameterCount(const QByteArray &sql)
{
    int params = 0;
    for (qsizetype i = 0; i + 1 < sql.size(); ++i) {
        if (sql[i] == '$' && sql[i + 1] >= '1' && sql[i + 1] <= '9') {
            int n = 0;
            qsizetype j = i + 1;
            while (j < sql.size() && sql[j] >= '0' && sql[j] <= '9')
                n = n * 10 + (sql[j++] - '0');
            params = std::max(params, n);
        }
    }
    return params;
}

std::unique_ptr<SqlStatement> preparePgCursor(PGconn *conn, const QByteArray &sql, int paramCount, QString *error)
{
    // Checked now, as prepare() would, so a wrong query fails before the first row is asked for.
    PGresult *r = PQprepare(conn, "", sql.constData(), paramCount, nullptr);
    const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
    if (!ok && error)
        *error = resultError(r, conn);
    PQclear(r);
    if (!ok)
        return nullptr;
    return std::make_unique<PgCursorStatement>(conn, sql, paramCount);
}

} // namespace StateScope
