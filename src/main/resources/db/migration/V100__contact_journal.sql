-- The contact record is written behind from routing's journal (a Redis stream). Each journal entry carries a sequence
-- (derived from its stream id) so that a batch applied twice (a writer that died before acknowledging) changes nothing.
ALTER TABLE contact
    ADD COLUMN journal_seq BIGINT       NULL,
    ADD COLUMN disposition VARCHAR(500) NULL;

ALTER TABLE contact_history
    ADD COLUMN journal_seq BIGINT NULL,
    ADD CONSTRAINT uk_contact_history_journal UNIQUE (contact_id, journal_seq);
