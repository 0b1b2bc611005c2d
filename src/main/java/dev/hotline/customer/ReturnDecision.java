package dev.hotline.customer;

import java.util.List;

/**
 * Whether a product may be returned (退货). When refused, {@code reasons} lists every refusal ground found; when
 * allowed, every ground of 001 §5 that applies.
 */
public record ReturnDecision(boolean allowed, List<ReturnReason> reasons) {

    public ReturnDecision {
        reasons = List.copyOf(reasons);
    }
}
