package dev.hotline.telephony.asterisk;

import dev.hotline.contact.ContactIntake;
import dev.hotline.routing.ContactRouting;
import dev.hotline.contact.ContactSnapshot;
import dev.hotline.contact.ContactStatus;
import dev.hotline.shared.Channel;
import dev.hotline.shared.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;

import java.time.Instant;
import java.util.List;

/**
 * After every AMI login: events may have been missed while the session was down. Asks the PBX which channels are live
 * (CoreShowChannels) and reconciles the open Asterisk contacts of every node with it: a call whose caller channel is
 * still there is tracked here (once), a call whose channel is gone is closed as the caller hanging up (abandoned if
 * nobody answered, ended if connected). Contacts that arrived after the question was asked are left alone. If the PBX
 * cannot answer, nothing is closed. Every node does this; the contact log makes the repeats harmless.
 */
class LiveCallResync implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(LiveCallResync.class);
    private static final int PAGE = 500;

    private final AmiConnection ami;
    private final LiveCalls calls;
    private final CallDirectory directory;
    private final ContactIntake intake;
    private final ContactRouting routing;

    LiveCallResync(AmiConnection ami, LiveCalls calls, CallDirectory directory, ContactIntake intake,
                   ContactRouting routing) {
        this.routing = routing;
        this.ami = ami;
        this.calls = calls;
        this.directory = directory;
        this.intake = intake;
    }

    @Override
    public void run() {
        Instant askedAt = Instant.now();
        LiveChannels live;
        try {
            live = LiveChannels.list(ami);
        } catch (AmiConnection.AmiFailure e) {
            log.warn("Resync skipped, live channels unknown: {}", e.getMessage());
            return;
        }
        int kept = 0;
        int closed = 0;
        for (ContactSnapshot contact : openAsteriskContacts()) {
            if (!contact.arrivedAt().isBefore(askedAt)) {
                continue;
            }
            String linkedId = contact.externalId();
            var caller = live.callerOf(contact);
            if (caller.isPresent()) {
                directory.adopt(contact, linkedId, caller.get().uniqueId(), caller.get().channel())
                        .callerIs(caller.get().uniqueId(), caller.get().channel());
                kept++;
            } else {
                calls.byLinkedId(linkedId).ifPresent(calls::forget);
                try {
                    routing.callerHungUp(contact.id(), askedAt);
                    closed++;
                } catch (DomainException e) {
                    log.debug("Contact {} changed during resync: {}", contact.id(), e.getMessage());
                }
            }
        }
        log.info("Resync with the PBX: {} live channels, {} open calls kept, {} closed as hung up",
                live.size(), kept, closed);
    }

    private List<ContactSnapshot> openAsteriskContacts() {
        return List.of(ContactStatus.WAITING, ContactStatus.OFFERED, ContactStatus.CONNECTED).stream()
                .flatMap(status -> intake.search(status, null, Channel.VOICE, null, null, PageRequest.of(0, PAGE))
                        .getContent().stream())
                .filter(c -> HotlineAgiScript.PROVIDER.equals(c.provider()) && c.externalId() != null)
                .toList();
    }
}
