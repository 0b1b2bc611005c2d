package dev.hotline.customer;

/** Why a return is allowed (001 §5) or refused (001 §6). */
public enum ReturnReason {
    INTACT_IN_WARRANTY_WITH_CONSENT(true, "001 §5.1"),
    SPECIFICATION_NOT_MET(true, "001 §5.2"),
    TRANSPORT_DAMAGE(true, "001 §5.3"),

    OUT_OF_WARRANTY(false, "001 §6.1"),
    USED_WITHOUT_QUALITY_PROBLEM(false, "001 §6.2"),
    APPEARANCE_DAMAGED_NOT_BY_US(false, "001 §6.3"),
    DISASSEMBLED_OR_MODIFIED(false, "001 §6.4"),
    MISUSE(false, "001 §6.5"),
    /** Custom-made products are excluded from 001 §5.1 (unless a separate agreement says otherwise). */
    CUSTOM_MADE(false, "001 §5.1"),
    /** Transport damage does not count when the customer collected the product himself (001 §5.3). */
    SELF_COLLECTED(false, "001 §5.3"),
    /** An intact product needs the factory's consent (001 §5.1). */
    NO_FACTORY_CONSENT(false, "001 §5.1"),
    /** None of the grounds of 001 §5 applies. */
    NO_RETURN_GROUND(false, "001 §5");

    private final boolean allows;
    private final String rule;

    ReturnReason(boolean allows, String rule) {
        this.allows = allows;
        this.rule = rule;
    }

    public boolean allows() {
        return allows;
    }

    /** The regulation clause this reason comes from. */
    public String rule() {
        return rule;
    }
}
