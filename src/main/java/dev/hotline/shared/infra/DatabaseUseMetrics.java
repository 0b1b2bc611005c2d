package dev.hotline.shared.infra;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Counts database connections taken, by who waits for them: {@code caller} (a web request or a console action: the
 * caller or agent waits) or {@code background} (journal writer, listeners, schedules). The synchronous share is what the
 * routing benchmark reports per contact; one connection is one transaction or one auto-commit statement. Also where a
 * database known to be out refuses a connection at once ({@link DatabaseGate}).
 */
@Configuration(proxyBeanMethods = false)
class DatabaseUseMetrics {

    @Bean
    static BeanPostProcessor countingDataSource(ObjectProvider<MeterRegistry> meters, ObjectProvider<DatabaseGate> gate) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof DataSource ds && !(bean instanceof Counting)) {
                    return new Counting(ds, meters, gate);
                }
                return bean;
            }
        };
    }

    static final class Counting extends DelegatingDataSource {

        private final ObjectProvider<MeterRegistry> meters;
        private final ObjectProvider<DatabaseGate> gates;
        private volatile DatabaseGate gate;
        private volatile Counter caller;
        private volatile Counter background;

        Counting(DataSource target, ObjectProvider<MeterRegistry> meters, ObjectProvider<DatabaseGate> gates) {
            super(target);
            this.meters = meters;
            this.gates = gates;
        }

        @Override
        public Connection getConnection() throws SQLException {
            checkGate();
            count();
            return super.getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            checkGate();
            count();
            return super.getConnection(username, password);
        }

        /** A database known to be out refuses at once (see {@link DatabaseGate}). */
        private void checkGate() throws SQLException {
            DatabaseGate g = gate;
            if (g == null) {
                g = gates.getIfAvailable();
                if (g == null) {
                    return;
                }
                gate = g;
            }
            g.check();
        }

        private void count() {
            String thread = Thread.currentThread().getName();
            boolean waited = thread.startsWith("http-nio") || thread.startsWith("clientInboundChannel");
            Counter c = waited ? caller : background;
            if (c == null) {
                MeterRegistry registry = meters.getIfAvailable();
                if (registry == null) {
                    return;
                }
                c = Counter.builder("hotline.db.connections").tag("for", waited ? "caller" : "background")
                        .description("Database connections taken (transactions and auto-commit statements)")
                        .register(registry);
                if (waited) {
                    caller = c;
                } else {
                    background = c;
                }
            }
            c.increment();
        }
    }
}
