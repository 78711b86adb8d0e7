package io.sluice.session;

import io.sluice.session.mapping.Relationship;
import io.sluice.session.relation.RelationAccess;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * Coalesces lazy loads (the reactive N+1): loading one object's collection loads the same relationship for up to the
 * factory's batch size (500 by default) of objects of the session that have not loaded it yet, in one {@code WHERE key IN (...)} query; loads requested
 * while that query runs wait for it instead of sending their own. So {@code Flux.fromIterable(users).flatMap(u ->
 * u.getAddresses().flux())} costs one query per 500 users, whatever the order or timing of the subscriptions.
 */
final class LazyBatcher {

    private final DefaultSession session;
    private final Map<Relationship<?, ?>, Map<Object, Mono<Void>>> inFlight = new HashMap<>();

    LazyBatcher(DefaultSession session) {
        this.session = session;
    }

    @SuppressWarnings("unchecked")
    <T> Mono<List<T>> load(Object owner, Relationship<?, T> relationship) {
        return Mono.defer(() -> {
            Mono<Void> batch;
            synchronized (this) {
                if (RelationAccess.isLoaded(relationship.holder(owner))) {
                    // loaded by a batch that finished between the holder's check and this one
                    return Mono.fromSupplier(
                            () -> (List<T>) List.copyOf(RelationAccess.contents(relationship.holder(owner))));
                }
                Map<Object, Mono<Void>> flying = inFlight.computeIfAbsent(relationship, key -> new IdentityHashMap<>());
                batch = flying.get(owner);
                if (batch == null) {
                    List<Object> owners = new ArrayList<>();
                    owners.add(owner);
                    Map<Object, Mono<Void>> waiting = flying;
                    session.unitOfWork()
                            .identityMap()
                            .collectKeyed(
                                    owners,
                                    session.batchSize(),
                                    other -> other != owner
                                            && relationship.owner().isInstance(other)
                                            && !waiting.containsKey(other)
                                            && !RelationAccess.isLoaded(relationship.holder(other)));
                    // Autoflush once for the batch; its IN queries then skip it.
                    Mono<Void> created = session.autoflush()
                            .then(Eager.selectin(session, owners, relationship, session.isDefaultReadOnly()))
                            .doFinally(signal -> {
                                synchronized (this) {
                                    owners.forEach(flying::remove);
                                }
                            })
                            .cache();
                    for (Object each : owners) {
                        flying.put(each, created);
                    }
                    batch = created;
                }
            }
            return batch.then(Mono.fromSupplier(
                    () -> (List<T>) List.copyOf(RelationAccess.contents(relationship.holder(owner)))));
        });
    }
}
