#pragma once

#include "sqlconnection.h"

struct pg_conn;

namespace StateScope {

// A large read from PostgreSQL through a server-side cursor (DECLARE ... CURSOR, FETCH in
// batches). Rows come in PostgreSQL's binary format when every column's type is one decoded
// here, which spares the server its text output functions (uuid_out, timestamptz_out) and the
// client their parsing; the next batch is requested before the current one is handed out, so
// server and client work side by side. Parameters bind like any statement: the SQL text
// never holds data (BARS S1).
//
// Cell access follows SqlStatement: text() of a uuid is its canonical lowercase form, of an
// integer its digits; timestamps (timestamptz, timestamp) are integers of epoch milliseconds,
// rounded down, as the text path's floor(extract(epoch ...) * 1000) gives.
// The 16 bytes of a uuid in its text form (8-4-4-4-12 hex digits, any case), in *scratch; the
// text itself when it is not one. So a uuid key is the same whether a table stores the uuid
// type or its text.
QByteArrayView pgUuidKey(QByteArrayView text, QByteArray *scratch);

// The number of $n placeholders in a statement (the highest n).
int pgParameterCount(const QByteArray &sql);

std::unique_ptr<SqlStatement> preparePgCursor(pg_conn *conn, const QByteArray &sql, int paramCount, QString *error);

} // namespace StateScope
