package dev.hotline.ticket;

/**
 * Why a return or exchange is accepted (seed 001 §5) or refused (§6). The code names the clause it rests on.
 */
public enum ReturnReason {
    INTACT_IN_WARRANTY("5.1", true),
    SPECIFICATION_NOT_MET("5.2", true),
    DAMAGED_IN_TRANSPORT("5.3", true),
    CUSTOM_MADE("5.1", false),
    OUT_OF_WARRANTY("6.1", false),
    USED_WITHOUT_DEFECT("6.2", false),
    APPEARANCE_DAMAGED_BY_CUSTOMER("6.3", false),
    OPENED_OR_MODIFIED_BY_CUSTOMER("6.4", false),
    IMPROPER_USE("6.5", false);

    private final String clause;
    private final boolean eligible;

    ReturnReason(String clause, boolean eligible) {
        this.clause = clause;
        this.eligible = eligible;
    }

    public String clause() {
        return clause;
    }

    public boolean eligible() {
        return eligible;
    }
}
