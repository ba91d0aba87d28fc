-- The legacy sign-up (soracom-facts §3.3): POST /operators makes an operator that cannot log in until POST
-- /operators/verify presents the one-time token POST /sandbox/operators/token/{email} gave out. Operators made any
-- other way (sandbox init, the default operator) are verified from the start.

alter table operator add column verified boolean not null default true;

create table operator_signup_token (
    operator_id  varchar(16)  not null primary key references operator (operator_id) on delete cascade,
    token        varchar(64)  not null,
    expires_at   bigint       not null,
    constraint uq_operator_signup_token unique (token)
);
