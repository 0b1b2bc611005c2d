-- Customer archive (客户档案): customers, their phone numbers (one row per number, E.164, unique so that a caller's
-- number finds exactly one customer through the index), and the products they own (serial numbers unique).
CREATE TABLE customer (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name           VARCHAR(200)  NOT NULL,
    contact_person VARCHAR(100)  NULL,
    address        VARCHAR(500)  NULL,
    email          VARCHAR(254)  NULL,
    tier           VARCHAR(16)   NOT NULL,
    notes          VARCHAR(4000) NULL,
    created_at     DATETIME(6)   NOT NULL,
    created_by     VARCHAR(64)   NULL,
    updated_at     DATETIME(6)   NOT NULL,
    updated_by     VARCHAR(64)   NULL,
    INDEX ix_customer_name (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE customer_phone (
    customer_id BIGINT      NOT NULL,
    e164        VARCHAR(16) NOT NULL,
    CONSTRAINT uk_customer_phone_e164 UNIQUE (e164),
    CONSTRAINT fk_customer_phone_customer FOREIGN KEY (customer_id) REFERENCES customer (id),
    INDEX ix_customer_phone_customer (customer_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE customer_product (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    customer_id   BIGINT       NOT NULL,
    model         VARCHAR(100) NOT NULL,
    serial_number VARCHAR(100) NOT NULL,
    ship_date     DATE         NULL,
    purchase_date DATE         NULL,
    sales_channel VARCHAR(16)  NOT NULL,
    quantity      INT          NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    created_by    VARCHAR(64)  NULL,
    updated_at    DATETIME(6)  NOT NULL,
    updated_by    VARCHAR(64)  NULL,
    CONSTRAINT uk_customer_product_serial UNIQUE (serial_number),
    CONSTRAINT fk_customer_product_customer FOREIGN KEY (customer_id) REFERENCES customer (id),
    INDEX ix_customer_product_customer (customer_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
