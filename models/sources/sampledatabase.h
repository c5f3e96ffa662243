#pragma once

#include "timeutil.h"

#include <QString>

#include <atomic>
#include <functional>

namespace StateScope {

class SqlConnection;

struct SampleDatabaseOptions
{
    quint64 executions = 2000;
    quint64 seed = 42;
    int workflows = 3;
    TimeMs end = 1767225600000; // 2026-01-01T00:00:00Z: executions start in the days before
    int spanDays = 7;
    double checkpointShare = 0.25;     // executions with a checkpoint
    double corruptedShare = 0.01;      // of checkpoints: stored checksum does not match
    double unverifiableShare = 0.01;   // of checkpoints: no checksum stored
    double recoveryShare = 0.01;       // executions with a recovery log row
    double invalidMoveShare = 0.002;   // retries that jump straight to completed (not in the definition)
    double inFlightShare = 0.03;       // executions started in the last minute (many still running)
    int consistencySamplesPerWorkflow = 48;
    std::function<void(quint64 done, quint64 total)> progress;
};

struct SampleDatabaseSummary
{
    quint64 executions = 0;
    quint64 transitions = 0;
    quint64 checkpoints = 0;
    QString error;
};

// Writes a realistic state database in the SPEC 2.1 schema, as another engine would: an
// order-processing machine with validation, retries, approvals that wait, failures and
// cancellations, exponential dwell times, checkpoints with RFC 8785 checksums (a few corrupted
// or missing), a recovery log and replica consistency samples. Deterministic for a seed.
// The tables must exist (installSchema) and be empty.
SampleDatabaseSummary writeSampleDatabase(SqlConnection &connection, const SampleDatabaseOptions &options);

// The machine the sample follows, as a state_machines-style JSON definition.
QByteArray sampleDefinitionJson();

} // namespace StateScope
