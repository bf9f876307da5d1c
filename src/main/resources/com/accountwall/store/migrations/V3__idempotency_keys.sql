-- The Idempotency-Keys of the orders that were applied, each committed with those orders, so a
-- retry of a request is recognised after a restart too. What the first request applied is kept
-- as its answer: how many orders, and the last order's account just after it. kept_at is epoch
-- milliseconds; rows older than a day (OrderJournal.KEYS_KEPT) are deleted off the order path.
CREATE TABLE idempotency_keys (
  idempotency_key VARCHAR(255) PRIMARY KEY,
  fingerprint     VARCHAR(64) NOT NULL,
  accepted        INTEGER NOT NULL,
  account_id      BIGINT NOT NULL,
  widgets_sold    BIGINT NOT NULL,
  expires_at      BIGINT NOT NULL,
  kept_at         BIGINT NOT NULL
);
CREATE INDEX idempotency_keys_by_age ON idempotency_keys (kept_at);
