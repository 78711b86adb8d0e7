package io.sluice.core;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Where the work of a driver that blocks the subscribing thread runs (r2dbc-h2 executes a statement while it is subscribed):
 * work subscribed from a thread that must not block (Reactor's {@code NonBlocking} threads: its parallel and single
 * schedulers, and Reactor Netty's event loops, WebFlux's included) runs on threads of the engine's bounded scheduler instead,
 * so such a thread is never held while H2 works and its {@code subscribe()} returns at once. Work subscribed from a thread
 * that may block (a main thread, a test, a bounded-elastic worker, one of the engine's own threads) runs in place, as the
 * driver itself would, with no hop: a chain of statements started from an event loop hops once. A stream always runs on the
 * scheduler, its requests included, since a lazily computed H2 result does its work as rows are requested. For drivers that
 * do not block, none of this applies.
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
        AtomicInteger counter = new AtomicInteger();
        ThreadFactory factory = task -> {
            Thread thread = new Thread(task, "sluice-" + driver + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        return new DriverThreads(Schedulers.newBoundedElastic(threads, 100_000, factory, 60), true);
    }

    /** Threads of a scheduler the application gives (and disposes of). */
    static DriverThreads of(Scheduler scheduler) {
        return new DriverThreads(scheduler, false);
    }

    /** Runs a command (a statement, a transaction command, an acquire or a release) off a thread that must not block. */
    <T> Mono<T> run(Mono<T> command) {
        return Mono.defer(() -> Schedulers.isInNonBlockingThread() ? command.subscribeOn(scheduler) : command);
    }

    /** Runs a command emitting many signals off a thread that must not block. */
    <T> Flux<T> run(Flux<T> command) {
        return Flux.defer(() -> Schedulers.isInNonBlockingThread() ? command.subscribeOn(scheduler) : command);
    }

    /** Runs a stream on the driver's threads, its subscriber's requests included, whichever thread they come from. */
    <T> Flux<T> stream(Flux<T> rows) {
        return rows.subscribeOn(scheduler, true);
    }

    /** Disposes of the engine's own threads once their work is done; leaves a given scheduler alone. */
    Mono<Void> dispose() {
        return own ? scheduler.disposeGracefully().onErrorComplete() : Mono.empty();
    }
}
