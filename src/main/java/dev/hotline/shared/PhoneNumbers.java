package dev.hotline.shared;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Locale;

/**
 * Parses written phone numbers with the company's default region ({@code hotline.phone.default-region}, CN unless
 * configured), so every module normalises numbers the same way.
 */
@ConfigurationProperties("hotline.phone")
public record PhoneNumbers(String defaultRegion) {

    public PhoneNumbers {
        defaultRegion = defaultRegion == null || defaultRegion.isBlank() ? "CN" : defaultRegion.toUpperCase(Locale.ROOT);
    }

    public PhoneNumber parse(String written) {
        return PhoneNumber.parse(written, defaultRegion);
    }
}
