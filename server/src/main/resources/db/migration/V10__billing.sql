-- Billing. Bills are computed on read from the SIMs' status history, the Air/Beam stats and the registered coupons;
-- nothing here stores a bill.

-- The export files of stats and bills share one table (served by GET /_mock/exports/{id}.csv).
alter table stats_export rename to file_export;

-- When a coupon was registered: it applies to the bills from that month on. Coupons registered before this column
-- existed (bought ones are registered when created) take their creation time.
alter table coupon add column registered_at bigint;
update coupon set registered_at = created_at where registered = true;
