package dev.hotline.servicelevel;

import dev.hotline.contact.ContactEnded;
import dev.hotline.contact.ContactIntake;
import dev.hotline.routing.ContactAssigned;
import dev.hotline.routing.ContactQueued;
import dev.hotline.routing.ContactRouting;
import dev.hotline.routing.RoutingStatus;
import dev.hotline.shared.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The three-ring escalation of every waiting contact: alert at the alert ring if no agent is reserved, widen at the
 * widen ring, overflow to the on-call target at the overflow ring if still unanswered. Steps are claimed from Redis
 * (see {@link EscalationSchedule}); this node also wakes up exactly when a step it scheduled is due.
 */
class Escalations implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Escalations.class);

    private final EscalationSchedule schedule;
    private final ContactRouting routing;
    private final ContactIntake contacts;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final EscalationTimer timer;
    private final Duration sweepInterval;
    private volatile boolean running;

    Escalations(EscalationSchedule schedule, ContactRouting routing, ContactIntake contacts,
                ApplicationEventPublisher events, Clock clock, EscalationTimer timer, Duration sweepInterval) {
        this.schedule = schedule;
        this.routing = routing;
        this.contacts = contacts;
        this.events = events;
        this.clock = clock;
        this.timer = timer;
        this.sweepInterval = sweepInterval;
    }

    @EventListener
    void on(ContactQueued event) {
        var timeline = EscalationTimeline.of(routing.queue(event.queue()), event.arrivedAt());
        schedule.schedule(event.contactId(), event.queue(), timeline);
        timer.at(timeline.steps().get(0).at(), this::sweep);
    }

    @EventListener
    void on(ContactAssigned event) {
        schedule.cancel(event.contactId());
    }

    @EventListener
    void on(ContactEnded event) {
        schedule.cancel(event.contactId());
    }

    /** Runs every due step (claimed: once across all nodes). */
    void sweep() {
        Instant now = clock.instant();
        for (var due : schedule.claimDue(now.toEpochMilli(), 500)) {
            try {
                handle(due, now);
            } catch (RuntimeException e) {
                log.warn("Escalation {} of contact {} failed: {}", due.step(), due.contactId(), e.toString());
            }
            Long next = schedule.nextAt(due.contactId());
            if (next != null) {
                timer.at(Instant.ofEpochMilli(next), this::sweep);
            }
        }
    }

    private void handle(EscalationSchedule.Due due, Instant now) {
        RoutingStatus status = routing.status(due.contactId());
        boolean unanswered = status == RoutingStatus.WAITING || status == RoutingStatus.OFFERED;
        switch (due.step()) {
            case ALERT:
                if (status == RoutingStatus.WAITING) {
                    events.publishEvent(new RingAlert(due.contactId(), due.queue(), due.ring(), now));
                }
                break;
            case WIDEN:
                if (unanswered) {
                    routing.widen(due.contactId());
                }
                break;
            case OVERFLOW:
                if (unanswered) {
                    overflow(due, now);
                }
                break;
            default:
                break;
        }
    }

    private void overflow(EscalationSchedule.Due due, Instant now) {
        Optional<String> target = routing.queue(due.queue()).onCallTarget(now);
        if (target.isEmpty()) {
            // nobody on call at this hour: keep the caller waiting for an agent and make supervisors look
            log.warn("Contact {} in queue {} reached the overflow ring but no on-call target covers {}",
                    due.contactId(), due.queue(), now);
            events.publishEvent(new RingAlert(due.contactId(), due.queue(), due.ring(), now));
            return;
        }
        try {
            contacts.overflowed(due.contactId(), target.get(), now);
        } catch (DomainException raced) {
            log.debug("Contact {} was answered or ended before overflow: {}", due.contactId(), raced.getMessage());
        }
    }

    private void tick() {
        if (!running) {
            return;
        }
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("Escalation sweep failed: {}", e.toString());
        }
        timer.at(clock.instant().plus(sweepInterval), this::tick);
    }

    @Override
    public void start() {
        running = true;
        timer.at(clock.instant().plus(sweepInterval), this::tick);
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
