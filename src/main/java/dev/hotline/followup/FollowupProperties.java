package dev.hotline.followup;

import dev.hotline.ticket.TicketType;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Follow-up rules a company changes in configuration ({@code hotline.followup.*}); defaults in
 * {@code application.properties}, explained in {@code docs/followup.md}.
 *
 * @param keyIntervalMonths      a KEY customer is visited at least this often (002 §三.4(6): half a year)
 * @param longTermIntervalMonths a LONG_TERM customer is visited at least this often (yearly)
 * @param planAheadDays          tier visits are planned this many days before they fall due, so agents see them coming
 * @param afterTicketDays        days after closing within which a ticket of that type is visited; types not listed get
 *                               no visit
 * @param yearlyCoveragePercent  share of all customers to visit per calendar year (004 §7.0 4.5)
 * @param planningCron           when the daily planning job runs, in {@code zone}
 * @param reportDay              day of the month by which the monthly report is ready (003 §3.7); moved earlier to
 *                               a working day of the ticket module's business calendar
 */
@ConfigurationProperties("hotline.followup")
public record FollowupProperties(@DefaultValue("6") int keyIntervalMonths,
                                 @DefaultValue("12") int longTermIntervalMonths,
                                 @DefaultValue("14") int planAheadDays,
                                 Map<TicketType, Integer> afterTicketDays,
                                 @DefaultValue("5") double yearlyCoveragePercent,
                                 @DefaultValue("0 30 1 * * *") String planningCron,
                                 @DefaultValue("28") int reportDay,
                                 @DefaultValue Survey survey) {

    public FollowupProperties {
        if (afterTicketDays == null || afterTicketDays.isEmpty()) {
            afterTicketDays = new EnumMap<>(Map.of(TicketType.COMPLAINT, 7, TicketType.REPAIR, 7));
        }
        if (afterTicketDays.values().stream().anyMatch(days -> days == null || days < 0)) {
            throw new IllegalArgumentException("hotline.followup.after-ticket-days must be >= 0");
        }
        if (keyIntervalMonths < 1 || longTermIntervalMonths < 1 || planAheadDays < 0) {
            throw new IllegalArgumentException("hotline.followup visit intervals must be positive");
        }
        if (reportDay < 1 || reportDay > 28) {
            throw new IllegalArgumentException("hotline.followup.report-day must be 1..28 (every month has it)");
        }
        if (yearlyCoveragePercent < 0 || yearlyCoveragePercent > 100) {
            throw new IllegalArgumentException("hotline.followup.yearly-coverage-percent must be 0..100");
        }
    }

    /**
     * The survey and its score (see {@link SurveyScoring}).
     *
     * @param goodPoints, fairPoints, poorPoints points of the three levels of every dimension
     * @param weights            weight of each dimension; the score is the weighted mean of the points
     * @param notSatisfiedBelow  a score below this means "not satisfied": a complaint is reopened
     * @param target             the monthly average must exceed this (003 §3.7: > 90)
     * @param linkValidity       how long a survey link sent by SMS stays usable
     * @param tokenSecret        HMAC key signing survey links; the same on every node. Empty = a random key per start
     *                           (links die with a restart; fine for the embedded default, not for a cluster)
     * @param publicBaseUrl      prefix of the public survey link in the SMS, e.g. {@code https://hotline.example.com}
     * @param smsFrom            the number survey texts come from; empty = the first configured hotline number
     */
    public record Survey(@DefaultValue("100") int goodPoints,
                         @DefaultValue("60") int fairPoints,
                         @DefaultValue("0") int poorPoints,
                         Map<Dimension, Integer> weights,
                         @DefaultValue("60") double notSatisfiedBelow,
                         @DefaultValue("90") double target,
                         @DefaultValue("7d") Duration linkValidity,
                         @DefaultValue("") String tokenSecret,
                         @DefaultValue("") String publicBaseUrl,
                         @DefaultValue("") String smsFrom) {

        public Survey {
            if (weights == null || weights.isEmpty()) {
                weights = new EnumMap<>(Dimension.class);
                for (var d : Dimension.values()) {
                    weights.put(d, 1);
                }
            }
            if (weights.values().stream().anyMatch(w -> w < 0) || weights.values().stream().mapToInt(w -> w).sum() == 0) {
                throw new IllegalArgumentException("hotline.followup.survey.weights must be >= 0 and not all 0");
            }
        }
    }

    /** The visit window after a closed ticket of {@code type}, or null when that type gets no visit. */
    Integer afterTicket(TicketType type) {
        return type == null ? null : afterTicketDays.get(type);
    }
}
