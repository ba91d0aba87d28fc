package dev.soracommock.journal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soracommock.config.MockProperties;
import org.junit.jupiter.api.Test;

/** The journal keeps the last {@code soracom-mock.journal.size} entries; 0 keeps none. */
class RequestJournalBoundTest {

    private static RequestJournal journal(int size) {
        return new RequestJournal(new MockProperties(false, true, 0, null, null, null, null, null,
                new MockProperties.Journal(size), null, MockProperties.JsonNulls.OMIT, null, true));
    }

    private static void request(RequestJournal journal, String path) {
        journal.record(journal.begin(), 0, "GET", path, null, null, null, 200, null, 0, null);
    }

    @Test
    void theOldestEntriesAreDroppedPastTheSize() {
        RequestJournal journal = journal(3);
        for (int i = 1; i <= 5; i++) {
            request(journal, "/v1/" + i);
        }
        assertThat(journal.find(e -> true, 100)).extracting(RequestJournal.Entry::path)
                .containsExactly("/v1/5", "/v1/4", "/v1/3");
    }

    @Test
    void sizeZeroRecordsNothing() {
        RequestJournal journal = journal(0);
        request(journal, "/v1/1");
        assertThat(journal.enabled()).isFalse();
        assertThat(journal.find(e -> true, 100)).isEmpty();
    }
}
