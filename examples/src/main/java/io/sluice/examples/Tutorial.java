package io.sluice.examples;

import io.sluice.core.Engine;
import io.sluice.core.ResultRow;
import io.sluice.core.schema.Metadata;
import io.sluice.core.sql.Column;
import io.sluice.core.sql.SQL;
import io.sluice.core.sql.SqlType;
import io.sluice.core.sql.Table;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The opening of the tutorial on the core layer: an engine on embedded H2 with echo on, a table created from metadata, rows
 * inserted in one transaction and queried back. Run it with {@code mvn -q -pl examples -am compile exec:java}.
 */
public final class Tutorial {

    static final Table USERS = Table.builder("users")
            .column("id", SqlType.INTEGER)
            .primaryKey()
            .autoIncrement()
            .column("name", SqlType.VARCHAR)
            .column("fullname", SqlType.VARCHAR)
            .column("nickname", SqlType.VARCHAR)
            .build();
    static final Column<Integer> ID = USERS.column("id", Integer.class);
    static final Column<String> NAME = USERS.column("name", String.class);
    static final Column<String> FULLNAME = USERS.column("fullname", String.class);
    static final Column<String> NICKNAME = USERS.column("nickname", String.class);

    private Tutorial() {}

    /**
     * Creates the table, inserts the tutorial's users and emits the results of its first queries as printable lines.
     *
     * @param engine the engine to run on
     * @return the lines; nothing happens until subscribed
     */
    public static Flux<String> run(Engine engine) {
        Metadata metadata = Metadata.of(USERS);
        Mono<Void> setUp = metadata.createAll(engine)
                .then(engine.transaction(connection -> connection.execute(SQL.insertInto(USERS)
                                .columns(NAME, FULLNAME, NICKNAME)
                                .rows(List.of(
                                        List.of("ed", "Ed Jones", "edsnickname"),
                                        List.of("wendy", "Wendy Williams", "windy"),
                                        List.of("mary", "Mary Contrary", "mary"),
                                        List.of("fred", "Fred Flintstone", "freddy")))))
                        .then());
        Flux<String> names =
                engine.query(SQL.select(NAME, FULLNAME).orderBy(ID)).map(ResultRow::toString);
        Flux<String> filtered = engine.query(SQL.select(ID, NAME)
                        .where(NAME.in("ed", "wendy", "jack"))
                        .orderBy(ID))
                .map(ResultRow::toString);
        Flux<String> counted = engine.query(SQL.select(SQL.count()).from(USERS).where(NAME.like("%ed")))
                .map(row -> "count of names like '%ed': " + row.get(0));
        return setUp.thenMany(Flux.concat(names, filtered, counted));
    }

    /**
     * Runs the tutorial on an in-memory H2 database and prints its results.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        Engine engine = Engine.builder("r2dbc:h2:mem:///tutorial").echo(true).build();
        run(engine).doOnNext(System.out::println).then(engine.close()).block();
    }
}
