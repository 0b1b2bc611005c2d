package dev.hotline.ticket;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Hands out CS-yyyyMMdd-NNNN numbers, counting per local day. The day's counter row is locked for the rest of the
 * caller's transaction, so two nodes never hand out the same number, and a rolled-back ticket gives its number back.
 */
@Component
class TicketNumbers {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate separate;
    /** the last day whose counter row this node has seen: its creation (a transaction of its own) is skipped then */
    private volatile LocalDate known;

    TicketNumbers(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Must run inside the transaction that stores the ticket. */
    String next(LocalDate day) {
        Integer last = day.equals(known) ? lastValue(day) : null;
        if (last == null) {
            // the day's row is created in its own short transaction: creating it inside the caller's one would let
            // two first tickets of the day deadlock on the insert's shared lock
            separate.executeWithoutResult(s -> jdbc.update(
                    "insert ignore into ticket_number_sequence (day, last_value) values (?, 0)", day));
            last = lastValue(day);
            known = day;
        }
        int next = last + 1;
        jdbc.update("update ticket_number_sequence set last_value = ? where day = ?", next, day);
        return "CS-%s-%04d".formatted(day.format(DateTimeFormatter.BASIC_ISO_DATE), next);
    }

    /** The day's counter, locked for the caller's transaction; null when the row is not there. */
    private Integer lastValue(LocalDate day) {
        return jdbc.query("select last_value from ticket_number_sequence where day = ? for update",
                rs -> rs.next() ? rs.getInt(1) : null, day);
    }
}
