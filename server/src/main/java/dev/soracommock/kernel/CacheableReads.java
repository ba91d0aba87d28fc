package dev.soracommock.kernel;

import java.util.Set;

/**
 * Read operations of a domain whose successful answer is a function of the request (path, query, the caller's
 * operator, {@code Host} and {@code Accept}) and of the stored state alone: no clock, no per-user content, nothing
 * written while answering. The pipeline's answer cache may answer them again, byte for byte, until the state changes
 * ({@link StateChanges}). Every table such an answer reads must be written only by requests or by stores that call
 * {@link StateChanges#changed()}.
 */
public interface CacheableReads {

    /** The operation IDs. */
    Set<String> operationIds();
}
