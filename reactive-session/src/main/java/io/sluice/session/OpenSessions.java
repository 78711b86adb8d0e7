package io.sluice.session;

import io.sluice.core.SqlConnection;
import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The sessions of a factory that hold a connection, and what becomes of a session that is never closed. As SQLAlchemy does, a
 * session that becomes unreachable while it holds a connection gives the connection back to the pool, its transaction rolled
 * back, and a warning names where the session was opened. When the pool has no connection to give within its acquire timeout,
 * the error says how many sessions of the factory hold one, and where the oldest were opened.
 */
final class OpenSessions {

    private static final Logger LOG = LoggerFactory.getLogger("io.sluice.session");
    private static final Cleaner CLEANER = Cleaner.create(task -> {
        Thread thread = new Thread(task, "sluice-session-cleaner");
        thread.setDaemon(true);
        return thread;
    });
    private static final StackWalker WALKER = StackWalker.getInstance();
    private static final int SITES_SHOWN = 3;
    private static final Set<String> OWN = Set.of(OpenSessions.class.getName(), SessionFactory.class.getName());

    private final Set<Holder> holding = ConcurrentHashMap.newKeySet();
    private final AtomicLong order = new AtomicLong();

    /**
     * Returns the holder of a session's connection, which knows where the session was opened: the frame that called {@link
     * SessionFactory#open()}.
     */
    Holder open() {
        return new Holder(
                WALKER.walk(frames -> frames.filter(frame -> !OWN.contains(frame.getClassName()))
                        .findFirst()
                        .orElse(null)),
                true);
    }

    /**
     * Returns a holder for a session opened by Sluice itself ({@code inTransaction}), which always closes it: counted among
     * the sessions holding connections, but not watched by the cleaner.
     */
    Holder openInternally() {
        return new Holder(null, false);
    }

    /** Describes who holds the connections, for an error about the pool having none to give. */
    String describeHolders() {
        List<Holder> now = new ArrayList<>(holding);
        if (now.isEmpty()) {
            return "no session of this factory holds one (other code of the application does)";
        }
        now.sort(Comparator.comparingLong(holder -> holder.since));
        StringBuilder text = new StringBuilder()
                .append(now.size())
                .append(
                        now.size() == 1
                                ? " session of this factory holds one, opened at "
                                : " sessions of this factory hold one; the oldest were opened at ");
        for (int i = 0; i < Math.min(SITES_SHOWN, now.size()); i++) {
            text.append(i == 0 ? "" : ", ").append(now.get(i).site());
        }
        return text.append(": close sessions when done (or use inTransaction, which does)")
                .toString();
    }

    /**
     * A session's hold on its connection, apart from the session itself, so that it can still be released once the session is
     * unreachable.
     */
    final class Holder implements Runnable {

        private final StackWalker.@Nullable StackFrame opened;
        private final boolean watched;
        private volatile @Nullable SqlConnection connection;
        private volatile long since;
        private Cleaner.@Nullable Cleanable cleanable;

        private Holder(StackWalker.@Nullable StackFrame opened, boolean watched) {
            this.opened = opened;
            this.watched = watched;
        }

        String site() {
            StackWalker.StackFrame frame = opened;
            return frame != null ? frame.toString() : watched ? "(unknown)" : "inTransaction";
        }

        /**
         * The session got a connection; on the first, a session the application opened is watched so that the connection is
         * released if the session is lost.
         */
        void acquired(Object session, SqlConnection acquired) {
            if (cleanable == null && watched) {
                cleanable = CLEANER.register(session, this);
            }
            connection = acquired;
            since = order.incrementAndGet();
            holding.add(this);
        }

        /** The session gave its connection back. */
        void released() {
            connection = null;
            holding.remove(this);
        }

        /** The session is closed: it no longer needs watching. */
        void closed() {
            released();
            Cleaner.Cleanable registered = cleanable;
            if (registered != null) {
                registered.clean();
            }
        }

        /** Runs when the session became unreachable (or was closed): gives back a connection it still holds. */
        @Override
        public void run() {
            SqlConnection lost = connection;
            if (lost == null) {
                return;
            }
            released();
            LOG.warn(
                    "A session opened at {} was never closed and became unreachable while holding a connection: its"
                            + " transaction is rolled back and the connection returned to the pool. Close every session"
                            + " (session.close()), or use sessionFactory.inTransaction(...), which closes its session.",
                    site());
            lost.rollback()
                    .onErrorResume(error -> Mono.empty())
                    .then(lost.release())
                    .subscribe(null, error -> LOG.warn("releasing the connection of a lost session failed", error));
        }
    }
}
