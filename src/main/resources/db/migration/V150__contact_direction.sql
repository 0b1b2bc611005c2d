-- Outbound calls (click-to-call, issue 15) are contacts too; the service level counts inbound ones only.
ALTER TABLE contact ADD COLUMN direction VARCHAR(8) NOT NULL DEFAULT 'INBOUND';
