-- StateScope state database schema, PostgreSQL (SPEC 2.1).
-- The seed's tables and columns as written (seeds/000_*, section 1.2), preceded by the two
-- tables it references and followed by StateScope's own audit_log.
CREATE EXTENSION IF NOT EXISTS "uuid-ossp";

CREATE TABLE IF NOT EXISTS workflows (
    id UUID PRIMARY KEY DEFAULT uuid_generate_v4(),
    name VARCHAR(255) NOT NULL,
    state_machine_id UUID,
    created_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE IF NOT EXISTS workflow_executions (
    id UUID PRIMARY KEY DEFAULT uuid_generate_v4(),
    workflow_id UUID NOT NULL REFERENCES workflows(id),
    status VARCHAR(50) NOT NULL,
    started_at TIMESTAMPTZ,
    completed_at TIMESTAMPTZ
);

CREATE TABLE IF NOT EXISTS workflow_states (
    id UUID PRIMARY KEY DEFAULT uuid_generate_v4(),
    workflow_id UUID NOT NULL,
    execution_id UUID NOT NULL,
    state_version INTEGER NOT NULL,
    current_state JSONB NOT NULL,
    state_history JSONB DEFAULT '[]'::JSONB,
    variables JSONB DEFAULT '{}'::JSONB,
    checkpoints JSONB DEFAULT '[]'::JSONB,
    persistence JSONB NOT NULL,
    recovery JSONB DEFAULT '{}'::JSONB,
    metadata JSONB DEFAULT '{}'::JSONB,
    created_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP,
    FOREIGN KEY (workflow_id) REFERENCES workflows(id),
    FOREIGN KEY (execution_id) REFERENCES workflow_executions(id)
);

CREATE TABLE IF NOT EXISTS state_transitions (
    id UUID PRIMARY KEY DEFAULT uuid_generate_v4(),
    workflow_state_id UUID NOT NULL,
    transition_id VARCHAR(255) NOT NULL,
    from_state VARCHAR(255) NOT NULL,
    to_state VARCHAR(255) NOT NULL,
    transition_type VARCHAR(50) NOT NULL,
    timestamp TIMESTAMPTZ NOT NULL,
    duration_ms INTEGER,
    trigger JSONB NOT NULL,
    conditions JSONB DEFAULT '[]'::JSONB,
    effects JSONB DEFAULT '[]'::JSONB,
    validation_result JSONB,
    created_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP,
    FOREIGN KEY (workflow_state_id) REFERENCES workflow_states(id)
);

CREATE TABLE IF NOT EXISTS state_checkpoints (
    id UUID PRIMARY KEY DEFAULT uuid_generate_v4(),
    workflow_state_id UUID NOT NULL,
    checkpoint_type VARCHAR(50) NOT NULL,
    timestamp TIMESTAMPTZ NOT NULL,
    state_snapshot JSONB NOT NULL,
    variables JSONB NOT NULL,
    storage_location VARCHAR(500),
    size_bytes BIGINT,
    checksum VARCHAR(64),
    ttl_seconds INTEGER,
    recoverable BOOLEAN DEFAULT TRUE,
    created_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP,
    FOREIGN KEY (workflow_state_id) REFERENCES workflow_states(id)
);

CREATE TABLE IF NOT EXISTS state_machines (
    id UUID PRIMARY KEY DEFAULT uuid_generate_v4(),
    name VARCHAR(255) NOT NULL,
    version VARCHAR(50) NOT NULL,
    definition JSONB NOT NULL,
    states JSONB NOT NULL,
    transitions JSONB NOT NULL,
    initial_state VARCHAR(255) NOT NULL,
    final_states TEXT[] DEFAULT '{}',
    error_handling JSONB DEFAULT '{}'::JSONB,
    timeouts JSONB DEFAULT '{}'::JSONB,
    validation_rules JSONB DEFAULT '{}'::JSONB,
    created_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP,
    UNIQUE(name, version)
);

CREATE TABLE IF NOT EXISTS state_consistency (
    id UUID PRIMARY KEY DEFAULT uuid_generate_v4(),
    workflow_id UUID NOT NULL,
    consistency_level VARCHAR(50) NOT NULL,
    consensus_protocol VARCHAR(50),
    replication_factor INTEGER NOT NULL,
    quorum_size INTEGER NOT NULL,
    conflict_resolution JSONB NOT NULL,
    synchronization JSONB NOT NULL,
    divergence JSONB DEFAULT '[]'::JSONB,
    last_consensus TIMESTAMPTZ,
    created_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP,
    FOREIGN KEY (workflow_id) REFERENCES workflows(id)
);

CREATE TABLE IF NOT EXISTS state_recovery_log (
    id UUID PRIMARY KEY DEFAULT uuid_generate_v4(),
    workflow_state_id UUID NOT NULL,
    recovery_time TIMESTAMPTZ NOT NULL,
    recovery_type VARCHAR(50) NOT NULL,
    from_checkpoint UUID,
    to_state VARCHAR(255),
    recovery_duration_ms INTEGER,
    data_loss JSONB,
    compensation_actions JSONB DEFAULT '[]'::JSONB,
    success BOOLEAN,
    error_details JSONB,
    created_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP,
    FOREIGN KEY (workflow_state_id) REFERENCES workflow_states(id),
    FOREIGN KEY (from_checkpoint) REFERENCES state_checkpoints(id)
);

CREATE TABLE IF NOT EXISTS state_variables (
    id UUID PRIMARY KEY DEFAULT uuid_generate_v4(),
    workflow_state_id UUID NOT NULL,
    variable_name VARCHAR(255) NOT NULL,
    variable_scope VARCHAR(50) NOT NULL,
    value_type VARCHAR(50),
    current_value JSONB,
    previous_values JSONB DEFAULT '[]'::JSONB,
    encrypted BOOLEAN DEFAULT FALSE,
    immutable BOOLEAN DEFAULT FALSE,
    last_modified TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP,
    modified_by VARCHAR(255),
    created_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP,
    FOREIGN KEY (workflow_state_id) REFERENCES workflow_states(id),
    UNIQUE(workflow_state_id, variable_name, variable_scope)
);

CREATE TABLE IF NOT EXISTS audit_log (
    id UUID PRIMARY KEY DEFAULT uuid_generate_v4(),
    at TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    actor VARCHAR(255) NOT NULL,
    action VARCHAR(100) NOT NULL,
    target VARCHAR(500),
    reason TEXT,
    details JSONB DEFAULT '{}'::JSONB
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
