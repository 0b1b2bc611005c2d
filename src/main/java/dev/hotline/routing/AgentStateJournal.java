package dev.hotline.routing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Writes every agent state change to agent_state_history. Batched off the routing thread (every 200 ms) so an offer
 * does not wait for a database insert; the ring-no-answer count is updated at once (rare, and it is discipline).
 */
@Component
class AgentStateJournal implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AgentStateJournal.class);
    private static final String INSERT = "INSERT INTO agent_state_history (agent, from_state, to_state, reason, contact_id, at) VALUES (?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;
    private final AgentRepository agents;
    private final AgentDirectory directory;
    private final ConcurrentLinkedQueue<AgentStateChanged> pending = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "agent-state-journal");
        t.setDaemon(true);
        return t;
    });

    AgentStateJournal(JdbcTemplate jdbc, AgentRepository agents, AgentDirectory directory) {
        this.jdbc = jdbc;
        this.agents = agents;
        this.directory = directory;
        writer.scheduleWithFixedDelay(this::flush, 200, 200, TimeUnit.MILLISECONDS);
    }

    @EventListener
    void on(AgentStateChanged event) {
        pending.add(event);
    }

    @EventListener
    void on(AgentRingNoAnswer event) {
        agents.countRingNoAnswer(event.agent());
        directory.forget(event.agent());
    }

    synchronized void flush() {
        List<Object[]> rows = new ArrayList<>();
        AgentStateChanged e;
        while ((e = pending.poll()) != null) {
            rows.add(new Object[]{e.agent(), e.from().name(), e.to().name(), truncate(e.reason()),
                    e.contactId() == null ? null : e.contactId().value(), java.time.LocalDateTime.ofInstant(e.at(), java.time.ZoneOffset.UTC)});
        }
        if (rows.isEmpty()) {
            return;
        }
        try {
            jdbc.batchUpdate(INSERT, rows);
        } catch (RuntimeException ex) {
            log.warn("Could not record {} agent state changes: {}", rows.size(), ex.toString());
        }
    }

    @Override
    public void destroy() {
        writer.shutdown();
        flush();
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 128 ? s : s.substring(0, 128);
    }
}
