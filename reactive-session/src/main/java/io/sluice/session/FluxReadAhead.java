package io.sluice.session;

import java.util.Queue;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.Scannable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxOperator;
import reactor.core.publisher.Operators;
import reactor.util.concurrent.Queues;
import reactor.util.context.Context;

/**
 * Reads its source as fast as it emits, whatever the subscriber's demand: it requests everything at once, passes each element
 * straight on while the subscriber has demand and keeps the others, in order, until it asks for them. So a query's result is
 * read to its end (and the session's turn given up) even if the subscriber waits for work it starts on the session, at no cost
 * per row when the subscriber keeps up. {@code onBackpressureBuffer()} does the same but puts every element through its queue,
 * and {@code collectList()} holds every element before the first is emitted; both cost more per row (measured on the entity
 * and tuple reads).
 *
 * <p>The source's completion or error reaches the subscriber after the elements kept for it. Cancelling cancels the source and
 * discards the kept elements.
 */
final class FluxReadAhead<T> extends FluxOperator<T, T> {

    FluxReadAhead(Flux<? extends T> source) {
        super(source);
    }

    @Override
    public void subscribe(CoreSubscriber<? super T> actual) {
        source.subscribe(new ReadAheadSubscriber<>(actual));
    }

    @Override
    public @Nullable Object scanUnsafe(Attr key) {
        return key == Attr.RUN_STYLE ? Attr.RunStyle.SYNC : super.scanUnsafe(key);
    }

    static final class ReadAheadSubscriber<T> implements CoreSubscriber<T>, Subscription, Scannable {

        private final CoreSubscriber<? super T> actual;
        private @Nullable Subscription upstream;
        private volatile @Nullable Queue<T> queue;
        private volatile long requested;
        private volatile int wip;
        private volatile boolean done;
        private volatile boolean cancelled;
        private @Nullable Throwable error;

        @SuppressWarnings("rawtypes")
        private static final AtomicReferenceFieldUpdater<ReadAheadSubscriber, Queue> QUEUE =
                AtomicReferenceFieldUpdater.newUpdater(ReadAheadSubscriber.class, Queue.class, "queue");

        @SuppressWarnings("rawtypes")
        private static final AtomicLongFieldUpdater<ReadAheadSubscriber> REQUESTED =
                AtomicLongFieldUpdater.newUpdater(ReadAheadSubscriber.class, "requested");

        @SuppressWarnings("rawtypes")
        private static final AtomicIntegerFieldUpdater<ReadAheadSubscriber> WIP =
                AtomicIntegerFieldUpdater.newUpdater(ReadAheadSubscriber.class, "wip");

        ReadAheadSubscriber(CoreSubscriber<? super T> actual) {
            this.actual = actual;
        }

        @Override
        public Context currentContext() {
            return actual.currentContext();
        }

        @Override
        public void onSubscribe(Subscription subscription) {
            if (Operators.validate(upstream, subscription)) {
                upstream = subscription;
                actual.onSubscribe(this);
                subscription.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(T element) {
            if (done) {
                Operators.onNextDropped(element, actual.currentContext());
                return;
            }
            if (cancelled) {
                Operators.onDiscard(element, actual.currentContext());
                return;
            }
            if (wip == 0 && WIP.compareAndSet(this, 0, 1)) {
                Queue<T> kept = queue;
                long demand = requested;
                if (demand != 0 && (kept == null || kept.isEmpty())) {
                    actual.onNext(element);
                    if (demand != Long.MAX_VALUE) {
                        REQUESTED.decrementAndGet(this);
                    }
                } else {
                    keep(element);
                }
                if (WIP.decrementAndGet(this) == 0) {
                    return;
                }
            } else {
                keep(element);
                if (WIP.getAndIncrement(this) != 0) {
                    return;
                }
            }
            drainLoop();
        }

        /** Keeps an element for later; only the source's thread, which emits one element at a time, adds to the queue. */
        @SuppressWarnings("unchecked")
        private void keep(T element) {
            Queue<T> kept = queue;
            if (kept == null) {
                kept = Queues.<T>unbounded().get();
                if (!QUEUE.compareAndSet(this, null, kept)) {
                    kept = (Queue<T>) java.util.Objects.requireNonNull(queue);
                }
            }
            kept.offer(element);
        }

        @Override
        public void onError(Throwable failure) {
            if (done) {
                Operators.onErrorDropped(failure, actual.currentContext());
                return;
            }
            error = failure;
            done = true;
            drain();
        }

        @Override
        public void onComplete() {
            if (done) {
                return;
            }
            done = true;
            drain();
        }

        @Override
        public void request(long n) {
            if (Operators.validate(n)) {
                Operators.addCap(REQUESTED, this, n);
                drain();
            }
        }

        @Override
        public void cancel() {
            if (cancelled) {
                return;
            }
            cancelled = true;
            Subscription current = upstream;
            if (current != null) {
                current.cancel();
            }
            if (WIP.getAndIncrement(this) == 0) {
                discardKept();
            }
        }

        private void discardKept() {
            Queue<T> kept = queue;
            if (kept != null) {
                Operators.onDiscardQueueWithClear(kept, actual.currentContext(), null);
            }
        }

        private void drain() {
            if (WIP.getAndIncrement(this) == 0) {
                drainLoop();
            }
        }

        /** Emits kept elements as far as the demand goes, then the end once nothing is kept; run by one thread at a time. */
        private void drainLoop() {
            int missed = 1;
            for (; ; ) {
                long demand = requested;
                long emitted = 0;
                for (; ; ) {
                    if (cancelled) {
                        discardKept();
                        return;
                    }
                    boolean finished = done;
                    Queue<T> kept = queue;
                    @Nullable T element = emitted == demand || kept == null ? null : kept.poll();
                    if (element == null) {
                        if (finished && (kept == null || kept.isEmpty())) {
                            Throwable failure = error;
                            if (failure != null) {
                                actual.onError(failure);
                            } else {
                                actual.onComplete();
                            }
                            return;
                        }
                        break;
                    }
                    actual.onNext(element);
                    emitted++;
                }
                if (emitted != 0 && demand != Long.MAX_VALUE) {
                    REQUESTED.addAndGet(this, -emitted);
                }
                missed = WIP.addAndGet(this, -missed);
                if (missed == 0) {
                    return;
                }
            }
        }

        @Override
        public @Nullable Object scanUnsafe(Attr key) {
            if (key == Attr.PARENT) {
                return upstream;
            }
            if (key == Attr.ACTUAL) {
                return actual;
            }
            if (key == Attr.CANCELLED) {
                return cancelled;
            }
            if (key == Attr.TERMINATED) {
                return done;
            }
            if (key == Attr.REQUESTED_FROM_DOWNSTREAM) {
                return requested;
            }
            if (key == Attr.BUFFERED) {
                Queue<T> kept = queue;
                return kept == null ? 0 : kept.size();
            }
            return key == Attr.RUN_STYLE ? Attr.RunStyle.SYNC : null;
        }
    }
}
