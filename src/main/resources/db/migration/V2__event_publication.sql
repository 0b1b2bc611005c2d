-- Spring Modulith event publication registry: durable events survive a crash between commit and handling.
CREATE TABLE event_publication (
    id                     BINARY(16)   NOT NULL PRIMARY KEY,
    listener_id            VARCHAR(512) NOT NULL,
    event_type             VARCHAR(512) NOT NULL,
    serialized_event       MEDIUMTEXT   NOT NULL,
    publication_date       DATETIME(6)  NOT NULL,
    completion_date        DATETIME(6)  NULL,
    status                 VARCHAR(20)  NULL,
    completion_attempts    INT          NOT NULL DEFAULT 0,
    last_resubmission_date DATETIME(6)  NULL,
    INDEX ix_event_publication_completion (completion_date),
    INDEX ix_event_publication_status (status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
