package io.sluice.benchmarks.peers;

import io.r2dbc.spi.ConnectionFactory;
import io.sluice.benchmarks.Fixture;
import java.util.List;
import org.springframework.data.r2dbc.convert.MappingR2dbcConverter;
import org.springframework.data.r2dbc.convert.R2dbcCustomConversions;
import org.springframework.data.r2dbc.core.R2dbcEntityTemplate;
import org.springframework.data.r2dbc.dialect.DialectResolver;
import org.springframework.data.r2dbc.dialect.R2dbcDialect;
import org.springframework.data.r2dbc.mapping.R2dbcMappingContext;
import org.springframework.data.relational.core.query.Criteria;
import org.springframework.data.relational.core.query.Query;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The Spring Data R2DBC arm: {@link R2dbcEntityTemplate} 4.1 on the pool Sluice uses, every piece of work in a transaction
 * ({@link TransactionalOperator} over an {@link R2dbcTransactionManager}) as Sluice's sessions run theirs. Spring Data R2DBC has
 * no batch insert (one INSERT per entity) and no relationships, so it has no arm in the relationship scenario.
 */
public final class SpringArms {

    private final R2dbcEntityTemplate template;
    private final TransactionalOperator transactional;

    /**
     * Creates the arm over a fixture's pool.
     *
     * @param fixture the fixture
     */
    public SpringArms(Fixture fixture) {
        ConnectionFactory pool = fixture.pool();
        R2dbcDialect dialect = DialectResolver.getDialect(pool);
        R2dbcMappingContext context = new R2dbcMappingContext();
        // Spring Data quotes identifiers by default, which breaks on H2 for the lower-case tables.
        context.setForceQuote(false);
        MappingR2dbcConverter converter =
                new MappingR2dbcConverter(context, R2dbcCustomConversions.of(dialect, List.of()));
        DatabaseClient client = DatabaseClient.builder()
                .connectionFactory(pool)
                .bindMarkers(dialect.getBindMarkersFactory())
                .build();
        this.template = new R2dbcEntityTemplate(client, dialect, converter);
        this.transactional = TransactionalOperator.create(new R2dbcTransactionManager(pool));
    }

    /**
     * Inserts {@code n} parents with 2 children each, one INSERT per entity (Spring Data R2DBC has no batch insert).
     *
     * @param n the number of parents
     * @return the rows inserted
     */
    public Mono<Long> insert(int n) {
        return Flux.range(0, n)
                .concatMap(i -> template.insert(new SpringParent("new " + i, i))
                        .flatMap(parent -> template.insert(new SpringChild("first", parent.getId()))
                                .then(template.insert(new SpringChild("second", parent.getId())))))
                .count()
                .map(count -> count * 3)
                .as(transactional::transactional);
    }

    /**
     * Loads {@code n} parents and updates each (one UPDATE per entity).
     *
     * @param n the number of parents
     * @return the number of parents updated
     */
    public Mono<Long> update(int n) {
        return template.select(SpringParent.class)
                .matching(Query.empty().limit(n))
                .all()
                .collectList()
                .flatMapMany(Flux::fromIterable)
                .concatMap(parent -> {
                    parent.setAmount(parent.getAmount() + 1);
                    return template.update(parent);
                })
                .count()
                .as(transactional::transactional);
    }

    /**
     * Queries {@code n} parents as entities.
     *
     * @param n the number of rows
     * @return the parents
     */
    public Flux<SpringParent> entities(int n) {
        return template.select(SpringParent.class)
                .matching(Query.empty().limit(n))
                .all()
                .as(transactional::transactional);
    }

    /**
     * Queries the name and key of {@code n} parents through a DTO projection.
     *
     * @param n the number of rows
     * @return the projections
     */
    public Flux<NameAndId> tuples(int n) {
        return template.select(SpringParent.class)
                .as(NameAndId.class)
                .matching(Query.empty().limit(n))
                .all()
                .as(transactional::transactional);
    }

    /**
     * Gets one parent by key.
     *
     * @param id the key
     * @return the parent
     */
    public Mono<SpringParent> get(long id) {
        return template.selectOne(Query.query(Criteria.where("id").is(id)), SpringParent.class)
                .as(transactional::transactional);
    }

    /**
     * Streams every item.
     *
     * @return the items
     */
    public Flux<SpringItem> stream() {
        return template.select(SpringItem.class).all().as(transactional::transactional);
    }
}
