-- Deleting a group makes its SIMs leave it: their group_id becomes null.
alter table sim add constraint fk_sim_group foreign key (group_id) references sim_group (group_id) on delete set null;
