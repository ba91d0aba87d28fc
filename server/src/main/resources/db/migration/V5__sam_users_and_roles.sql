-- SAM users and roles of an operator, and the default permissions new users get. Times in epoch seconds, as the
-- API reports them for users and roles.

create table sam_user (
    operator_id    varchar(16)   not null references operator (operator_id) on delete cascade,
    user_name      varchar(100)  not null,
    description    varchar(1000),
    password_hash  varchar(200),
    permission     text,
    trust_policy   text,
    created_at     bigint        not null,
    updated_at     bigint        not null,
    version        bigint        not null default 0,
    primary key (operator_id, user_name)
);

create table sam_role (
    operator_id    varchar(16)   not null references operator (operator_id) on delete cascade,
    role_id        varchar(100)  not null,
    description    varchar(1000),
    permission     text          not null,
    created_at     bigint        not null,
    updated_at     bigint        not null,
    version        bigint        not null default 0,
    primary key (operator_id, role_id)
);

create table sam_user_role (
    operator_id    varchar(16)   not null,
    user_name      varchar(100)  not null,
    role_id        varchar(100)  not null,
    primary key (operator_id, user_name, role_id),
    foreign key (operator_id, user_name) references sam_user (operator_id, user_name) on delete cascade,
    foreign key (operator_id, role_id) references sam_role (operator_id, role_id) on delete cascade
);
create index ix_sam_user_role_role on sam_user_role (operator_id, role_id);

create table sam_default_permissions (
    operator_id    varchar(16)   not null primary key references operator (operator_id) on delete cascade,
    permissions    text          not null
);
