package io.sluice.core;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Where the work of a driver that blocks the calling thread runs (r2dbc-h2 executes statements while the subscriber
 * subscribes): on threads of a bounded scheduler of the engine, never on the subscriber's thread, so that an event loop or a
 * parallel thread that subscribes is never held while H2 works, and {@code subscribe()} returns at once. Work started on one of
 * those threads runs there directly, with no hop to another thread, so a chain of statements (BEGIN, a query, COMMIT) costs one
 * hop, not one per statement. A stream always hops, requests included, since a lazily computed H2 result does work on each
 * request. For drivers that do not block, none of this applies.
 */
final class DriverThreads {

    private final Scheduler scheduler;
    private final boolean own;

    private DriverThreads(Scheduler scheduler, boolean own) {
        this.scheduler = scheduler;
        this.own = own;
    }

    /** Threads of the engine's own, at most {@code threads} of them, named after the driver; disposed with the engine. */
    static DriverThreads create(String driver, int threads) {
        DriverThreads[] created = new DriverThreads[1];
        AtomicInteger counter = new AtomicInteger();
        ThreadFactory factory = task -> {
            Thread thread = new DriverThread(task, "sluice-" + driver + "-" + counter.incrementAndGet(), created);
            thread.setDaemon(true);
            return thread;
        };
        created[0] = new DriverThreads(Schedulers.newBoundedElastic(threads, 100_000, factory, 60), true);
        return created[0];
    }

    /** Threads of a scheduler the application gives (and disposes of). */
    static DriverThreads of(Scheduler scheduler) {
        return new DriverThreads(scheduler, false);
    }

    private boolean onOwnThread() {
        return Thread.currentThread() instanceof DriverThread thread && thread.owner[0] == this;
    }

    /** Runs a command (a statement, a transaction command, an acquire or a release) on the driver's threads. */
    <T> Mono<T> run(Mono<T> command) {
        return Mono.defer(() -> onOwnThread() ? command : command.subscribeOn(scheduler));
    }

    /** Runs a command emitting many signals on the driver's threads. */
    <T> Flux<T> run(Flux<T> command) {
        return Flux.defer(() -> onOwnThread() ? command : command.subscribeOn(scheduler));
    }

    /** Runs a stream on the driver's threads, its subscriber's requests included, whichever thread they come from. */
    <T> Flux<T> stream(Flux<T> rows) {
        return rows.subscribeOn(scheduler, true);
    }

    /** Disposes of the engine's own threads once their work is done; leaves a given scheduler alone. */
    Mono<Void> dispose() {
        return own ? scheduler.disposeGracefully().onErrorComplete() : Mono.empty();
    }

    /** A thread of an engine's own scheduler, knowing which one, so work on it does not hop again. */
    private static final class DriverThread extends Thread {

        private final @Nullable DriverThreads[] owner;

        DriverThread(Runnable task, String name, @Nullable DriverThreads[] owner) {
            super(task, name);
            this.owner = owner;
        }
    }
}
