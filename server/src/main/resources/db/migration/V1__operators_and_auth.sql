-- Operators and what authenticates them. Every tenant-owned table references operator(operator_id) with
-- ON DELETE CASCADE, so deleting an operator (sandbox delete, per-operator reset) removes everything it owns.

create table operator (
    operator_id               varchar(16)  not null primary key,
    email                     varchar(320) not null,
    password_hash             varchar(200) not null,
    description               varchar(1000),
    coverage_types            varchar(64)  not null,
    payment_method_registered boolean      not null,
    created_at                bigint       not null,
    updated_at                bigint       not null,
    version                   bigint       not null default 0,
    constraint uq_operator_email unique (email)
);

-- Auth keys of the operator itself (user_name null) and, later, of its SAM users.
create table auth_key (
    auth_key_id    varchar(64)  not null primary key,
    operator_id    varchar(16)  not null references operator (operator_id) on delete cascade,
    user_name      varchar(100),
    secret_hash    varchar(200) not null,
    created_at     bigint       not null,
    last_used_at   bigint
);
create index ix_auth_key_operator on auth_key (operator_id, user_name);

-- One API key and its current token generation. A token is valid while its session exists, is not revoked and
-- the token's sid claim names this session.
create table api_session (
    api_key      varchar(64)  not null primary key,
    operator_id  varchar(16)  not null references operator (operator_id) on delete cascade,
    user_name    varchar(100),
    session_id   varchar(64)  not null,
    expires_at   bigint       not null,
    revoked      boolean      not null default false,
    created_at   bigint       not null
);
create index ix_api_session_operator on api_session (operator_id);

-- Secrets the server keeps across restarts and shares between instances (the token signing key).
create table server_secret (
    secret_name  varchar(64)   not null primary key,
    secret_value varchar(1000) not null
);
