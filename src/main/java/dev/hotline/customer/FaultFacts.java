package dev.hotline.customer;

/**
 * What the after-sales team established about a fault or a return request. Every fact is optional: an unknown fact
 * counts as not established ({@code null} = false), so nothing is granted on an unproven claim.
 *
 * @param ourQualityFault           the damage is our quality problem (本厂质量问题)
 * @param customerProcessedPart     the part to replace or repair had been processed by the customer (客户加工过的零部件, 001 §7.1)
 * @param intact                    the product is intact / unused (完好产品, 001 §5.1)
 * @param factoryConsent            the factory agreed to take it back (经厂家同意, 001 §5.1)
 * @param customMade                made to the customer's order (客户专门定做, 001 §5.1)
 * @param specificationNotMet       technical parameters or dimensions miss the contract (001 §5.2)
 * @param transportDamage           damaged in transport so that it cannot be used normally (001 §5.3)
 * @param selfCollected             the customer collected it himself (客户自提, excluded from 001 §5.3)
 * @param used                      the product has been used (001 §6.2)
 * @param appearanceDamagedNotByUs  its appearance was damaged or changed, not by us (001 §6.3)
 * @param disassembledOrModified    the customer opened it to repair or modify it (001 §6.4)
 * @param misuse                    improper use by the customer (001 §6.5)
 */
public record FaultFacts(Boolean ourQualityFault, Boolean customerProcessedPart, Boolean intact, Boolean factoryConsent,
                         Boolean customMade, Boolean specificationNotMet, Boolean transportDamage, Boolean selfCollected,
                         Boolean used, Boolean appearanceDamagedNotByUs, Boolean disassembledOrModified,
                         Boolean misuse) {

    public static final FaultFacts NONE = new FaultFacts(null, null, null, null, null, null, null, null, null, null,
            null, null);

    boolean isOurQualityFault() {
        return Boolean.TRUE.equals(ourQualityFault);
    }

    boolean isCustomerProcessedPart() {
        return Boolean.TRUE.equals(customerProcessedPart);
    }

    boolean isIntact() {
        return Boolean.TRUE.equals(intact);
    }

    boolean hasFactoryConsent() {
        return Boolean.TRUE.equals(factoryConsent);
    }

    boolean isCustomMade() {
        return Boolean.TRUE.equals(customMade);
    }

    boolean isSpecificationNotMet() {
        return Boolean.TRUE.equals(specificationNotMet);
    }

    boolean isTransportDamage() {
        return Boolean.TRUE.equals(transportDamage);
    }

    boolean isSelfCollected() {
        return Boolean.TRUE.equals(selfCollected);
    }

    boolean isUsed() {
        return Boolean.TRUE.equals(used);
    }

    boolean isAppearanceDamagedNotByUs() {
        return Boolean.TRUE.equals(appearanceDamagedNotByUs);
    }

    boolean isDisassembledOrModified() {
        return Boolean.TRUE.equals(disassembledOrModified);
    }

    boolean isMisuse() {
        return Boolean.TRUE.equals(misuse);
    }
}
