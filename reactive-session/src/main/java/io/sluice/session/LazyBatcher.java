package io.sluice.session;

import io.sluice.session.mapping.ManyToOneRelationship;
import io.sluice.session.mapping.Relationship;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Coalesces lazy loads (the reactive N+1). A load asked for joins the open batch of its relationship, which waits for the
 * session's turn (the session runs one piece of work at a time, so a load waits for the work before it anyway). Only when the
 * turn comes is the batch closed: it takes the owners asked for so far and fills up to the factory's load batch size (500 by
 * default) with other objects of the session whose relationship is not loaded, then loads them with one {@code WHERE key IN
 * (...)} query. Loads asked for while a batch runs wait for it if it covers their owner, or open the next batch. So {@code
 * query.all().flatMap(u -> u.getAddresses().flux())}, {@code concatMap}, nested loads and loads of objects fetched one by one
 * cost one query per relationship and batch, whatever the order or timing of the subscriptions.
 */
final class LazyBatcher {

    private final DefaultSession session;
    /** Per relationship, the batch that has not started yet: loads asked for now join it. */
    private final Map<Relationship<?, ?>, Batch> open = new HashMap<>();
    /** Per relationship, the owners of started batches, each with the batch that loads it. */
    private final Map<Relationship<?, ?>, Map<Object, Mono<Void>>> running = new HashMap<>();

    LazyBatcher(DefaultSession session) {
        this.session = session;
    }

    <T> Mono<List<T>> fetch(Object owner, Relationship<?, T> relationship) {
        return Mono.defer(() -> {
            Mono<Void> done;
            synchronized (this) {
                if (RelationAccess.isLoaded(relationship.holder(owner))) {
                    // loaded by a batch that finished between the holder's check and this one
                    return Mono.fromSupplier(() -> contents(owner, relationship));
                }
                Mono<Void> started =
                        running.getOrDefault(relationship, Map.of()).get(owner);
                if (started != null) {
                    done = started;
                } else {
                    Batch batch = open.get(relationship);
                    if (batch == null || batch.requested.size() >= session.loadBatchSize()) {
                        batch = new Batch(relationship);
                        open.put(relationship, batch);
                    }
                    if (batch.seen.add(owner)) {
                        batch.requested.add(owner);
                    }
                    done = batch.result;
                }
            }
            return done.then(Mono.fromSupplier(() -> contents(owner, relationship)));
        });
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> contents(Object owner, Relationship<?, T> relationship) {
        return (List<T>) List.copyOf(RelationAccess.contents(relationship.holder(owner)));
    }

    /** The loads of one relationship that wait for the same turn of the session. */
    private final class Batch {

        private final Relationship<?, ?> relationship;
        private final List<Object> requested = new ArrayList<>();
        private final Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        private final Mono<Void> result;

        Batch(Relationship<?, ?> relationship) {
            this.relationship = relationship;
            // Autoflush once, in the turn; the IN queries of the batch then skip it.
            this.result = session.turn()
                    .then(Mono.defer(this::start))
                    .doFinally(signal -> close())
                    .cache();
        }

        /** Takes the batch out of the open ones, if it still is: loads asked for from now on open another. */
        private void close() {
            synchronized (LazyBatcher.this) {
                if (open.get(relationship) == this) {
                    open.remove(relationship);
                }
            }
        }

        /** Closes the batch: picks its owners from those asked for and the session's others, and loads them. */
        private Mono<Void> start() {
            List<Object> owners = new ArrayList<>();
            List<Mono<Void>> elsewhere = new ArrayList<>();
            Map<Object, Mono<Void>> flying;
            close();
            synchronized (LazyBatcher.this) {
                flying = running.computeIfAbsent(relationship, key -> new IdentityHashMap<>());
                for (Object owner : requested) {
                    Mono<Void> other = flying.get(owner);
                    if (other != null) {
                        // an earlier batch took it from the identity map: this one waits for that one
                        elsewhere.add(other);
                    } else if (!RelationAccess.isLoaded(relationship.holder(owner))) {
                        owners.add(owner);
                    }
                }
                int size = session.loadBatchSize();
                if (owners.size() < size) {
                    Map<Object, Mono<Void>> busy = flying;
                    session.unitOfWork()
                            .identityMap()
                            .collectKeyed(
                                    owners,
                                    size,
                                    other -> relationship.owner().isInstance(other)
                                            && !seen.contains(other)
                                            && worthLoading(other, busy));
                }
                for (Object owner : owners) {
                    flying.put(owner, result);
                }
            }
            Mono<Void> others = Mono.when(elsewhere);
            if (owners.isEmpty()) {
                return others;
            }
            Map<Object, Mono<Void>> loading = flying;
            return Eager.selectin(session, owners, relationship, session.isDefaultReadOnly())
                    .doFinally(signal -> {
                        synchronized (LazyBatcher.this) {
                            for (Object owner : owners) {
                                loading.remove(owner, result);
                            }
                        }
                    })
                    .then(others);
        }

        /**
         * Whether the batch should also load the relationship of an owner nobody asked for yet: one not loaded, not in a
         * running batch, and for a reference, one whose target the session does not hold already (that needs no query).
         */
        @SuppressWarnings("unchecked")
        private boolean worthLoading(Object owner, Map<Object, Mono<Void>> flying) {
            if (RelationAccess.isLoaded(relationship.holder(owner)) || flying.containsKey(owner)) {
                return false;
            }
            if (!(relationship instanceof ManyToOneRelationship<?, ?> reference)) {
                return true;
            }
            @Nullable Object id = reference.targetKey(owner);
            return id != null && session.unitOfWork().identityMap().get(relationship.target(), id) == null;
        }
    }
}
