package dev.hotline.customer;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static dev.hotline.customer.ReturnReason.*;
import static dev.hotline.customer.SalesChannel.DEALER;
import static dev.hotline.customer.SalesChannel.DIRECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WarrantyRulesTests {

    private final WarrantyRules rules = new WarrantyRules(WarrantyProperties.DEFAULTS);

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private static FaultFacts facts() {
        return FaultFacts.NONE;
    }

    private static WarrantyStatus in() {
        return new WarrantyStatus(true, d("2030-01-01"), WarrantyStatus.Basis.WITHIN_PERIOD);
    }

    private static WarrantyStatus out() {
        return new WarrantyStatus(false, d("2020-01-01"), WarrantyStatus.Basis.PERIOD_EXPIRED);
    }

    @Nested
    class Period {

        @ParameterizedTest(name = "shipped {0} via {1}: last day in warranty {2}")
        @CsvSource({
                "2025-01-31, DIRECT, 2026-01-31",  // 365 days
                "2024-01-31, DIRECT, 2025-01-31",  // 366 days across 2024-02-29
                "2023-03-01, DIRECT, 2024-03-01",  // 366 days, leap day inside the period
                "2024-02-29, DIRECT, 2025-02-28",  // leap day shipped: clamps to the month's end
                "2023-02-28, DIRECT, 2024-02-28",  // not moved to the leap day
                "2025-01-15, DEALER, 2026-05-15",  // one year and four months (一年零四个月)
                "2024-10-31, DEALER, 2026-02-28",  // 16 months ending in a short month
                "2022-10-29, DEALER, 2024-02-29",  // 16 months ending on a leap day
                "2024-02-29, DEALER, 2025-06-29",
                "2025-12-31, DIRECT, 2026-12-31"})
        void lastDayInWarrantyIsTheSameDayMonthsLaterClampedToTheMonthEnd(LocalDate ship, SalesChannel channel,
                                                                           LocalDate lastDay) {
            assertThat(rules.lastDayInWarranty(ship, channel)).isEqualTo(lastDay);
            assertThat(rules.status(ship, channel, lastDay))
                    .isEqualTo(new WarrantyStatus(true, lastDay, WarrantyStatus.Basis.WITHIN_PERIOD));
            assertThat(rules.status(ship, channel, lastDay.plusDays(1)))
                    .isEqualTo(new WarrantyStatus(false, lastDay, WarrantyStatus.Basis.PERIOD_EXPIRED));
        }

        @Test
        void day365And366AfterShipping() {
            LocalDate ship = d("2025-01-31");
            assertThat(rules.status(ship, DIRECT, ship.plusDays(365)).inWarranty()).isTrue();
            assertThat(rules.status(ship, DIRECT, ship.plusDays(366)).inWarranty()).isFalse();
            LocalDate leapYearShip = d("2024-01-31");
            assertThat(rules.status(leapYearShip, DIRECT, leapYearShip.plusDays(366)).inWarranty()).isTrue();
            assertThat(rules.status(leapYearShip, DIRECT, leapYearShip.plusDays(367)).inWarranty()).isFalse();
        }

        @Test
        void dealerProductsGetFourMonthsMoreThanDirectOnes() {
            LocalDate ship = d("2025-01-31");
            LocalDate thirteenMonthsLater = d("2026-02-28");
            assertThat(rules.status(ship, DIRECT, thirteenMonthsLater).inWarranty()).isFalse();
            assertThat(rules.status(ship, DEALER, thirteenMonthsLater).inWarranty()).isTrue();
            assertThat(rules.status(ship, DEALER, d("2026-05-31")).inWarranty()).isTrue();
            assertThat(rules.status(ship, DEALER, d("2026-06-01")).inWarranty()).isFalse();
        }

        @Test
        void shipDayItselfIsInWarranty() {
            assertThat(rules.status(d("2025-03-10"), DIRECT, d("2025-03-10")).inWarranty()).isTrue();
        }

        @Test
        void withoutProvenShipDateTheProductIsOutOfWarranty() {
            assertThat(rules.status(null, DEALER, d("2025-03-10")))
                    .isEqualTo(new WarrantyStatus(false, null, WarrantyStatus.Basis.NO_PROVEN_DATE));
        }

        @Test
        void unknownChannelGetsTheShorterDirectPeriod() {
            assertThat(rules.lastDayInWarranty(d("2025-01-15"), null)).isEqualTo(d("2026-01-15"));
        }

        @Test
        void periodsAreConfigurable() {
            var custom = new WarrantyRules(new WarrantyProperties(24, 30));
            assertThat(custom.lastDayInWarranty(d("2025-01-15"), DIRECT)).isEqualTo(d("2027-01-15"));
            assertThat(custom.lastDayInWarranty(d("2025-01-15"), DEALER)).isEqualTo(d("2027-07-15"));
        }

        @Test
        void missingPeriodsFallBackToTheRegulationAndNegativeOnesAreRefused() {
            assertThat(new WarrantyProperties(null, null)).isEqualTo(new WarrantyProperties(12, 16));
            assertThatThrownBy(() -> new WarrantyProperties(-1, 16)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Charging {

        @Test
        void ourQualityFaultInWarrantyIsFree() {
            assertThat(rules.charge(in(), new FaultFacts(true, false, null, null, null, null, null, null, null, null,
                    null, null))).isEqualTo(Charge.FREE);
        }

        @Test
        void ourFaultOnAPartTheCustomerProcessedCostsMaterial() {
            assertThat(rules.charge(in(), new FaultFacts(true, true, null, null, null, null, null, null, null, null,
                    null, null))).isEqualTo(Charge.MATERIAL);
        }

        @Test
        void notOurFaultInWarrantyCostsMaterialAndLabour() {
            assertThat(rules.charge(in(), new FaultFacts(false, null, null, null, null, null, null, null, null, null,
                    null, null))).isEqualTo(Charge.MATERIAL_AND_LABOUR);
        }

        @Test
        void anUnassessedFaultIsChargedAsNotOurs() {
            assertThat(rules.charge(in(), null)).isEqualTo(Charge.MATERIAL_AND_LABOUR);
            assertThat(rules.charge(in(), facts())).isEqualTo(Charge.MATERIAL_AND_LABOUR);
        }

        @Test
        void outOfWarrantyCostsMaterialAndLabourEvenForOurFault() {
            assertThat(rules.charge(out(), new FaultFacts(true, false, null, null, null, null, null, null, null, null,
                    null, null))).isEqualTo(Charge.MATERIAL_AND_LABOUR);
            var noDate = rules.status(null, DIRECT, d("2025-01-01"));
            assertThat(rules.charge(noDate, new FaultFacts(true, null, null, null, null, null, null, null, null, null,
                    null, null))).isEqualTo(Charge.MATERIAL_AND_LABOUR);
        }
    }

    @Nested
    class Returns {

        private FaultFacts intact(boolean consent, boolean customMade) {
            return new FaultFacts(null, null, true, consent, customMade, null, null, null, null, null, null, null);
        }

        @Test
        void allowsIntactProductInWarrantyWithFactoryConsent() {
            assertThat(rules.returnDecision(in(), intact(true, false)))
                    .isEqualTo(new ReturnDecision(true, java.util.List.of(INTACT_IN_WARRANTY_WITH_CONSENT)));
        }

        @Test
        void refusesIntactProductWithoutConsent() {
            assertThat(rules.returnDecision(in(), intact(false, false)))
                    .isEqualTo(new ReturnDecision(false, java.util.List.of(NO_FACTORY_CONSENT)));
        }

        @Test
        void refusesCustomMadeProductEvenWithConsent() {
            assertThat(rules.returnDecision(in(), intact(true, true)))
                    .isEqualTo(new ReturnDecision(false, java.util.List.of(CUSTOM_MADE)));
        }

        @Test
        void allowsProductMissingTheContractSpecificationEvenWhenCustomMade() {
            var facts = new FaultFacts(null, null, null, null, true, true, null, null, true, null, null, null);
            assertThat(rules.returnDecision(in(), facts))
                    .isEqualTo(new ReturnDecision(true, java.util.List.of(SPECIFICATION_NOT_MET)));
        }

        @Test
        void allowsTransportDamageUnlessSelfCollected() {
            var delivered = new FaultFacts(null, null, null, null, null, null, true, false, null, null, null, null);
            var collected = new FaultFacts(null, null, null, null, null, null, true, true, null, null, null, null);
            assertThat(rules.returnDecision(in(), delivered))
                    .isEqualTo(new ReturnDecision(true, java.util.List.of(TRANSPORT_DAMAGE)));
            assertThat(rules.returnDecision(in(), collected))
                    .isEqualTo(new ReturnDecision(false, java.util.List.of(SELF_COLLECTED)));
        }

        @Test
        void refusesEverythingOutOfWarranty() {
            var specMissed = new FaultFacts(null, null, true, true, null, true, true, null, null, null, null, null);
            assertThat(rules.returnDecision(out(), specMissed))
                    .isEqualTo(new ReturnDecision(false, java.util.List.of(OUT_OF_WARRANTY)));
        }

        @Test
        void refusesUsedProductWithoutQualityProblem() {
            var facts = new FaultFacts(false, null, true, true, null, null, null, null, true, null, null, null);
            assertThat(rules.returnDecision(in(), facts))
                    .isEqualTo(new ReturnDecision(false, java.util.List.of(USED_WITHOUT_QUALITY_PROBLEM)));
        }

        @Test
        void usedProductWithOurQualityProblemIsNotRefusedForUse() {
            var facts = new FaultFacts(true, null, null, null, null, true, null, null, true, null, null, null);
            assertThat(rules.returnDecision(in(), facts).allowed()).isTrue();
        }

        @Test
        void refusalGroundsWinOverReturnGroundsAndAreAllListed() {
            var facts = new FaultFacts(null, null, null, null, null, true, true, null, null, true, true, true);
            assertThat(rules.returnDecision(out(), facts)).isEqualTo(new ReturnDecision(false, java.util.List.of(
                    OUT_OF_WARRANTY, APPEARANCE_DAMAGED_NOT_BY_US, DISASSEMBLED_OR_MODIFIED, MISUSE)));
        }

        @Test
        void refusesWithoutAnyGround() {
            assertThat(rules.returnDecision(in(), null))
                    .isEqualTo(new ReturnDecision(false, java.util.List.of(NO_RETURN_GROUND)));
        }

        @Test
        void everyReasonNamesItsClauseAndOnlyParagraphFiveGroundsAllow() {
            for (ReturnReason reason : ReturnReason.values()) {
                assertThat(reason.rule()).startsWith("001 §");
            }
            assertThat(java.util.Arrays.stream(ReturnReason.values()).filter(ReturnReason::allows))
                    .containsExactly(INTACT_IN_WARRANTY_WITH_CONSENT, SPECIFICATION_NOT_MET, TRANSPORT_DAMAGE);
        }
    }
}
