package dev.omotenashi.server.store.postgres;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostgresUrlTest {

    @Test
    void aJdbcUrlPassesThroughUnchanged() {
        String jdbc = "jdbc:postgresql://db:5433/omotenashi?user=app&password=secret";
        assertThat(PostgresUrl.parse(jdbc)).isEqualTo(new PostgresUrl(jdbc, null, null));
    }

    @Test
    void aLibpqUrlGivesUserAndPasswordSeparately() {
        assertThat(PostgresUrl.parse("postgresql://app:s3cret@db.internal:5433/omotenashi?sslmode=require"))
                .isEqualTo(new PostgresUrl("jdbc:postgresql://db.internal:5433/omotenashi?sslmode=require", "app", "s3cret"));
        assertThat(PostgresUrl.parse("postgres://app@db/omotenashi"))
                .isEqualTo(new PostgresUrl("jdbc:postgresql://db/omotenashi", "app", null));
    }

    @Test
    void percentEncodedCredentialsAreDecodedAndPlusStaysPlus() {
        PostgresUrl url = PostgresUrl.parse("postgresql://us%40er:p%3Aa%2Fss+w%40rd@db/x");
        assertThat(url.user()).isEqualTo("us@er");
        assertThat(url.password()).isEqualTo("p:a/ss+w@rd");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db/x");
    }

    @Test
    void missingPartsTakeLibpqDefaults() {
        assertThat(PostgresUrl.parse("postgresql://")).isEqualTo(new PostgresUrl("jdbc:postgresql://localhost/", null, null));
        assertThat(PostgresUrl.parse("postgresql://db?application_name=x").jdbcUrl())
                .isEqualTo("jdbc:postgresql://db/?application_name=x");
        assertThat(PostgresUrl.parse("postgresql://a:5432,b:5432/x?target_session_attrs=read-write").jdbcUrl())
                .isEqualTo("jdbc:postgresql://a:5432,b:5432/x?target_session_attrs=read-write");
    }

    @Test
    void otherSchemesAreRefusedWithoutShowingThePassword() {
        assertThatThrownBy(() -> PostgresUrl.parse("mysql://app:hunter2@db/x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("postgresql://")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void thePasswordNeverShowsInText() {
        assertThat(PostgresUrl.parse("postgresql://app:hunter2@db/x").toString()).doesNotContain("hunter2");
        assertThat(PostgresUrl.redact("jdbc:postgresql://db/x?user=a&password=hunter2&ssl=true"))
                .doesNotContain("hunter2").contains("ssl=true");
    }
}
