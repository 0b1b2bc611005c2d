package dev.hotline.telephony.asterisk;

import dev.hotline.contact.ContactIntake;
import dev.hotline.contact.ContactSnapshot;
import dev.hotline.contact.ContactStatus;
import dev.hotline.shared.Channel;
import dev.hotline.shared.DomainException;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * After every AMI login: events may have been missed while the session was down. Asks the PBX which channels are live
 * (CoreShowChannels) and reconciles the open Asterisk contacts with it: a call whose caller channel is still there is
 * tracked (once), a call whose channel is gone is closed as the caller hanging up (abandoned if nobody answered,
 * ended if connected). Contacts that arrived after the question was asked are left alone. If the PBX cannot answer,
 * nothing is closed.
 */
class LiveCallResync implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(LiveCallResync.class);
    private static final int PAGE = 500;

    private final AmiConnection ami;
    private final LiveCalls calls;
    private final ContactIntake intake;

    LiveCallResync(AmiConnection ami, LiveCalls calls, ContactIntake intake) {
        this.ami = ami;
        this.calls = calls;
        this.intake = intake;
    }

    @Override
    public void run() {
        Instant askedAt = Instant.now();
        Map<String, String> liveChannelByUniqueId = new HashMap<>();
        try {
            for (var event : ami.list(new CoreShowChannelsAction()).getEvents()) {
                if (event instanceof CoreShowChannelEvent) {
                    var channel = (CoreShowChannelEvent) event;
                    liveChannelByUniqueId.put(channel.getUniqueid(), channel.getChannel());
                }
            }
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
            String channel = liveChannelByUniqueId.get(linkedId);
            if (channel != null) {
                calls.track(contact.id(), linkedId, linkedId, channel).callerChannel(channel);
                kept++;
            } else {
                calls.byLinkedId(linkedId).ifPresent(calls::forget);
                try {
                    intake.callerHungUp(contact.id(), askedAt);
                    closed++;
                } catch (DomainException e) {
                    log.debug("Contact {} changed during resync: {}", contact.id(), e.getMessage());
                }
            }
        }
        log.info("Resync with the PBX: {} live channels, {} open calls kept, {} closed as hung up",
                liveChannelByUniqueId.size(), kept, closed);
    }

    private List<ContactSnapshot> openAsteriskContacts() {
        return List.of(ContactStatus.WAITING, ContactStatus.OFFERED, ContactStatus.CONNECTED).stream()
                .flatMap(status -> intake.search(status, null, Channel.VOICE, null, null, PageRequest.of(0, PAGE))
                        .getContent().stream())
                .filter(c -> HotlineAgiScript.PROVIDER.equals(c.provider()) && c.externalId() != null)
                .toList();
    }
}
