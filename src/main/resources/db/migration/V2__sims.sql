-- SIMs and their subscriptions (subscribers). One row per SIM; /subscribers/{imsi} and /sims/{sim_id} are two views
-- of the same rows. Unregistered sandbox SIMs (POST /sandbox/subscribers/create) have no owner yet: operator_id is
-- null and they are reachable only by registering them with their IMSI/SIM ID and registration secret.
-- group_id is a plain column: the groups migration (V3) adds the foreign key to its own table.

create table sim (
    sim_id               varchar(32)  not null primary key,
    operator_id          varchar(16)  references operator (operator_id) on delete cascade,
    status               varchar(16)  not null,
    speed_class          varchar(16)  not null,
    sim_type             varchar(16)  not null,
    module_type          varchar(16)  not null,
    serial_number        varchar(32),
    registration_secret  varchar(16),
    group_id             varchar(36),
    termination_enabled  boolean      not null default false,
    expiry_time          bigint,
    expiry_action        varchar(16),
    imei_lock            varchar(32),
    imei_lock_set        boolean      not null default false,
    -- the current session (online) and the last ended one (previousSession)
    online               boolean      not null default false,
    session_id           varchar(64),
    session_imei         varchar(32),
    session_ip           varchar(45),
    session_cell         varchar(1000),
    session_created_at   bigint,
    session_updated_at   bigint,
    prev_session_id      varchar(64),
    prev_imei            varchar(32),
    prev_ip              varchar(45),
    prev_cell            varchar(1000),
    prev_created_at      bigint,
    prev_deleted_at      bigint,
    local_info_reported_at bigint,
    created_at           bigint       not null,
    modified_at          bigint       not null,
    registered_at        bigint,
    version              bigint       not null default 0
);
create index ix_sim_operator on sim (operator_id, sim_id);
create index ix_sim_operator_status on sim (operator_id, status, sim_id);
create index ix_sim_operator_speed on sim (operator_id, speed_class, sim_id);
create index ix_sim_operator_serial on sim (operator_id, serial_number);
create index ix_sim_operator_group on sim (operator_id, group_id);
create unique index uq_sim_serial on sim (serial_number);

-- A subscription (IMSI) of a SIM: what /subscribers/{imsi} shows.
create table sim_subscription (
    imsi          varchar(15)  not null primary key,
    sim_id        varchar(32)  not null references sim (sim_id) on delete cascade,
    operator_id   varchar(16)  references operator (operator_id) on delete cascade,
    iccid         varchar(32),
    msisdn        varchar(16),
    subscription  varchar(32)  not null,
    bundles       varchar(200) not null default '',
    apn           varchar(64),
    ip_address    varchar(45),
    sms_plan      int          not null default 1,
    is_primary    boolean      not null
);
create index ix_sim_subscription_operator on sim_subscription (operator_id, imsi);
create index ix_sim_subscription_sim on sim_subscription (sim_id);
create unique index uq_sim_subscription_msisdn on sim_subscription (msisdn);
create unique index uq_sim_subscription_ip on sim_subscription (ip_address);

-- Tags of a SIM (a table, so filters and search are SQL).
create table sim_tag (
    sim_id       varchar(32)   not null references sim (sim_id) on delete cascade,
    tag_name     varchar(500)  not null,
    operator_id  varchar(16)   references operator (operator_id) on delete cascade,
    tag_value    varchar(4000) not null,
    primary key (sim_id, tag_name)
);
create index ix_sim_tag_operator on sim_tag (operator_id, tag_name, tag_value);

-- Every status (and speed class / group) change, served by GET /sims/{sim_id}/statuses/history.
create table sim_status_history (
    id            bigint auto_increment primary key,
    operator_id   varchar(16)  not null references operator (operator_id) on delete cascade,
    sim_id        varchar(32)  not null references sim (sim_id) on delete cascade,
    imsi          varchar(15),
    status        varchar(16)  not null,
    speed_class   varchar(16),
    subscription  varchar(32),
    bundles       varchar(200),
    group_id      varchar(36),
    applied_at    bigint       not null
);
create index ix_sim_status_history on sim_status_history (operator_id, sim_id, id);

-- Session events (Created / Deleted), put there by the /_mock device control and delete_session.
create table sim_session_event (
    id            bigint auto_increment primary key,
    operator_id   varchar(16)  not null references operator (operator_id) on delete cascade,
    sim_id        varchar(32)  not null references sim (sim_id) on delete cascade,
    imsi          varchar(15),
    event         varchar(16)  not null,
    session_id    varchar(64),
    imei          varchar(32),
    ue_ip         varchar(45),
    subscription  varchar(32),
    apn           varchar(64),
    event_time    bigint       not null
);
create index ix_sim_session_event on sim_session_event (operator_id, sim_id, id);
create index ix_sim_session_event_imsi on sim_session_event (operator_id, imsi, id);

-- SMS sent to SIMs (send_sms): kept, never delivered.
create table sim_sms (
    message_id     varchar(64)  not null primary key,
    operator_id    varchar(16)  not null references operator (operator_id) on delete cascade,
    sim_id         varchar(32)  not null references sim (sim_id) on delete cascade,
    imsi           varchar(15),
    encoding_type  int          not null,
    payload        varchar(4000),
    created_at     bigint       not null
);
create index ix_sim_sms on sim_sms (operator_id, sim_id, created_at);
