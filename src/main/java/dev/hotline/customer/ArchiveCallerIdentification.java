package dev.hotline.customer;

import dev.hotline.shared.CallerIdentification;
import dev.hotline.shared.KnownCaller;
import dev.hotline.shared.PhoneNumber;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Resolves a caller at every call arrival: from the archive's cache, or the owner read by number (see CustomerArchive). */
@Component
class ArchiveCallerIdentification implements CallerIdentification {

    private final CustomerArchive archive;

    ArchiveCallerIdentification(CustomerArchive archive) {
        this.archive = archive;
    }

    @Override
    public Optional<KnownCaller> identify(PhoneNumber number) {
        return archive.caller(number.e164());
    }
}
