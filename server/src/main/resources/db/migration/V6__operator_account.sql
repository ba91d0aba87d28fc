-- What an operator's account holds beside its login: company or individual information, configuration namespaces
-- (Support, Email, …) and contracts (harvest, napter, …), each one JSON document per (kind, name), versioned.

create table operator_document (
    operator_id  varchar(16)   not null references operator (operator_id) on delete cascade,
    kind         varchar(32)   not null,
    name         varchar(64)   not null,
    body         text          not null,
    version      bigint        not null,
    updated_at   bigint        not null,
    primary key (operator_id, kind, name)
);
