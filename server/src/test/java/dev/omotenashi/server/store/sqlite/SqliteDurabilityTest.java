package dev.omotenashi.server.store.sqlite;

import dev.omotenashi.server.store.JournalRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * An append that returned is in the journal after the process is killed outright. (This proves nothing is
 * buffered in the process; surviving power loss rests on {@code synchronous=FULL}, which
 * {@link SqliteStorageTest} checks.)
 */
class SqliteDurabilityTest {
    @TempDir
    Path dataDir;

    @Test
    void everyAcknowledgedAppendSurvivesKillMinus9() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                AppendingProcess.class.getName(), dataDir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        long acknowledged = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            while (acknowledged < 500) {
                String line = out.readLine();
                if (line == null) fail("the appending process ended before acknowledging 500 appends");
                if (line.startsWith("ACK ")) acknowledged = Long.parseLong(line.substring(4));
            }
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, no close
            assertThat(child.waitFor(1, TimeUnit.MINUTES)).isTrue();
        } finally {
            child.destroyForcibly();
        }

        try (SqliteStorage reopened = SqliteStorage.open(dataDir)) {
            List<Long> seqs = new ArrayList<>();
            reopened.journal().replay("shop", 0, r -> seqs.add(r.seq()));
            assertThat(seqs.size()).isGreaterThanOrEqualTo((int) acknowledged);
            assertThat(seqs.subList(0, (int) acknowledged)).isEqualTo(
                    LongStream.rangeClosed(1, acknowledged).boxed().toList());
            assertThat(reopened.journal().knownEventIds("shop", List.of("e" + acknowledged))).hasSize(1);
        }
    }
}
