package dev.hotline;

import dev.hotline.contact.ContactIntake;
import dev.hotline.contact.ContactSnapshot;
import dev.hotline.contact.ContactStatus;
import dev.hotline.shared.ContactId;

import java.time.Duration;

import static org.awaitility.Awaitility.await;

/** The contact record follows routing's journal a moment behind the live state: tests wait for it to show a status. */
public final class Records {

    private Records() {
    }

    public static ContactSnapshot awaitRecorded(ContactIntake record, ContactId id, ContactStatus status) {
        return await().atMost(Duration.ofSeconds(10))
                .until(() -> record.find(id).orElseThrow(), c -> c.status() == status);
    }
}
