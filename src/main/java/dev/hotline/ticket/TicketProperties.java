package dev.hotline.ticket;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ticket rules a company changes in configuration ({@code hotline.ticket.*}).
 *
 * @param firstFixWindow a repeat repair of the same serial within this window counts as a failed first fix
 * @param watchInterval  how often the deadline watch looks for near and missed deadlines
 * @param noRequestCodes disposition codes that mean the contact asked for nothing (wrong number, silent call): an
 *                       unfilled draft finished with one is closed without a type, not as an answered inquiry
 */
@ConfigurationProperties("hotline.ticket")
public record TicketProperties(@DefaultValue("90d") Duration firstFixWindow,
                               @DefaultValue("60s") Duration watchInterval,
                               @DefaultValue Sla sla,
                               @DefaultValue Calendar calendar,
                               @DefaultValue({"wrong-number", "silent-call"}) List<String> noRequestCodes) {

    /**
     * SLA policy (SPEC §5). Times are {@link SlaTime}s: {@code 2h}, {@code 3d}, {@code 3wd} (working days).
     *
     * @param resolution      time to close, per type and severity; a missing entry means no resolution clock
     * @param nearFraction    share of a deadline elapsed at which the "near" alert fires
     */
    public record Sla(@DefaultValue("2h") SlaTime response,
                      @DefaultValue("3d") SlaTime feedback,
                      Map<TicketType, Map<Severity, SlaTime>> resolution,
                      @DefaultValue("7d") SlaTime repairPartsInStock,
                      @DefaultValue("15d") SlaTime repairPartsMissing,
                      @DefaultValue("24h") SlaTime onSiteArrival,
                      @DefaultValue("36h") SlaTime onSiteArrivalRemote,
                      @DefaultValue("2h") SlaTime onSiteFix,
                      @DefaultValue("72h") SlaTime replacement,
                      @DefaultValue("30m") SlaTime managementReport,
                      @DefaultValue("0.8") double nearFraction) {

        public Sla {
            if (resolution == null || resolution.isEmpty()) {
                resolution = defaultResolution();
            }
            if (nearFraction <= 0 || nearFraction >= 1) {
                throw new IllegalArgumentException("hotline.ticket.sla.near-fraction must be between 0 and 1");
            }
        }

        /** Major complaint 24 h (003 §4.4.6); general returns 3 working days, special cases 24 h (000 §三.3). */
        static Map<TicketType, Map<Severity, SlaTime>> defaultResolution() {
            var map = new EnumMap<TicketType, Map<Severity, SlaTime>>(TicketType.class);
            map.put(TicketType.COMPLAINT, Map.of(Severity.MAJOR, SlaTime.valueOf("24h")));
            map.put(TicketType.RETURN_EXCHANGE, Map.of(Severity.MINOR, SlaTime.workingDays(3),
                    Severity.MAJOR, SlaTime.valueOf("24h")));
            return map;
        }

        SlaTime resolution(TicketType type, Severity severity) {
            var bySeverity = resolution.get(type);
            return bySeverity == null ? null : bySeverity.get(severity == null ? Severity.MINOR : severity);
        }
    }

    /** The business calendar for working-day deadlines; holidays and 调休 days are listed per year. */
    public record Calendar(@DefaultValue("Asia/Shanghai") ZoneId zone,
                           @DefaultValue({"SATURDAY", "SUNDAY"}) Set<DayOfWeek> weekend,
                           List<LocalDate> holidays,
                           List<LocalDate> makeUpWorkdays) {

        BusinessCalendar toBusinessCalendar() {
            return new BusinessCalendar(zone, weekend, holidays == null ? Set.of() : Set.copyOf(holidays),
                    makeUpWorkdays == null ? Set.of() : Set.copyOf(makeUpWorkdays));
        }
    }

    public static TicketProperties defaults() {
        return new TicketProperties(Duration.ofDays(90), Duration.ofSeconds(60),
                new Sla(SlaTime.valueOf("2h"), SlaTime.valueOf("3d"), null, SlaTime.valueOf("7d"),
                        SlaTime.valueOf("15d"), SlaTime.valueOf("24h"), SlaTime.valueOf("36h"), SlaTime.valueOf("2h"),
                        SlaTime.valueOf("72h"), SlaTime.valueOf("30m"), 0.8),
                new Calendar(java.time.ZoneId.of("Asia/Shanghai"), Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
                        List.of(), List.of()), List.of("wrong-number", "silent-call"));
    }
}
