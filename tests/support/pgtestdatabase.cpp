#include "pgtestdatabase.h"

#include "pgconnection.h"

#include <QRandomGenerator>
#include <QUrl>

namespace StateScope {

bool PgTestDatabase::required()
{
    return qEnvironmentVariable("STATESCOPE_REQUIRE_PG") == QLatin1String("1");
}

PgTestDatabase::PgTestDatabase()
{
    m_adminUrl = qEnvironmentVariable("STATESCOPE_TEST_PG_URL");
    if (m_adminUrl.isEmpty()) {
        m_reason = QStringLiteral("STATESCOPE_TEST_PG_URL is not set: run scripts/test.sh, which starts a PostgreSQL server");
        return;
    }
    QString error;
    auto admin = PgConnection::open(m_adminUrl, false, &error);
    if (!admin) {
        m_reason = QStringLiteral("test PostgreSQL server unreachable: ") + error;
        return;
    }
    // The name is ours (letters and digits), not data; CREATE DATABASE cannot take parameters.
    m_name = QStringLiteral("statescope_t_%1").arg(QRandomGenerator::global()->generate64(), 0, 16);
    if (!admin->execScript("CREATE DATABASE " + m_name.toLatin1(), &error)) {
        m_reason = QStringLiteral("cannot create a test database: ") + error;
        return;
    }
    QUrl url(m_adminUrl);
    url.setPath(QLatin1Char('/') + m_name);
    m_url = url.toString();
}

PgTestDatabase::~PgTestDatabase()
{
    if (m_url.isEmpty())
        return;
    QString error;
    if (auto admin = PgConnection::open(m_adminUrl, false, &error))
        admin->execScript("DROP DATABASE IF EXISTS " + m_name.toLatin1() + " WITH (FORCE)", &error);
}

} // namespace StateScope
