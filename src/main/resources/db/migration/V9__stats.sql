-- Stats: one row per speed class (Air) or Beam type of each insert (POST /sandbox/stats/{air,beam}/subscribers/{imsi},
-- or the /_mock traffic simulator). Reads sum the rows into 5-minute / day / month buckets (UTC). The SIM's current
-- group is read from sim.group_id at query time, so a SIM's stats follow it when it joins a group.
-- An insert with no entries still leaves a row with stat_key '' so that its timestamp counts as used.
create table stats_insert (
    id               bigint auto_increment primary key,
    operator_id      varchar(16)  not null references operator (operator_id) on delete cascade,
    imsi             varchar(15)  not null,
    sim_id           varchar(32)  not null,
    unixtime         bigint       not null,
    kind             varchar(8)   not null,
    stat_key         varchar(32)  not null,
    upload_bytes     bigint       not null default 0,
    download_bytes   bigint       not null default 0,
    upload_packets   bigint       not null default 0,
    download_packets bigint       not null default 0,
    beam_count       bigint       not null default 0,
    simulated        boolean      not null default false
);
create index ix_stats_imsi on stats_insert (imsi, kind, unixtime);
create index ix_stats_operator on stats_insert (operator_id, kind, unixtime);
create index ix_stats_sim on stats_insert (sim_id, kind, unixtime);

-- CSV files produced by the .../operators/{id}/export operations, served by GET /_mock/exports/{id}.csv.
create table stats_export (
    export_id    varchar(40)  not null primary key,
    operator_id  varchar(16)  not null references operator (operator_id) on delete cascade,
    csv          clob         not null,
    created_at   bigint       not null
);
