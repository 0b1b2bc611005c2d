-- One vocabulary for return reasons: the ticket module now uses the customer archive's ReturnReason (the archive owns
-- warranty rules and their words). Stored ticket values written with the ticket module's former names are renamed.
-- Charges needed nothing: RepairCharge and Charge had the same names (FREE, MATERIAL, MATERIAL_AND_LABOUR).
UPDATE ticket SET return_reason = 'INTACT_IN_WARRANTY_WITH_CONSENT' WHERE return_reason = 'INTACT_IN_WARRANTY';
UPDATE ticket SET return_reason = 'TRANSPORT_DAMAGE' WHERE return_reason = 'DAMAGED_IN_TRANSPORT';
UPDATE ticket SET return_reason = 'USED_WITHOUT_QUALITY_PROBLEM' WHERE return_reason = 'USED_WITHOUT_DEFECT';
UPDATE ticket SET return_reason = 'APPEARANCE_DAMAGED_NOT_BY_US' WHERE return_reason = 'APPEARANCE_DAMAGED_BY_CUSTOMER';
UPDATE ticket SET return_reason = 'DISASSEMBLED_OR_MODIFIED' WHERE return_reason = 'OPENED_OR_MODIFIED_BY_CUSTOMER';
UPDATE ticket SET return_reason = 'MISUSE' WHERE return_reason = 'IMPROPER_USE';
