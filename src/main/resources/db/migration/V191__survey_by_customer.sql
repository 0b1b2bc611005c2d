-- The customer timeline of the agent console lists a customer's surveys newest first.
CREATE INDEX ix_survey_customer ON survey (customer_id, created_at);
