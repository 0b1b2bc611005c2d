package dev.hotline.customer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.hotline.shared.KnownCaller;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.Optional;
import java.util.function.Function;

/**
 * Per-node cache of what every arrival and screen pop reads: who owns a number, and a customer's card. Changes made on
 * this node invalidate at once; another node's change (or a new day's warranty status) shows within {@code ttl}.
 */
@Component
class CustomerCache {

    private final Cache<String, Optional<KnownCaller>> callers;
    private final Cache<Long, CustomerCard> cards;

    CustomerCache(CustomerCacheProperties settings) {
        this.callers = Caffeine.newBuilder().expireAfterWrite(settings.ttl()).maximumSize(settings.maxSize()).build();
        this.cards = Caffeine.newBuilder().expireAfterWrite(settings.ttl()).maximumSize(settings.maxSize()).build();
    }

    Optional<KnownCaller> caller(String e164, Function<String, Optional<KnownCaller>> load) {
        return callers.get(e164, load);
    }

    /** The cached owner of a number, empty when nobody owns it, null when not cached. */
    Optional<KnownCaller> cachedCaller(String e164) {
        return callers.getIfPresent(e164);
    }

    CustomerCard card(long customerId, Function<Long, CustomerCard> load) {
        return cards.get(customerId, load);
    }

    /** A customer or its numbers changed (numbers: old and new ones, so a number given up is forgotten too). */
    void changed(Long customerId, Collection<String> e164s) {
        if (customerId != null) {
            cards.invalidate(customerId);
        }
        callers.invalidateAll(e164s);
    }

    void changedAll() {
        cards.invalidateAll();
        callers.invalidateAll();
    }
}
