// A small state database for recovery tests, the same on SQLite and PostgreSQL: one execution
// with four transitions and checkpoints of every kind, another execution with a checkpoint of
// its own, written through StateDatabaseWriter as an engine would.
#pragma once

#include "checksum.h"
#include "pgconnection.h"
#include "schemainstaller.h"
#include "sqliteconnection.h"
#include "statedatabasewriter.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <vector>

namespace StateScope {

class RecoveryFixture final
{
public:
    static constexpr const char *kWorkflow = "00000000-0000-4000-8000-000000000001";
    static constexpr const char *kExecution = "00000000-0000-4000-8000-0000000000e1";
    static constexpr const char *kRow = "00000000-0000-4000-8000-0000000000a1";
    static constexpr const char *kOtherExecution = "00000000-0000-4000-8000-0000000000e2";
    static constexpr const char *kOtherRow = "00000000-0000-4000-8000-0000000000a2";
    static constexpr const char *kVerified = "00000000-0000-4000-8000-0000000000c1";
    static constexpr const char *kCorrupted = "00000000-0000-4000-8000-0000000000c2";
    static constexpr const char *kUnverifiable = "00000000-0000-4000-8000-0000000000c3";
    static constexpr const char *kNotRecoverable = "00000000-0000-4000-8000-0000000000c4";
    static constexpr const char *kOtherExecutionsCheckpoint = "00000000-0000-4000-8000-0000000000c5";
    static constexpr TimeMs kT0 = 1767225600000; // 2026-01-01T00:00:00Z

    static QByteArray currentVariables() { return R"({"orderId":7,"amount":12.5,"attempt":4,"carrier":"dhl"})"; }
    static QByteArray checkpointVariables() { return R"({"orderId":7,"amount":10,"attempt":2,"coupon":"X"})"; }
    static QByteArray snapshot(const char *state, TimeMs at)
    {
        return StateDatabaseWriter::stateSnapshotJson(state, "task", at);
    }
    static QByteArray checkpointChecksumHex()
    {
        return checkpointChecksum(snapshot("approved", kT0 + 2000), checkpointVariables()).hex;
    }

    // A new database at `source` (an SQLite path, or the URL of an empty PostgreSQL database).
    bool create(const QString &source)
    {
        m_postgres = source.startsWith(QLatin1String("postgresql://"));
        if (m_postgres)
            m_db = PgConnection::open(source, false, &m_error);
        else
            m_db = SqliteConnection::open(source, false, true, &m_error);
        if (!m_db || !installSchema(*m_db, &m_error))
            return false;
        StateDatabaseWriter w(*m_db);
        if (!w.prepare(&m_error) || !m_db->begin(&m_error))
            return false;
        const QByteArray good = checkpointChecksumHex();
        QByteArray bad = good;
        bad[0] = bad[0] == '0' ? '1' : '0';
        const QByteArray cp = snapshot("approved", kT0 + 2000);
        const bool ok = w.insertWorkflow(kWorkflow, "orders", {}, kT0)
            && w.insertExecution(kExecution, kWorkflow, "running", kT0, kUnknownTime)
            && w.insertExecution(kOtherExecution, kWorkflow, "running", kT0, kUnknownTime)
            && w.insertWorkflowState(kRow, kWorkflow, kExecution, 5, snapshot("shipping", kT0 + 4000),
                                     currentVariables(), kT0, kT0 + 4000)
            && w.insertWorkflowState(kOtherRow, kWorkflow, kOtherExecution, 1, snapshot("received", kT0), "{}", kT0,
                                     kT0)
            && w.insertTransition("00000000-0000-4000-8000-0000000000b1", kRow, "tr-1", "received", "validating",
                                  "normal", kT0 + 1000, 1000)
            && w.insertTransition("00000000-0000-4000-8000-0000000000b2", kRow, "tr-2", "validating", "approved",
                                  "normal", kT0 + 2000, 1000)
            && w.insertTransition("00000000-0000-4000-8000-0000000000b3", kRow, "tr-3", "approved", "packing", "normal",
                                  kT0 + 3000, 1000)
            && w.insertTransition("00000000-0000-4000-8000-0000000000b4", kRow, "tr-4", "packing", "shipping", "normal",
                                  kT0 + 4000, 1000)
            && w.insertCheckpoint(kVerified, kRow, "milestone", kT0 + 2000, cp, checkpointVariables(), {}, 100, good,
                                  true)
            && w.insertCheckpoint(kCorrupted, kRow, "automatic", kT0 + 2000, cp, checkpointVariables(), {}, 100, bad,
                                  true)
            && w.insertCheckpoint(kUnverifiable, kRow, "automatic", kT0 + 2000, cp, checkpointVariables(), {}, 100, {},
                                  true)
            && w.insertCheckpoint(kNotRecoverable, kRow, "automatic", kT0 + 2000, cp, checkpointVariables(), {}, 100,
                                  good, false)
            && w.insertCheckpoint(kOtherExecutionsCheckpoint, kOtherRow, "automatic", kT0, snapshot("received", kT0),
                                  "{}", {}, 10, checkpointChecksum(snapshot("received", kT0), "{}").hex, true);
        if (!ok) {
            m_error = w.error();
            m_db->rollback();
            return false;
        }
        return m_db->commit(&m_error);
    }

