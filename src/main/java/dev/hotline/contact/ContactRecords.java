package dev.hotline.contact;

import java.util.List;

/**
 * The durable record of what routing did: routing's journal writer hands each batch of entries here. One transaction
 * per batch; entries already recorded are skipped, so a batch may be handed again after a crash. The recorded events
 * ({@link ContactAnswered}, {@link ContactAbandoned}, {@link ContactOverflowed}, {@link ContactEnded},
 * {@link ContactDisposed}) are published inside that transaction, once per contact and fact.
 */
public interface ContactRecords {

    void record(List<ContactTransition> batch);
}
