package dev.hotline.routing;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A queue's stored configuration; routing works with its {@link QueueSettings} snapshot. */
@Entity
@Table(name = "routing_queue")
class RoutingQueue {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 64)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    private RoutingStrategy strategy;

    @Column(name = "ring_no_answer_ms", nullable = false)
    private long ringNoAnswerMs;

    @Column(name = "ring_period_ms", nullable = false)
    private long ringPeriodMs;

    @Column(name = "alert_ring", nullable = false)
    private int alertRing;

    @Column(name = "widen_ring", nullable = false)
    private int widenRing;

    @Column(name = "overflow_ring", nullable = false)
    private int overflowRing;

    @Column(nullable = false, length = 64)
    private String zone;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "routing_queue_skill", joinColumns = @JoinColumn(name = "queue_id"))
    @MapKeyColumn(name = "skill")
    @Column(name = "min_level")
    private Map<String, Integer> skills = new HashMap<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "routing_on_call", joinColumns = @JoinColumn(name = "queue_id"))
    @OrderColumn(name = "position")
    private List<Shift> onCall = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt = Instant.now();

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = Instant.now();

    protected RoutingQueue() {
    }

    RoutingQueue(String name) {
        this.name = name;
    }

    void apply(QueueSettings s) {
        strategy = s.strategy();
        ringNoAnswerMs = s.ringNoAnswer().toMillis();
        ringPeriodMs = s.ringPeriod().toMillis();
        alertRing = s.alertRing();
        widenRing = s.widenRing();
        overflowRing = s.overflowRing();
        zone = s.zone().getId();
        skills.clear();
        skills.putAll(s.skills());
        onCall.clear();
        s.onCall().forEach(shift -> onCall.add(Shift.of(shift)));
        updatedAt = Instant.now();
    }

    String name() {
        return name;
    }

    QueueSettings settings() {
        return new QueueSettings(name, skills, strategy, Duration.ofMillis(ringNoAnswerMs), Duration.ofMillis(ringPeriodMs),
                alertRing, widenRing, overflowRing, ZoneId.of(zone), onCall.stream().map(Shift::shift).toList());
    }

    /** One on-call row; days stored as a comma list of day names. */
    @Embeddable
    static class Shift {

        @Column(nullable = false, length = 80)
        private String days;

        @Column(name = "from_time", nullable = false)
        private LocalTime fromTime;

        @Column(name = "to_time", nullable = false)
        private LocalTime toTime;

        @Column(nullable = false, length = 32)
        private String phone;

        protected Shift() {
        }

        static Shift of(OnCallShift s) {
            var row = new Shift();
            row.days = s.days().stream().sorted().map(DayOfWeek::name).collect(Collectors.joining(","));
            row.fromTime = s.from();
            row.toTime = s.to();
            row.phone = s.phone();
            return row;
        }

        OnCallShift shift() {
            var set = Arrays.stream(days.split(",")).filter(d -> !d.isBlank()).map(DayOfWeek::valueOf)
                    .collect(Collectors.toSet());
            return new OnCallShift(set, fromTime, toTime, phone);
        }
    }
}
