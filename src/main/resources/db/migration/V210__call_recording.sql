-- Call recording (issue 19). A queue records its calls only when switched on here (default off): routing owns the
-- queues, the recording setting is the telephony adapters' own.
CREATE TABLE queue_recording (
    queue_name  VARCHAR(64)  NOT NULL,
    recording   BOOLEAN      NOT NULL,
    updated_by  VARCHAR(100) NOT NULL,
    updated_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (queue_name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One recording of a contact's call: an Asterisk MixMonitor file (external id = the file name, location = the file
-- under hotline.recording.directory) or a Twilio recording (external id = RecordingSid). Unique per source and
-- external id, so every app node and every retried callback records it once. Deleted with its media at expires_at.
CREATE TABLE call_recording (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    contact_id       BIGINT       NOT NULL,
    source           VARCHAR(16)  NOT NULL,
    external_id      VARCHAR(190) NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    location         VARCHAR(500) NOT NULL,
    duration_seconds INT          NULL,
    started_at       DATETIME(6)  NOT NULL,
    ended_at         DATETIME(6)  NULL,
    created_at       DATETIME(6)  NOT NULL,
    expires_at       DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY ux_call_recording_source (source, external_id),
    KEY ix_call_recording_contact (contact_id),
    KEY ix_call_recording_expires (expires_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Who listened to which recording, when (an audit log: kept after the recording itself is purged).
CREATE TABLE call_recording_access (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    recording_id  BIGINT       NOT NULL,
    contact_id    BIGINT       NOT NULL,
    username      VARCHAR(100) NOT NULL,
    listened_at   DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    KEY ix_call_recording_access_recording (recording_id),
    KEY ix_call_recording_access_user (username)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
