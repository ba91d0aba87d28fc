-- The eSIM Commerce sandbox: resellers (one per distinct X-API-Key, identified by the key's SHA-256 so the key is
-- never stored), their orders (transactions) and eSIMs. Instants in epoch milliseconds (answered as ISO-8601 UTC
-- with milliseconds); activated_on, expires_on, terminated_on are dates in Japan time.

create table esim_reseller (
    reseller_id   varchar(64)   not null primary key,
    created_at    bigint        not null
);

create table esim_transaction (
    reseller_id     varchar(64)  not null references esim_reseller (reseller_id) on delete cascade,
    transaction_id  varchar(36)  not null,
    plan_code       varchar(32)  not null,
    quantity        int          not null,
    created_at      bigint       not null,
    primary key (reseller_id, transaction_id)
);

create table esim (
    iccid                      varchar(19)   not null primary key,
    reseller_id                varchar(64)   not null references esim_reseller (reseller_id) on delete cascade,
    transaction_id             varchar(36)   not null,
    plan_code                  varchar(32)   not null,
    validity_days              int           not null,
    home_country               varchar(2)    not null,
    roaming_countries          varchar(200)  not null,
    contract_status            varchar(16)   not null,
    profile_provision_status   varchar(24)   not null,
    profile_install_status     varchar(24)   not null,
    service_restricted         boolean       not null,
    smdp_address               varchar(100)  not null,
    activation_code            varchar(64)   not null,
    activation_deadline        bigint,
    downloaded_at              bigint,
    activated_on               date,
    terminated_on              date,
    expires_on                 date,
    initial_insertion_device   varchar(15),
    initial_insertion_at       bigint,
    initial_connection_device  varchar(15),
    data_usage                 text          not null,
    total_data_usage           bigint        not null,
    last_updated_at            bigint        not null,
    version                    bigint        not null default 0
);
create index ix_esim_reseller on esim (reseller_id, iccid);
create index ix_esim_transaction on esim (reseller_id, transaction_id);
