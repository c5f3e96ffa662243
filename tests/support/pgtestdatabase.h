#pragma once

#include <QString>

namespace StateScope {

// A fresh database on the test PostgreSQL server (scripts/pg-test-server.sh), dropped again
// when this object goes. The server is named by STATESCOPE_TEST_PG_URL; without it the test
// should QSKIP, unless STATESCOPE_REQUIRE_PG=1 (the test script sets it) makes that a failure.
class PgTestDatabase final
{
public:
    PgTestDatabase();
    ~PgTestDatabase();
    PgTestDatabase(const PgTestDatabase &) = delete;
    PgTestDatabase &operator=(const PgTestDatabase &) = delete;

    bool isValid() const { return !m_url.isEmpty(); }
    QString url() const { return m_url; }           // postgresql://.../<fresh database>
    QString unavailableReason() const { return m_reason; }
    static bool required();

private:
    QString m_adminUrl;
    QString m_name;
    QString m_url;
    QString m_reason;
};

} // namespace StateScope

// In a test function: a fresh database or QSKIP/QFAIL as the environment demands.
#define STATESCOPE_REQUIRE_PG_DATABASE(db)                                                      \
    StateScope::PgTestDatabase db;                                                              \
    if (!db.isValid()) {                                                                        \
        if (StateScope::PgTestDatabase::required())                                             \
            QFAIL(qPrintable(db.unavailableReason()));                                          \
        QSKIP(qPrintable(db.unavailableReason()));                                              \
    }
