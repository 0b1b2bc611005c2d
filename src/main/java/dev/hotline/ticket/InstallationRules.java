package dev.hotline.ticket;

import dev.hotline.shared.ConflictException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Installation rules a company changes in configuration ({@code hotline.ticket.installation.*}).
 *
 * @param runIn how long a commissioned installation runs at full load before it is handed over to the customer
 *              (004 §4.0 4.7: 调试完成达到72小时满负荷运转后交客户使用)
 */
@ConfigurationProperties("hotline.ticket.installation")
record InstallationRules(@DefaultValue("72h") Duration runIn) {

    /** Refuses the hand-over (409 {@code run-in-not-over}) until {@link #runIn} has passed since it was installed. */
    void checkRunInOver(String number, List<TicketHistoryEntry> history, Instant now) {
        Instant installed = history.stream().map(TicketHistoryEntry::view)
                .filter(h -> h.toStatus() == TicketStatus.INSTALLED && "TRANSITION".equals(h.action()))
                .map(TicketHistoryView::at).reduce((a, b) -> b).orElse(null);
        if (installed != null && now.isBefore(installed.plus(runIn))) {
            throw new ConflictException("run-in-not-over", "Ticket " + number + " was installed at " + installed
                    + "; it is handed over after " + runIn.toHours() + " h at full load, from " + installed.plus(runIn));
        }
    }
}
