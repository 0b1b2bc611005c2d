package dev.hotline.shared.infra;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseServerCheckTests {

    @Test
    void refusesConnectorJOnAMariaDbThatAnnouncesItselfAsMySql55() {
        assertThat(DatabaseServerCheck.problem("MySQL Connector/J", "5.5.5-10.11.19-MariaDB-0+deb12u1", "jdbc:mysql://db/hotline"))
                .contains("jdbc:mariadb://").contains("10.11.19");
    }

    @Test
    void acceptsMySql8TheMariaDbDriverAndMariaDb11() {
        assertThat(DatabaseServerCheck.problem("MySQL Connector/J", "8.4.3", "jdbc:mysql://db/hotline")).isNull();
        assertThat(DatabaseServerCheck.problem("MariaDB Connector/J", "10.11.19-MariaDB", "jdbc:mariadb://db/hotline")).isNull();
        assertThat(DatabaseServerCheck.problem("MySQL Connector/J", "11.4.5-MariaDB", "jdbc:mysql://db/hotline")).isNull();
    }
}
