-- StateScope state database schema, SQLite (SPEC 2.1).
-- The seed's tables and columns (seeds/000_*, section 1.2), preceded by the two
-- tables it references and followed by StateScope's own audit_log, with the type mapping of
-- SPEC 2.1: TEXT -> TEXT, TEXT -> TEXT holding JSON, TEXT -> TEXT in RFC 3339 UTC
-- (readers also accept integer epoch milliseconds), TEXT[] -> TEXT holding a JSON array,
-- INTEGER -> INTEGER 0/1. Writers supply ids; defaults keep the seed's values.
CREATE TABLE IF NOT EXISTS workflows (
    id TEXT PRIMARY KEY,
    name VARCHAR(255) NOT NULL,
    state_machine_id TEXT,
    created_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
);

CREATE TABLE IF NOT EXISTS workflow_executions (
    id TEXT PRIMARY KEY,
    workflow_id TEXT NOT NULL REFERENCES workflows(id),
    status VARCHAR(50) NOT NULL,
    started_at TEXT,
    completed_at TEXT
);

CREATE TABLE IF NOT EXISTS workflow_states (
    id TEXT PRIMARY KEY,
    workflow_id TEXT NOT NULL,
    execution_id TEXT NOT NULL,
    state_version INTEGER NOT NULL,
    current_state TEXT NOT NULL,
    state_history TEXT DEFAULT '[]',
    variables TEXT DEFAULT '{}',
    checkpoints TEXT DEFAULT '[]',
    persistence TEXT NOT NULL,
    recovery TEXT DEFAULT '{}',
    metadata TEXT DEFAULT '{}',
    created_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
    updated_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
    FOREIGN KEY (workflow_id) REFERENCES workflows(id),
    FOREIGN KEY (execution_id) REFERENCES workflow_executions(id)
);

CREATE TABLE IF NOT EXISTS state_transitions (
    id TEXT PRIMARY KEY,
    workflow_state_id TEXT NOT NULL,
    transition_id VARCHAR(255) NOT NULL,
    from_state VARCHAR(255) NOT NULL,
    to_state VARCHAR(255) NOT NULL,
    transition_type VARCHAR(50) NOT NULL,
    timestamp TEXT NOT NULL,
    duration_ms INTEGER,
    trigger TEXT NOT NULL,
    conditions TEXT DEFAULT '[]',
    effects TEXT DEFAULT '[]',
    validation_result TEXT,
    created_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
    FOREIGN KEY (workflow_state_id) REFERENCES workflow_states(id)
);

CREATE TABLE IF NOT EXISTS state_checkpoints (
    id TEXT PRIMARY KEY,
    workflow_state_id TEXT NOT NULL,
    checkpoint_type VARCHAR(50) NOT NULL,
    timestamp TEXT NOT NULL,
    state_snapshot TEXT NOT NULL,
    variables TEXT NOT NULL,
    storage_location VARCHAR(500),
    size_bytes BIGINT,
    checksum VARCHAR(64),
    ttl_seconds INTEGER,
    recoverable INTEGER DEFAULT 1,
    created_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
    FOREIGN KEY (workflow_state_id) REFERENCES workflow_states(id)
);

CREATE TABLE IF NOT EXISTS state_machines (
    id TEXT PRIMARY KEY,
    name VARCHAR(255) NOT NULL,
    version VARCHAR(50) NOT NULL,
    definition TEXT NOT NULL,
    states TEXT NOT NULL,
    transitions TEXT NOT NULL,
    initial_state VARCHAR(255) NOT NULL,
    final_states TEXT DEFAULT '[]',
    error_handling TEXT DEFAULT '{}',
    timeouts TEXT DEFAULT '{}',
    validation_rules TEXT DEFAULT '{}',
    created_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
    updated_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
    UNIQUE(name, version)
);

CREATE TABLE IF NOT EXISTS state_consistency (
    id TEXT PRIMARY KEY,
    workflow_id TEXT NOT NULL,
    consistency_level VARCHAR(50) NOT NULL,
    consensus_protocol VARCHAR(50),
    replication_factor INTEGER NOT NULL,
    quorum_size INTEGER NOT NULL,
    conflict_resolution TEXT NOT NULL,
    synchronization TEXT NOT NULL,
    divergence TEXT DEFAULT '[]',
    last_consensus TEXT,
    created_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
    updated_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
    FOREIGN KEY (workflow_id) REFERENCES workflows(id)
);

CREATE TABLE IF NOT EXISTS state_recovery_log (
    id TEXT PRIMARY KEY,
    workflow_state_id TEXT NOT NULL,
    recovery_time TEXT NOT NULL,
    recovery_type VARCHAR(50) NOT NULL,
    from_checkpoint TEXT,
    to_state VARCHAR(255),
    recovery_duration_ms INTEGER,
    data_loss TEXT,
    compensation_actions TEXT DEFAULT '[]',
    success INTEGER,
    error_details TEXT,
    created_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
    FOREIGN KEY (workflow_state_id) REFERENCES workflow_states(id),
    FOREIGN KEY (from_checkpoint) REFERENCES state_checkpoints(id)
);

CREATE TABLE IF NOT EXISTS state_variables (
    id TEXT PRIMARY KEY,
    workflow_state_id TEXT NOT NULL,
    variable_name VARCHAR(255) NOT NULL,
    variable_scope VARCHAR(50) NOT NULL,
    value_type VARCHAR(50),
    current_value TEXT,
    previous_values TEXT DEFAULT '[]',
    encrypted INTEGER DEFAULT 0,
    immutable INTEGER DEFAULT 0,
    last_modified TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
    modified_by VARCHAR(255),
    created_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
    FOREIGN KEY (workflow_state_id) REFERENCES workflow_states(id),
    UNIQUE(workflow_state_id, variable_name, variable_scope)
);

CREATE TABLE IF NOT EXISTS audit_log (
    id TEXT PRIMARY KEY,
    at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
    actor VARCHAR(255) NOT NULL,
    action VARCHAR(100) NOT NULL,
    target VARCHAR(500),
    reason TEXT,
    details TEXT DEFAULT '{}'
);

CREATE INDEX IF NOT EXISTS idx_workflow_states_workflow ON workflow_states(workflow_id);
CREATE INDEX IF NOT EXISTS idx_workflow_states_execution ON workflow_states(execution_id);
CREATE INDEX IF NOT EXISTS idx_state_transitions_workflow ON state_transitions(workflow_state_id);
CREATE INDEX IF NOT EXISTS idx_state_transitions_time ON state_transitions(timestamp DESC);
CREATE INDEX IF NOT EXISTS idx_state_checkpoints_workflow ON state_checkpoints(workflow_state_id);
CREATE INDEX IF NOT EXISTS idx_state_checkpoints_type ON state_checkpoints(checkpoint_type);
CREATE INDEX IF NOT EXISTS idx_state_recovery_log_workflow ON state_recovery_log(workflow_state_id);
CREATE INDEX IF NOT EXISTS idx_state_variables_workflow ON state_variables(workflow_state_id);
CREATE INDEX IF NOT EXISTS idx_audit_log_at ON audit_log(at);
