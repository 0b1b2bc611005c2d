package dev.hotline.routing;

import dev.hotline.shared.CustomerTier;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Pure routing rules, no Spring. */
class RoutingPolicyTests {

    @Test
    void majorComplaintsThenKeyCustomersThenFirstComeFirstServed() {
        long t = 1_700_000_000_000L;
        long regularEarly = RoutingPolicy.waitingScore(CustomerTier.REGULAR, false, t);
        long regularLate = RoutingPolicy.waitingScore(CustomerTier.REGULAR, false, t + 1);
        long keyLate = RoutingPolicy.waitingScore(CustomerTier.KEY, false, t + 60_000);
        long unknownCaller = RoutingPolicy.waitingScore(null, false, t + 2);
        long majorLatest = RoutingPolicy.waitingScore(CustomerTier.REGULAR, true, t + 3_600_000);
        assertThat(List.of(regularLate, unknownCaller, keyLate, regularEarly, majorLatest).stream().sorted().toList())
                .containsExactly(majorLatest, keyLate, regularEarly, regularLate, unknownCaller);
    }

    @Test
    void waitingScoresStayExactAsDoubles() {
        long score = RoutingPolicy.waitingScore(CustomerTier.REGULAR, false, 4_102_444_800_123L); // year 2100
        assertThat((long) (double) score).isEqualTo(score);
    }

    @Test
    void agentQualifiesWithEveryRequiredSkillAtTheRequiredLevel() {
        Map<String, Integer> queue = Map.of("voice", 2, "repair", 3);
        assertThat(RoutingPolicy.qualifies(Map.of("voice", 5, "repair", 3), queue)).isTrue();
        assertThat(RoutingPolicy.qualifies(Map.of("voice", 5, "repair", 2), queue)).isFalse();
        assertThat(RoutingPolicy.qualifies(Map.of("voice", 5), queue)).isFalse();
        assertThat(RoutingPolicy.qualifies(Map.of(), Map.of())).isTrue();
    }

    @Test
    void widenedContactReachesAgentsWithTheSkillAtAnyLevel() {
        Map<String, Integer> queue = Map.of("repair", 3);
        assertThat(RoutingPolicy.qualifiesWidened(Map.of("repair", 1), queue)).isTrue();
        assertThat(RoutingPolicy.qualifiesWidened(Map.of("sales", 5), queue)).isFalse();
    }

    @Test
    void agentCannotLeaveARingingOfferOrABusyContactByHand() {
        assertThat(RoutingPolicy.allowsManual(AgentState.RESERVED, AgentState.BREAK)).isFalse();
        assertThat(RoutingPolicy.allowsManual(AgentState.BUSY, AgentState.OFFLINE)).isFalse();
        assertThat(RoutingPolicy.allowsManual(AgentState.BUSY, AgentState.AVAILABLE)).isFalse();
        assertThat(RoutingPolicy.allowsManual(AgentState.OFFLINE, AgentState.BREAK)).isFalse();
        assertThat(RoutingPolicy.allowsManual(AgentState.AVAILABLE, AgentState.BREAK)).isTrue();
        assertThat(RoutingPolicy.allowsManual(AgentState.BREAK, AgentState.AVAILABLE)).isTrue();
        assertThat(RoutingPolicy.allowsManual(AgentState.WRAP_UP, AgentState.AVAILABLE)).isTrue();
        assertThat(RoutingPolicy.allowsManual(AgentState.AVAILABLE, AgentState.RESERVED)).isFalse();
    }

    @Test
    void onCallTargetFollowsTheLocalTimeOfDayIncludingNightShiftsOverMidnight() {
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        Set<DayOfWeek> weekdays = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        var queue = new QueueSettings("hotline", Map.of(), RoutingStrategy.LONGEST_IDLE, Duration.ofSeconds(15),
                Duration.ofSeconds(5), 2, 3, 4, zone, List.of(
                new OnCallShift(weekdays, LocalTime.of(8, 0), LocalTime.of(18, 0), "+8613800000001"),
                new OnCallShift(weekdays, LocalTime.of(18, 0), LocalTime.of(8, 0), "+8613800000002")));
        var mondayNoon = ZonedDateTime.of(2026, 11, 23, 12, 0, 0, 0, zone).toInstant();
        var mondayNight = ZonedDateTime.of(2026, 11, 23, 23, 0, 0, 0, zone).toInstant();
        var tuesdayDawn = ZonedDateTime.of(2026, 11, 24, 3, 0, 0, 0, zone).toInstant();
        var sundayNoon = ZonedDateTime.of(2026, 11, 29, 12, 0, 0, 0, zone).toInstant();
        assertThat(queue.onCallTarget(mondayNoon)).contains("+8613800000001");
        assertThat(queue.onCallTarget(mondayNight)).contains("+8613800000002");
        assertThat(queue.onCallTarget(tuesdayDawn)).contains("+8613800000002");
        assertThat(queue.onCallTarget(sundayNoon)).isEmpty();
    }
}
