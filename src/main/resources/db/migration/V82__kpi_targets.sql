-- KPI targets an admin changed (004 §6.0 4.5, §8.0 4.4); a KPI without a row uses hotline.kpi.targets.* defaults.
CREATE TABLE kpi_target (
    kpi        VARCHAR(32)   NOT NULL PRIMARY KEY,
    target     DECIMAL(7, 3) NOT NULL,
    updated_at DATETIME(6)   NOT NULL,
    updated_by VARCHAR(64)   NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Monthly management reports, generated once per month (ShedLock, unique month) and kept as downloaded.
CREATE TABLE management_report (
    id           BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    month        CHAR(7)     NOT NULL,
    generated_at DATETIME(6) NOT NULL,
    generated_by VARCHAR(64) NOT NULL,
    millis       BIGINT      NOT NULL,
    csv          MEDIUMTEXT  NOT NULL,
    xlsx         MEDIUMBLOB  NOT NULL,
    CONSTRAINT uk_management_report_month UNIQUE (month)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
