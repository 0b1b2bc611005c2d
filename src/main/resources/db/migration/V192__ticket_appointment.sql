-- Installation and maintenance tickets (004 §4.0, §3.3 a): the day agreed with the customer for the visit.
ALTER TABLE ticket ADD COLUMN appointment_on DATE NULL;
