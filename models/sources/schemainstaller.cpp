#include "schemainstaller.h"

#include "sqlconnection.h"

#include <QFile>

static void initSchemaResource()
{
    Q_INIT_RESOURCE(schema); // resources of a static library must be registered explicitly
}

namespace StateScope {

QByteArray schemaSql(bool postgres)
{
    initSchemaResource();
    QFile f(postgres ? QStringLiteral(":/statescope/schema/postgres.sql") : QStringLiteral(":/statescope/schema/sqlite.sql"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

bool installSchema(SqlConnection &connection, QString *error)
{
    const QByteArray sql = schemaSql(connection.dialect() == SqlConnection::Dialect::PostgreSQL);
    if (sql.isEmpty()) {
        *error = QStringLiteral("the schema resource is missing from this build");
        return false;
    }
    return connection.execScript(sql, error);
}

} // namespace StateScope
