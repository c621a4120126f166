package dev.omotenashi.server.store.sqlite;

import dev.omotenashi.server.store.JournalRecord;

import java.nio.file.Path;
import java.util.List;

/**
 * A process that appends to a SQLite storage forever, printing {@code ACK <seq>} after each append returns:
 * {@link SqliteDurabilityTest} kills it with SIGKILL and checks that every acknowledged record is there.
 */
public final class AppendingProcess {
    private AppendingProcess() {
    }

    public static void main(String[] args) {
        SqliteStorage storage = SqliteStorage.open(Path.of(args[0]));
        for (long seq = 1; ; seq++) {
            storage.journal().append(List.of(new JournalRecord("shop", seq, "v", null, List.of("e" + seq), seq,
                    "{\"seq\":" + seq + "}", seq - 1)));
            System.out.println("ACK " + seq);
            System.out.flush();
        }
    }
}
