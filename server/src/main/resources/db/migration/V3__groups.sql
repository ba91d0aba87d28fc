-- Groups (Group tag). "group" is reserved in SQL, hence sim_group. A SIM's membership lives on the SIM
-- (sim.group_id, V2); its foreign key to sim_group (ON DELETE SET NULL: a deleted group's SIMs leave it) is added
-- by V4 once both tables exist.

create table sim_group (
    group_id          varchar(36)    not null primary key,
    operator_id       varchar(16)    not null references operator (operator_id) on delete cascade,
    -- the whole configuration as compact JSON, {"<namespace>": {"<key>": <any JSON>}}; at most 8 KB (checked by
    -- GroupService, the column leaves room for multi-byte characters)
    configuration     varchar(16384) not null,
    created_at        bigint         not null,
    last_modified_at  bigint         not null,
    version           bigint         not null default 0
);
create index ix_sim_group_operator on sim_group (operator_id, group_id);

-- Tags of a group, one row per tag, so that listGroups can filter on them.
create table sim_group_tag (
    group_id   varchar(36)   not null references sim_group (group_id) on delete cascade,
    tag_name   varchar(1000) not null,
    tag_value  varchar(4000) not null,
    primary key (group_id, tag_name)
);
create index ix_sim_group_tag_name on sim_group_tag (tag_name, tag_value);
