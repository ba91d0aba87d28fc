create table operator (operator_id varchar(20) primary key); insert into operator values ('OP0000000000');