    // The engine moves the execution on after a preview: one more transition, state version 6.
    bool moveOn()
    {
        StateDatabaseWriter w(*m_db);
        return w.prepare(&m_error) && m_db->begin(&m_error)
            && w.insertTransition("00000000-0000-4000-8000-0000000000b5", kRow, "tr-5", "shipping", "delivered",
                                  "normal", kT0 + 5000, 1000)
            && w.updateWorkflowState(kRow, 6, snapshot("delivered", kT0 + 5000), currentVariables(), kT0 + 5000)
            && m_db->commit(&m_error);
    }

    SqlConnection &db() { return *m_db; }
    bool postgres() const { return m_postgres; }
    QString error() const { return m_error; }

    // Column 0 of every row, as text.
    QStringList column(const QByteArray &sqliteSql, const QByteArray &postgresSql)
    {
        return column(*m_db, m_postgres ? postgresSql : sqliteSql);
    }
    static QStringList column(SqlConnection &db, const QByteArray &sql)
    {
        QString error;
        auto q = db.prepare(sql, &error);
        if (!q)
            qFatal("cannot prepare %s: %s", sql.constData(), qPrintable(error));
        QStringList out;
        while (q->next())
            out.append(QString::fromUtf8(q->text(0)));
        if (!q->error().isEmpty())
            qFatal("query failed: %s: %s", sql.constData(), qPrintable(q->error()));
        return out;
    }

    // Everything a recovery may change, besides audit_log: equal before and after = untouched.
    QStringList stateTables()
    {
        return column(
                   "SELECT id || '|' || state_version || '|' || current_state || '|' || variables || '|' || updated_at "
                   "FROM workflow_states ORDER BY id",
                   "SELECT id::text || '|' || state_version || '|' || current_state::text || '|' || variables::text || "
                   "'|' "
                   "|| updated_at::text FROM workflow_states ORDER BY id")
            + column("SELECT id || '|' || from_state || '|' || to_state || '|' || transition_type FROM "
                     "state_transitions ORDER BY id",
                     "SELECT id::text || '|' || from_state || '|' || to_state || '|' || transition_type FROM "
                     "state_transitions ORDER BY id")
            + column("SELECT 'recovery ' || id FROM state_recovery_log ORDER BY id",
                     "SELECT 'recovery ' || id::text FROM state_recovery_log ORDER BY id");
    }

    struct AuditRow
    {
        QString actor, action, target, reason;
        QJsonObject details;
    };
    std::vector<AuditRow> auditRows() { return auditRows(*m_db); }
    static std::vector<AuditRow> auditRows(SqlConnection &db)
    {
        std::vector<AuditRow> rows;
        if (!db.tableExists(QStringLiteral("audit_log")))
            return rows;
        QString error;
        auto q = db.prepare(
            db.dialect() == SqlConnection::Dialect::PostgreSQL
                ? QByteArray("SELECT actor, action, target, reason, details::text FROM audit_log ORDER BY at")
                : QByteArray("SELECT actor, action, target, reason, details FROM audit_log ORDER BY at"),
            &error);
        while (q && q->next()) {
            rows.push_back({QString::fromUtf8(q->text(0)), QString::fromUtf8(q->text(1)), QString::fromUtf8(q->text(2)),
                            QString::fromUtf8(q->text(3)), QJsonDocument::fromJson(q->text(4).toByteArray()).object()});
        }
        return rows;
    }

private:
    std::unique_ptr<SqlConnection> m_db;
    QString m_error;
    bool m_postgres = false;
};

} // namespace StateScope
