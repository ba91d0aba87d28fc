-- MERGE NOTE (groups): move this file to src/main/resources/db/migration/ when wip-group is merged with the SIMs
-- branch (V2 creates table sim with a nullable group_id varchar(36)). It cannot live in db/migration on wip-group,
-- where table sim does not exist. Deleting a group makes its SIMs leave it (groupId becomes null).
alter table sim add constraint fk_sim_group foreign key (group_id) references sim_group (group_id) on delete set null;
