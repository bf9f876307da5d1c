-- The order history (issue 12): what each commit acknowledged, in the order it took effect; the
-- wall's accounts are a projection of it. One row per account per commit and moment (orders of
-- one account made in the same millisecond are summed), and a row with quantity 0 for an ending.
-- seq numbers the rows in the order they took effect; ordered_at is epoch milliseconds.
CREATE TABLE order_history (
  seq        BIGINT PRIMARY KEY,
  account_id BIGINT NOT NULL,
  quantity   BIGINT NOT NULL,
  ordered_at BIGINT NOT NULL
);

-- Orders and widgets per minute (minute is its first epoch millisecond), kept with each commit:
-- the figures and GET /api/history read these, not the history's rows.
CREATE TABLE order_minutes (
  minute  BIGINT PRIMARY KEY,
  orders  BIGINT NOT NULL,
  widgets BIGINT NOT NULL
);

-- live_accounts becomes the checkpoint: the accounts the history up to up_to_seq gives under
-- lifetime_millis (0: the lifetime of the build that wrote it). A start reads it and replays only
-- the rows after it.
CREATE TABLE history_checkpoint (
  id              INTEGER PRIMARY KEY,
  up_to_seq       BIGINT NOT NULL,
  lifetime_millis BIGINT NOT NULL,
  taken_at        BIGINT NOT NULL
);

-- The live accounts an older build kept become the history's first rows, one order each at its
-- last order with its whole count, so that every later projection still finds them.
INSERT INTO order_history (seq, account_id, quantity, ordered_at)
  SELECT ROW_NUMBER() OVER (ORDER BY last_order_at, account_id), account_id, widgets_sold, last_order_at
  FROM live_accounts;
INSERT INTO history_checkpoint (id, up_to_seq, lifetime_millis, taken_at)
  SELECT 1, COUNT(*), 0, 0 FROM live_accounts;
