-- Who the accounts are: the seed's imaginary fetch_data made real. The order system (or a person)
-- fills it; an account with no row is called "Account <id>".
CREATE TABLE accounts (
  account_id BIGINT PRIMARY KEY,
  name       VARCHAR(200) NOT NULL,
  attribute  VARCHAR(200) NOT NULL DEFAULT ''
);

-- The live accounts as of the last acknowledged change; a restart puts them back on the wall.
-- last_order_at is in epoch milliseconds: an account's deadline is that plus the lifetime.
CREATE TABLE live_accounts (
  account_id    BIGINT PRIMARY KEY,
  widgets_sold  BIGINT NOT NULL,
  last_order_at BIGINT NOT NULL
);
