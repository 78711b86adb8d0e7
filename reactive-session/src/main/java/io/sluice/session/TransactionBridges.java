package io.sluice.session;

import java.util.List;
import java.util.ServiceLoader;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@link TransactionBridge}s on the class path, asked in turn for the session of an outside transaction. */
final class TransactionBridges {

    /** A session of an outside transaction and the bridge that found it. */
    record Joined(TransactionBridge bridge, Session session) {}

    private static final List<TransactionBridge> BRIDGES = load();

    private TransactionBridges() {}

    private static List<TransactionBridge> load() {
        return ServiceLoader.load(TransactionBridge.class, TransactionBridge.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get)
                .toList();
    }

    /** Whether any bridge is on the class path: without one, nothing outside Sluice is asked. */
    static boolean any() {
        return !BRIDGES.isEmpty();
    }

    /** Emits the first session an outside transaction in the subscriber's Context holds for the factory, or completes empty. */
    static Mono<Joined> find(@Nullable SessionFactory factory) {
        if (BRIDGES.isEmpty()) {
            return Mono.empty();
        }
        return Flux.fromIterable(BRIDGES)
                .concatMap(bridge -> bridge.current(factory).map(session -> new Joined(bridge, session)))
                .next();
    }
}
