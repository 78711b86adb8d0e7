package io.sluice.session;

/**
 * Told of every flush of a factory's sessions, for metrics ({@link SessionFactory#withFlushListener}); the Spring Boot
 * starter counts flushes and flushed objects with it. Called on the thread that completed the flush: keep it quick and never
 * block.
 */
public interface FlushListener {

    /** A listener that does nothing. */
    FlushListener NONE = new FlushListener() {};

    /**
     * Called after a flush that sent statements succeeded.
     *
     * @param inserted how many objects it inserted
     * @param updated how many objects it updated
     * @param deleted how many objects it deleted
     */
    default void flushed(int inserted, int updated, int deleted) {}

    /**
     * Called after a flush failed; the session's objects are as they were before it.
     *
     * @param error the failure
     */
    default void failed(Throwable error) {}
}
