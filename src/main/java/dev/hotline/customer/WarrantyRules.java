package dev.hotline.customer;

import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Warranty, charging and return rules of regulation 001 §5–§8, as pure functions of dates and established facts.
 *
 * <p>Warranty boundary: a product is in warranty from its ship date up to and including the same day of month
 * {@code months} later ({@link LocalDate#plusMonths}, which clamps to the month's last day). Shipped 2025-01-31 with 12
 * months: last day 2026-01-31; shipped 2024-02-29: last day 2025-02-28; shipped 2024-10-31 through a dealer (16 months):
 * last day 2026-02-28. The anniversary itself counts as in warranty ("一年内", read in the customer's favour). Without a
 * proven ship date the product is out of warranty (001 §8).
 *
 * <p>Returns: any refusal ground of 001 §6 wins over the grounds of 001 §5; a return is allowed only when at least one
 * §5 ground applies and no §6 ground does.
 */
@Component
public class WarrantyRules {

    private final WarrantyProperties periods;

    public WarrantyRules(WarrantyProperties periods) {
        this.periods = periods;
    }

    /** The last day in warranty of a product shipped on {@code shipDate}, or null without a proven ship date. */
    public LocalDate lastDayInWarranty(LocalDate shipDate, SalesChannel channel) {
        if (shipDate == null) {
            return null;
        }
        return shipDate.plusMonths(periods.months(channel == null ? SalesChannel.DIRECT : channel));
    }

    /** Warranty status on {@code today} (001 §8). A missing channel counts as direct, the shorter period. */
    public WarrantyStatus status(LocalDate shipDate, SalesChannel channel, LocalDate today) {
        LocalDate until = lastDayInWarranty(shipDate, channel);
        if (until == null) {
            return new WarrantyStatus(false, null, WarrantyStatus.Basis.NO_PROVEN_DATE);
        }
        boolean in = !today.isAfter(until);
        return new WarrantyStatus(in, until, in ? WarrantyStatus.Basis.WITHIN_PERIOD : WarrantyStatus.Basis.PERIOD_EXPIRED);
    }

    /** What a repair costs (001 §7). Our fault must be established; an unknown fault is charged as not ours. */
    public Charge charge(WarrantyStatus warranty, FaultFacts facts) {
        FaultFacts f = facts == null ? FaultFacts.NONE : facts;
        if (!warranty.inWarranty() || !f.isOurQualityFault()) {
            return Charge.MATERIAL_AND_LABOUR;
        }
        return f.isCustomerProcessedPart() ? Charge.MATERIAL : Charge.FREE;
    }

    /** Whether the product may be returned (001 §5 allows, 001 §6 refuses), with every reason that applies. */
    public ReturnDecision returnDecision(WarrantyStatus warranty, FaultFacts facts) {
        FaultFacts f = facts == null ? FaultFacts.NONE : facts;
        List<ReturnReason> refusals = refusals(warranty, f);
        if (!refusals.isEmpty()) {
            return new ReturnDecision(false, refusals);
        }
        List<ReturnReason> grounds = new ArrayList<>();
        List<ReturnReason> missed = new ArrayList<>();
        if (f.isIntact()) {
            if (f.isCustomMade()) {
                missed.add(ReturnReason.CUSTOM_MADE);
            } else if (!f.hasFactoryConsent()) {
                missed.add(ReturnReason.NO_FACTORY_CONSENT);
            } else {
                grounds.add(ReturnReason.INTACT_IN_WARRANTY_WITH_CONSENT);
            }
        }
        if (f.isSpecificationNotMet()) {
            grounds.add(ReturnReason.SPECIFICATION_NOT_MET);
        }
        if (f.isTransportDamage() && f.isSelfCollected()) {
            missed.add(ReturnReason.SELF_COLLECTED);
        } else if (f.isTransportDamage()) {
            grounds.add(ReturnReason.TRANSPORT_DAMAGE);
        }
        if (!grounds.isEmpty()) {
            return new ReturnDecision(true, grounds);
        }
        return new ReturnDecision(false, missed.isEmpty() ? List.of(ReturnReason.NO_RETURN_GROUND) : missed);
    }

    private static List<ReturnReason> refusals(WarrantyStatus warranty, FaultFacts f) {
        List<ReturnReason> refusals = new ArrayList<>();
        if (!warranty.inWarranty()) {
            refusals.add(ReturnReason.OUT_OF_WARRANTY);
        }
        // transport damage on our delivery is a problem of ours too, so it does not make a used product "without problem"
        boolean problem = f.isOurQualityFault() || f.isSpecificationNotMet()
                || (f.isTransportDamage() && !f.isSelfCollected());
        if (f.isUsed() && !problem) {
            refusals.add(ReturnReason.USED_WITHOUT_QUALITY_PROBLEM);
        }
        if (f.isAppearanceDamagedNotByUs()) {
            refusals.add(ReturnReason.APPEARANCE_DAMAGED_NOT_BY_US);
        }
        if (f.isDisassembledOrModified()) {
            refusals.add(ReturnReason.DISASSEMBLED_OR_MODIFIED);
        }
        if (f.isMisuse()) {
            refusals.add(ReturnReason.MISUSE);
        }
        return refusals;
    }
}
