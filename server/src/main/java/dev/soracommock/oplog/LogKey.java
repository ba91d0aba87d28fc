package dev.soracommock.oplog;

import dev.soracommock.kernel.ApiException;
import dev.soracommock.kernel.ErrorCode;

/**
 * The position of a log entry in a newest-first list, as {@code last_evaluated_key} carries it: its time (ms) and its
 * row ID, {@code <time>_<id>}; the next page starts after it.
 */
record LogKey(long time, long id) {

    static LogKey parse(String key) {
        if (key == null) {
            return null;
        }
        int sep = key.indexOf('_');
        try {
            if (sep > 0) {
                return new LogKey(Long.parseLong(key.substring(0, sep)), Long.parseLong(key.substring(sep + 1)));
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new ApiException(ErrorCode.INVALID_LOG_KEY, key);
    }

    @Override
    public String toString() {
        return time + "_" + id;
    }
}
