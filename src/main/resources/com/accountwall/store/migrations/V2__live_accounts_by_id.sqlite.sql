-- SQLite only (other databases keep V1's table). A BIGINT PRIMARY KEY is not SQLite's rowid, so
-- every upsert of live_accounts wrote two b-trees, the rows and the index on their key: two pages
-- per account in each commit. Kept by its key alone, a commit writes half the pages (issue 4).
CREATE TABLE live_accounts_by_id (
  account_id    BIGINT PRIMARY KEY,
  widgets_sold  BIGINT NOT NULL,
  last_order_at BIGINT NOT NULL
) WITHOUT ROWID;
INSERT INTO live_accounts_by_id (account_id, widgets_sold, last_order_at)
  SELECT account_id, widgets_sold, last_order_at FROM live_accounts;
DROP TABLE live_accounts;
ALTER TABLE live_accounts_by_id RENAME TO live_accounts;
