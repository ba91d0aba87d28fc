-- Commerce: shipping addresses, orders of products (SIMs), the SIMs minted when a sandbox order ships, coupons and
-- coupon purchases. The product catalogue is data, not schema: src/main/resources/catalogue/products.json.

create table shipping_address (
    operator_id          varchar(16)  not null references operator (operator_id) on delete cascade,
    shipping_address_id  varchar(64)  not null,
    shipping_area        varchar(32)  not null,
    body                 text         not null,   -- ShippingAddressModel as JSON
    created_at           bigint       not null,
    primary key (operator_id, shipping_address_id)
);

-- An order from its quotation on: order_status is null while it is only a quotation (createQuotation).
create table product_order (
    operator_id               varchar(16)  not null references operator (operator_id) on delete cascade,
    order_id                  varchar(40)  not null,
    body                      text         not null,   -- the estimated order (EstimatedOrderModel) as JSON
    order_status              varchar(32),
    payment_status            varchar(32),
    order_date_time           varchar(14),
    shipping_date_time        varchar(14),
    resource_initial_setting  text,
    sims_registered           boolean      not null default false,
    created_at                bigint       not null,
    primary key (operator_id, order_id)
);
create index ix_product_order_created on product_order (operator_id, created_at);

-- One row per SIM unit of a shipped order, with the sandbox's identifiers; registered once registerOrderedSim ran.
create table ordered_sim (
    operator_id    varchar(16)  not null references operator (operator_id) on delete cascade,
    order_id       varchar(40)  not null,
    seq            int          not null,
    imsi           varchar(15)  not null,
    iccid          varchar(20)  not null,
    sim_id         varchar(20)  not null,
    msisdn         varchar(15)  not null,
    serial_number  varchar(15)  not null,
    subscription   varchar(32)  not null,
    bundles        varchar(200),
    registered     boolean      not null default false,
    primary key (operator_id, order_id, seq),
    constraint fk_ordered_sim_order foreign key (operator_id, order_id)
        references product_order (operator_id, order_id) on delete cascade,
    constraint uq_ordered_sim_imsi unique (imsi)
);

-- Coupons: created by the sandbox (registered = false until registerCoupon) or bought (createCouponQuotation +
-- confirmCouponOrder, registered at once). A coupon belongs to the operator that created or bought it.
create table coupon (
    operator_id        varchar(16)   not null references operator (operator_id) on delete cascade,
    coupon_code        varchar(32)   not null,
    amount             decimal(14,2) not null,
    balance            decimal(14,2) not null,
    bill_item_name     varchar(64),
    currency           varchar(3)    not null,
    expiry_year_month  varchar(6)    not null,
    order_id           varchar(40),
    registered         boolean       not null,
    created_at         bigint        not null,
    primary key (operator_id, coupon_code),
    constraint uq_coupon_code unique (coupon_code)
);

-- Coupon purchases: the quotation, then its confirmation (coupon_code set).
create table coupon_order (
    operator_id        varchar(16)   not null references operator (operator_id) on delete cascade,
    order_id           varchar(40)   not null,
    amount             decimal(14,2) not null,
    tax_amount         decimal(14,2) not null,
    total_amount       decimal(14,2) not null,
    currency           varchar(3)    not null,
    expiry_year_month  varchar(6)    not null,
    coupon_code        varchar(32),
    created_at         bigint        not null,
    primary key (operator_id, order_id)
);
