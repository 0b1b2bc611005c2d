package dev.hotline.ticket;

import dev.hotline.shared.ConflictException;
import dev.hotline.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Installation and maintenance tickets (004 §4.0 配送安装, §3.3 a 定期保养) on the real database: an appointment is agreed,
 * each visit leaves its record, and an installation is handed over only after its full-load run.
 */
@SpringBootTest
class InstallationIntegrationTests {

    @Autowired
    TicketManagement tickets;
    @Autowired
    InstallationRules rules;

    private static final TicketActor AGENT = TicketActor.agent("agent.installer");

    private long registered(TicketType type) {
        var fields = TicketFields.NONE.withType(type).with(new TicketFields(null, null, null, null,
                "新设备送货安装", "SN-INST-" + System.nanoTime(), null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null));
        return tickets.create(new NewTicket(null, null, fields), AGENT).id();
    }

    private static TicketFields appointment(LocalDate day) {
        return new TicketFields(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, day);
    }

    @Test
    void anInstallationIsHandedOverOnlyAfterItsFullLoadRun() {
        long id = registered(TicketType.INSTALLATION);
        assertThatThrownBy(() -> tickets.transition(id, TicketStatus.SCHEDULED, null, null, AGENT))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("appointmentOn");
        var day = LocalDate.now().plusDays(2);
        tickets.transition(id, TicketStatus.SCHEDULED, appointment(day), "客户已电话确认送货时间", AGENT);
        assertThat(tickets.find(id).orElseThrow().fields().appointmentOn()).isEqualTo(day);
        tickets.transition(id, TicketStatus.INSTALLED, null, "安装调试记录：一次调试成功", AGENT);

        assertThat(rules.runIn()).isEqualTo(Duration.ofHours(72));
        assertThatThrownBy(() -> tickets.transition(id, TicketStatus.HANDED_OVER, null, "已培训操作", AGENT))
                .isInstanceOf(ConflictException.class).hasMessageContaining("72 h");
        assertThat(tickets.find(id).orElseThrow().status()).isEqualTo(TicketStatus.INSTALLED);
    }

    @Test
    void theRunInCountsFromTheLastCommissioning() {
        Instant installed = Instant.parse("2026-03-02T08:00:00Z");
        var history = List.of(new TicketHistoryEntry(1L, installed, "a", "TRANSITION", TicketStatus.SCHEDULED,
                TicketStatus.INSTALLED, "commissioned"));
        assertThatThrownBy(() -> rules.checkRunInOver("CS-1", history, installed.plus(Duration.ofHours(71))))
                .isInstanceOf(ConflictException.class);
        assertThatCode(() -> rules.checkRunInOver("CS-1", history, installed.plus(Duration.ofHours(72))))
                .doesNotThrowAnyException();
    }

    @Test
    void aMaintenanceVisitIsScheduledDoneAndRecorded() {
        long id = registered(TicketType.MAINTENANCE);
        tickets.transition(id, TicketStatus.SCHEDULED, appointment(LocalDate.now().plusDays(7)), null, AGENT);
        tickets.transition(id, TicketStatus.ON_SITE, null, null, AGENT);
        assertThatThrownBy(() -> tickets.transition(id, TicketStatus.MAINTAINED, null, null, AGENT))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("note");
        tickets.transition(id, TicketStatus.MAINTAINED, null, "更换滤芯，紧固接线", AGENT);
        tickets.transition(id, TicketStatus.CLOSED, null, null, AGENT);
        var detail = tickets.detail(id);
        assertThat(detail.ticket().status()).isEqualTo(TicketStatus.CLOSED);
        // a maintenance visit has no repair clock (fixed within 2 h of arrival)
        assertThat(detail.deadlines()).noneMatch(d -> d.kind() == DeadlineKind.ON_SITE_FIX);
    }
}
