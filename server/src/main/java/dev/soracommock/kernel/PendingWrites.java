package dev.soracommock.kernel;

/**
 * Rows a domain keeps in memory for a moment before it writes them (write-behind, off the request thread). The state
 * control API ({@code /_mock/reset}, {@code /_mock/state}, an operator's reset and fork) calls {@link #flush()}
 * before it reads, replaces or empties the tables, so that it sees and acts on every row written before it.
 */
public interface PendingWrites {

    /** Writes every row held so far; when it returns, they are in the database. */
    void flush();
}
