#pragma once

#include <QString>

namespace StateScope {

class SqlConnection;

// Creates the SPEC 2.1 tables (resources/schema/*.sql, compiled in) in an empty database.
// Uses IF NOT EXISTS throughout, so it never alters tables someone else created.
bool installSchema(SqlConnection &connection, QString *error);

// The schema text for a dialect, as shipped in resources/schema/.
QByteArray schemaSql(bool postgres);

} // namespace StateScope
