-- The checkpoint is written in pieces between commits, so that a big one no longer holds up the
-- orders of its moment: an account's row may then count more of the history than
-- history_checkpoint.up_to_seq, and as_of_seq says up to which row. A start replays an account's
-- rows after that only. Rows an older build wrote are as old as the checkpoint: 0 says so.
ALTER TABLE live_accounts ADD COLUMN as_of_seq BIGINT NOT NULL DEFAULT 0;
