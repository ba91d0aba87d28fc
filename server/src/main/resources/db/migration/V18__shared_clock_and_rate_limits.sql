-- Emulator-wide state of instances that share this database (soracom-mock.shared-state, docs/adr/0005): the clock
-- and the rate-limit windows. Not per operator: left out of /_mock/state, reset and fork (state/StateSchema).
-- With the state in memory (the default on the emulator's own H2) both tables stay as created here, unused.

-- the one row of the emulator's clock: the system clock shifted by offset_micros, or frozen at frozen_at_micros
-- (epoch microseconds) when that is set
create table mock_clock (
    id               integer not null primary key,
    offset_micros     bigint  not null,
    frozen_at_micros  bigint,
    constraint mock_clock_one_row check (id = 1)
);
insert into mock_clock (id, offset_micros, frozen_at_micros) values (1, 0, null);

-- requests counted per subject and API (subject_key: "op:OP…|operationId", "ip:…|…", "key:…|…") in the fixed window
-- of one minute that starts at window_start (epoch seconds of the emulator's clock)
create table rate_limit_window (
    subject_key   varchar(400) not null,
    window_start  bigint       not null,
    hits          integer      not null,
    primary key (subject_key, window_start)
);
create index rate_limit_window_start on rate_limit_window (window_start);
