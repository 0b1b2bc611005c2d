-- Each silence over the threshold during a call (seed 003 §3.4), at the PBX's times. Every app node hears the same
-- AMI events; the unique key stores a silence once however many nodes report it.
CREATE TABLE call_silence (
    id          BIGINT      NOT NULL AUTO_INCREMENT,
    contact_id  BIGINT      NOT NULL,
    started_at  DATETIME(6) NOT NULL,
    ended_at    DATETIME(6) NOT NULL,
    length_ms   BIGINT      NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_call_silence_start (contact_id, started_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
