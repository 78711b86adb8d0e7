package io.sluice.spring.boot.app;

import io.sluice.session.Session;
import io.sluice.session.SessionFactory;
import io.sluice.session.Sessions;
import java.time.Duration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/** @Transactional methods of every propagation, over the session of Sessions.current(). */
@Service
public class AccountService {

    /** A checked failure, which does not roll back unless a rule says so. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        public Refused(String message) {
            super(message);
        }
    }

    private final SessionFactory sessions;
    private final DatabaseClient client;
    private final AccountRepository repository;
    private final InnerService innerService;

    public AccountService(
            SessionFactory sessions, DatabaseClient client, AccountRepository repository, InnerService inner) {
        this.innerService = inner;
        this.sessions = sessions;
        this.client = client;
        this.repository = repository;
    }

    public static Mono<Void> add(String name) {
        return Sessions.current()
                .doOnNext(session -> session.add(new Account(name)))
                .then();
    }

    @Transactional
    public Mono<Void> create(String name) {
        return add(name);
    }

    @Transactional
    public Mono<Void> createThenFail(String name) {
        return add(name).then(Mono.error(new IllegalStateException("failed after adding " + name)));
    }

    @Transactional
    public Mono<Void> createThenRefuse(String name) {
        return add(name).then(Mono.error(new Refused("refused " + name)));
    }

    @Transactional(rollbackFor = Refused.class)
    public Mono<Void> createThenRefuseRollingBack(String name) {
        return add(name).then(Mono.error(new Refused("refused " + name)));
    }

    @Transactional(noRollbackFor = IllegalArgumentException.class)
    public Mono<Void> createThenFailCommitting(String name) {
        return add(name).then(Mono.error(new IllegalArgumentException("committed anyway: " + name)));
    }

    @Transactional
    public Mono<Session> session() {
        return Sessions.current();
    }

    @Transactional
    public Mono<Void> outerWithNested(String outer, String inner, boolean innerFails, String after) {
        Mono<Void> nested = innerFails ? innerService.nestedThenFail(inner) : innerService.nested(inner);
        return add(outer)
                .then(nested.onErrorResume(IllegalStateException.class, e -> Mono.empty()))
                .then(add(after));
    }

    @Transactional
    public Mono<Void> outerWithRequiresNewThenFail(String outer, String independent) {
        return add(outer)
                .then(innerService.createIndependently(independent))
                .then(Mono.error(new IllegalStateException("outer fails")));
    }

    @Transactional
    public Mono<Boolean> joinsInTransaction(String name) {
        return Sessions.current()
                .flatMap(outer -> sessions.inTransaction(inner -> {
                            inner.add(new Account(name));
                            return Mono.just(inner == outer);
                        })
                        .single());
    }

    @Transactional
    public Mono<Void> joinedInTransactionFailsAndRecovers(String outer, String inner) {
        return add(outer)
                .then(sessions.inTransaction(session -> {
                            session.add(new Account(inner));
                            return Mono.error(new IllegalStateException("joined work fails"));
                        })
                        .then()
                        .onErrorResume(IllegalStateException.class, e -> Mono.empty()));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Mono<Void> mandatory(String name) {
        return add(name);
    }

    @Transactional
    public Mono<Void> callsNever() {
        return innerService.never().then();
    }

    @Transactional
    public Mono<Boolean> outerCallsNotSupported() {
        return Sessions.current().then(innerService.notSupportedHasSession());
    }

    @Transactional
    public Mono<Boolean> outerCallsSupports() {
        return Sessions.current()
                .flatMap(outer -> innerService.supportsSession().map(session -> session == outer));
    }

    @Transactional(readOnly = true)
    public Mono<Boolean> readOnlySession() {
        return Sessions.current().map(Session::isDefaultReadOnly);
    }

    @Transactional(readOnly = true)
    public Mono<Long> insertInReadOnly(String name) {
        return client.sql("INSERT INTO starter_accounts (name) VALUES (:name)")
                .bind("name", name)
                .fetch()
                .rowsUpdated();
    }

    @Transactional(isolation = Isolation.SERIALIZABLE)
    public Mono<String> isolation() {
        // The level the database reports for the session's transaction where it can say (H2, PostgreSQL); MariaDB has
        // no
        // query for the current transaction's level, so there the driver's record of what BEGIN set.
        return client.inConnection(connection -> {
            String product = connection.getMetadata().getDatabaseProductName();
            String query = product.contains("H2")
                    ? "SELECT ISOLATION_LEVEL FROM INFORMATION_SCHEMA.SESSIONS WHERE SESSION_ID = SESSION_ID()"
                    : product.contains("PostgreSQL") ? "SHOW transaction_isolation" : null;
            if (query == null) {
                return Mono.just(String.valueOf(connection.getTransactionIsolationLevel()));
            }
            return reactor.core.publisher.Flux.from(
                            connection.createStatement(query).execute())
                    .flatMap(result -> result.map((row, metadata) -> String.valueOf(row.get(0))))
                    .next();
        });
    }

    /** Runs one statement in a transaction of one second. */
    @Transactional(timeout = 1)
    public Mono<Long> slowStatement(String sql) {
        return Sessions.current().flatMap(session -> session.execute(io.sluice.core.sql.SQL.text(sql)));
    }

    @Transactional(timeout = 1)
    public Mono<Void> slow(String name) {
        return add(name).then(Mono.delay(Duration.ofMillis(1_500))).then();
    }

    /** Writes through the session and through DatabaseClient, each seeing the other's row, then fails if asked. */
    @Transactional
    public Mono<Long> mixed(String sluiceName, String clientName, boolean fail) {
        Mono<Long> work = Sessions.current()
                .flatMap(session -> {
                    session.add(new Account(sluiceName));
                    return session.flush();
                })
                .then(client.sql("INSERT INTO starter_accounts (name) VALUES (:name)")
                        .bind("name", clientName)
                        .fetch()
                        .rowsUpdated())
                .then(Sessions.current()
                        .flatMap(session -> session.query(Account.class).count()));
        return fail ? work.then(Mono.error(new IllegalStateException("mixed work fails"))) : work;
    }

    /** Writes through the session and a Spring Data repository, then fails if asked. */
    @Transactional
    public Mono<Long> withRepository(String sluiceName, String repositoryName, boolean fail) {
        Mono<Long> work = add(sluiceName)
                .then(Sessions.current().flatMap(Session::flush))
                .then(repository.save(new AccountRow(null, repositoryName)))
                .then(repository.count());
        return fail ? work.then(Mono.error(new IllegalStateException("repository work fails"))) : work;
    }
}
