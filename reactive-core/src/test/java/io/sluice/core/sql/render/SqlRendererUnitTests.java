package io.sluice.core.sql.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.core.dialect.Dialect;
import io.sluice.core.dialect.H2Dialect;
import io.sluice.core.dialect.MariaDbDialect;
import io.sluice.core.dialect.PostgresDialect;
import io.sluice.core.sql.Column;
import io.sluice.core.sql.DerivedTable;
import io.sluice.core.sql.Expression;
import io.sluice.core.sql.ReferentialAction;
import io.sluice.core.sql.SQL;
import io.sluice.core.sql.Select;
import io.sluice.core.sql.Sequence;
import io.sluice.core.sql.SqlType;
import io.sluice.core.sql.Statement;
import io.sluice.core.sql.Table;
import io.sluice.core.sql.TableAlias;
import java.util.List;
import org.junit.jupiter.api.Test;

final class SqlRendererUnitTests {

    static final Table USERS = Table.builder("users")
            .column("id", SqlType.BIGINT)
            .primaryKey()
            .autoIncrement()
            .column("name", SqlType.varchar(50))
            .column("fullname", SqlType.VARCHAR)
            .column("age", SqlType.INTEGER)
            .build();
    static final Table ADDRESSES = Table.builder("addresses")
            .column("id", SqlType.BIGINT)
            .primaryKey()
            .autoIncrement()
            .column("email_address", SqlType.VARCHAR)
            .notNull()
            .column("user_id", SqlType.BIGINT)
            .references("users", "id", ReferentialAction.CASCADE)
            .build();
    static final Column<Long> ID = USERS.column("id", Long.class);
    static final Column<String> NAME = USERS.column("name", String.class);
    static final Column<String> FULLNAME = USERS.column("fullname", String.class);
    static final Column<Integer> AGE = USERS.column("age", Integer.class);
    static final Column<Long> A_ID = ADDRESSES.column("id", Long.class);
    static final Column<String> EMAIL = ADDRESSES.column("email_address", String.class);
    static final Column<Long> USER_ID = ADDRESSES.column("user_id", Long.class);

    private static RenderedSql pg(Statement statement) {
        return SqlRenderer.render(statement, PostgresDialect.INSTANCE);
    }

    private static RenderedSql render(Statement statement, Dialect dialect) {
        return SqlRenderer.render(statement, dialect);
    }

    @Test
    void shouldRenderSelectWithImplicitFromAndBoundValues() {
        RenderedSql sql = pg(SQL.select(ID, NAME).where(NAME.eq("ed")));
        assertThat(sql.sql()).isEqualTo("SELECT users.id, users.name FROM users WHERE users.name = $1");
        assertThat(sql.values()).containsExactly("ed");
        assertThat(sql.binds().get(0).type()).isEqualTo(String.class);
    }

    @Test
    void shouldRenderEveryComparisonOperator() {
        Expression<Boolean> condition = SQL.and(
                AGE.eq(1),
                AGE.ne(2),
                AGE.lt(3),
                AGE.le(4),
                AGE.gt(5),
                AGE.ge(6),
                AGE.between(7, 8),
                NAME.isNull(),
                FULLNAME.isNotNull());
        assertThat(pg(SQL.select(ID).where(condition)).sql())
                .isEqualTo(
                        "SELECT users.id FROM users WHERE (users.age = $1) AND (users.age <> $2) AND (users.age < $3)"
                                + " AND (users.age <= $4) AND (users.age > $5) AND (users.age >= $6) AND (users.age BETWEEN $7 AND $8)"
                                + " AND (users.name IS NULL) AND (users.fullname IS NOT NULL)");
    }

    @Test
    void shouldTurnEqualsNullIntoIsNull() {
        assertThat(pg(SQL.select(ID).where(NAME.eq((String) null).and(FULLNAME.ne((String) null))))
                        .sql())
                .isEqualTo("SELECT users.id FROM users WHERE (users.name IS NULL) AND (users.fullname IS NOT NULL)");
    }

    @Test
    void shouldNestOrInsideAndWithParentheses() {
        RenderedSql sql = pg(SQL.select(ID)
                .where(SQL.and(NAME.eq("ed"), SQL.or(AGE.lt(10), AGE.gt(20)), SQL.not(FULLNAME.like("%x%")))));
        assertThat(sql.sql())
                .isEqualTo(
                        "SELECT users.id FROM users WHERE (users.name = $1) AND ((users.age < $2) OR (users.age > $3))"
                                + " AND (NOT (users.fullname LIKE $4))");
        assertThat(sql.values()).containsExactly("ed", 10, 20, "%x%");
    }

    @Test
    void shouldRenderInNotInAndEmptyIn() {
        assertThat(pg(SQL.select(ID).where(NAME.in("ed", "wendy", "jack"))).sql())
                .isEqualTo("SELECT users.id FROM users WHERE users.name IN ($1, $2, $3)");
        assertThat(pg(SQL.select(ID).where(NAME.notIn(List.of("ed")))).sql())
                .isEqualTo("SELECT users.id FROM users WHERE users.name NOT IN ($1)");
        assertThat(pg(SQL.select(ID).where(NAME.in(List.of()))).sql())
                .isEqualTo("SELECT users.id FROM users WHERE 1 = 0");
        assertThat(pg(SQL.select(ID).where(NAME.notIn(List.of()))).sql())
                .isEqualTo("SELECT users.id FROM users WHERE 1 = 1");
    }

    @Test // #16
    void shouldRenderNotInOfValuesGivenOneByOne() {
        RenderedSql sql = pg(SQL.select(ID).where(NAME.notIn("ed", "wendy")));
        assertThat(sql.sql()).isEqualTo("SELECT users.id FROM users WHERE users.name NOT IN ($1, $2)");
        assertThat(sql.values()).containsExactly("ed", "wendy");
    }

    @Test // #16
    void shouldRenderTupleInNotInAndComparisonsOnEveryDialect() {
        Select in = SQL.select(ID).where(SQL.tuple(NAME, AGE).in(List.of("ed", 30), List.of("wendy", 25)));
        assertThat(pg(in).sql())
                .isEqualTo("SELECT users.id FROM users WHERE (users.name, users.age) IN (($1, $2), ($3, $4))");
        assertThat(pg(in).values()).containsExactly("ed", 30, "wendy", 25);
        assertThat(pg(in).binds())
                .extracting(BindValue::type)
                .containsExactly(String.class, Integer.class, String.class, Integer.class);
        assertThat(render(in, MariaDbDialect.INSTANCE).sql())
                .isEqualTo("SELECT users.id FROM users WHERE (users.name, users.age) IN ((?, ?), (?, ?))");
        assertThat(render(in, H2Dialect.INSTANCE).sql()).isEqualTo(pg(in).sql());
        assertThat(pg(SQL.select(ID).where(SQL.tuple(NAME, AGE).notIn(List.of(List.of("ed", 30)))))
                        .sql())
                .isEqualTo("SELECT users.id FROM users WHERE (users.name, users.age) NOT IN (($1, $2))");
        assertThat(pg(SQL.select(ID).where(SQL.tuple(NAME, AGE).in(List.of()))).sql())
                .isEqualTo("SELECT users.id FROM users WHERE 1 = 0");
        assertThat(pg(SQL.select(ID)
                                .where(SQL.tuple(NAME, AGE)
                                        .gt(List.of("ed", 30))
                                        .and(SQL.tuple(NAME, AGE).ne(java.util.Arrays.asList("x", null)))))
                        .sql())
                .isEqualTo("SELECT users.id FROM users WHERE ((users.name, users.age) > ($1, $2))"
                        + " AND ((users.name, users.age) <> ($3, $4))");
        assertThat(pg(SQL.select(ID).where(SQL.tuple(ID, NAME).eq(SQL.tuple(A_ID, EMAIL))))
                        .sql())
                .isEqualTo("SELECT users.id FROM users WHERE (users.id, users.name) = (addresses.id,"
                        + " addresses.email_address)");
        assertThat(pg(SQL.select(ID).where(SQL.tuple(ID, NAME).in(SQL.select(USER_ID, EMAIL))))
                        .sql())
                .isEqualTo("SELECT users.id FROM users WHERE (users.id, users.name) IN (SELECT addresses.user_id,"
                        + " addresses.email_address FROM addresses)");
    }

    @Test // #16
    void shouldRefuseTupleRowsOfTheWrongSizeOrWithNullWhereNullMatchesNothing() {
        assertThatThrownBy(() -> SQL.tuple(NAME, AGE).in(List.of("ed")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a row of 1 values was given for a tuple of 2 expressions");
        assertThatThrownBy(() -> SQL.tuple(NAME, AGE).in(java.util.Arrays.asList("ed", null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rows must not contain null");
        assertThatThrownBy(() -> SQL.tuple(NAME, AGE).eq((List<?>) null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("isNull()");
        assertThatThrownBy(SQL::tuple)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one expression");
    }

    @Test
    void shouldRenderLikeNotLikeAndIlikePerDialect() {
        Select select =
                SQL.select(ID).where(NAME.like("e%").and(NAME.notLike("x_")).and(NAME.ilike("ED")));
        assertThat(pg(select).sql())
                .isEqualTo(
                        "SELECT users.id FROM users WHERE (users.name LIKE $1) AND (users.name NOT LIKE $2) AND (users.name ILIKE $3)");
        assertThat(render(select, H2Dialect.INSTANCE).sql())
                .isEqualTo(
                        "SELECT users.id FROM users WHERE (users.name LIKE $1) AND (users.name NOT LIKE $2) AND (users.name ILIKE $3)");
        assertThat(render(select, MariaDbDialect.INSTANCE).sql())
                .isEqualTo("SELECT users.id FROM users WHERE (users.name LIKE ?) AND (users.name NOT LIKE ?)"
                        + " AND (LOWER(users.name) LIKE LOWER(?))");
    }

    @Test
    void shouldRenderArithmeticConcatenationAndFunctions() {
        Select select = SQL.select(
                AGE.plus(1).times(2).as("doubled"),
                NAME.concat(" ").concat(FULLNAME).as("both"),
                SQL.lower(NAME),
                SQL.upper(NAME),
                SQL.coalesce(FULLNAME, NAME));
        assertThat(pg(select).sql())
                .isEqualTo("SELECT (users.age + $1) * $2 AS doubled, (users.name || $3) || users.fullname AS \"both\","
                        + " lower(users.name), upper(users.name), coalesce(users.fullname, users.name) FROM users");
        assertThat(render(select, MariaDbDialect.INSTANCE).sql())
                .isEqualTo(
                        "SELECT (users.age + ?) * ? AS doubled, CONCAT(CONCAT(users.name, ?), users.fullname) AS `both`,"
                                + " lower(users.name), upper(users.name), coalesce(users.fullname, users.name) FROM users");
    }

    @Test
    void shouldRenderAggregatesGroupByHavingOrderBy() {
        Select select = SQL.select(
                        NAME,
                        SQL.count().as("n"),
                        SQL.sum(AGE),
                        SQL.min(AGE),
                        SQL.max(AGE),
                        SQL.avg(AGE),
                        SQL.countDistinct(FULLNAME))
                .groupBy(NAME)
                .having(SQL.count().gt(1L))
                .orderBy(NAME.desc(), ID);
        assertThat(pg(select).sql())
                .isEqualTo(
                        "SELECT users.name, count(*) AS n, sum(users.age), min(users.age), max(users.age), avg(users.age),"
                                + " count(DISTINCT users.fullname) FROM users GROUP BY users.name HAVING count(*) > $1"
                                + " ORDER BY users.name DESC, users.id");
    }

    @Test
    void shouldRenderDistinctLimitAndOffsetAsBindsPerDialect() {
        Select select = SQL.select(NAME).distinct().orderBy(NAME).limit(10).offset(20);
        RenderedSql postgres = pg(select);
        assertThat(postgres.sql())
                .isEqualTo("SELECT DISTINCT users.name FROM users ORDER BY users.name LIMIT $1 OFFSET $2");
        assertThat(postgres.values()).containsExactly(10L, 20L);
        assertThat(render(select, H2Dialect.INSTANCE).sql())
                .isEqualTo("SELECT DISTINCT users.name FROM users ORDER BY users.name LIMIT $1 OFFSET $2");
        assertThat(render(select, MariaDbDialect.INSTANCE).sql())
                .isEqualTo("SELECT DISTINCT users.name FROM users ORDER BY users.name LIMIT ? OFFSET ?");
        assertThat(render(SQL.select(NAME).offset(5), MariaDbDialect.INSTANCE).sql())
                .isEqualTo("SELECT users.name FROM users LIMIT 18446744073709551615 OFFSET ?");
        assertThat(pg(SQL.select(NAME).offset(5)).sql()).isEqualTo("SELECT users.name FROM users OFFSET $1");
    }

    @Test
    void shouldInferJoinConditionFromForeignKey() {
        Select select = SQL.select(NAME, EMAIL).from(USERS).join(ADDRESSES).where(EMAIL.eq("jack@google.com"));
        assertThat(pg(select).sql())
                .isEqualTo(
                        "SELECT users.name, addresses.email_address FROM users JOIN addresses ON addresses.user_id = users.id"
                                + " WHERE addresses.email_address = $1");
    }

    @Test
    void shouldRenderExplicitAndOuterJoins() {
        Select select = SQL.select(NAME, EMAIL).from(USERS).leftJoin(ADDRESSES, USER_ID.eq(ID));
        assertThat(pg(select).sql())
                .isEqualTo(
                        "SELECT users.name, addresses.email_address FROM users LEFT OUTER JOIN addresses ON addresses.user_id = users.id");
    }

    @Test
    void shouldJoinTheSameTableTwiceThroughAliases() {
        TableAlias a1 = ADDRESSES.as("a1");
        TableAlias a2 = ADDRESSES.as("a2");
        Select select = SQL.select(NAME, a1.column(EMAIL), a2.column(EMAIL))
                .from(USERS)
                .join(a1)
                .join(a2)
                .where(a1.column(EMAIL)
                        .eq("jack@google.com")
                        .and(a2.column(EMAIL).eq("j25@yahoo.com")));
        assertThat(pg(select).sql())
                .isEqualTo("SELECT users.name, a1.email_address, a2.email_address FROM users"
                        + " JOIN addresses AS a1 ON a1.user_id = users.id JOIN addresses AS a2 ON a2.user_id = users.id"
                        + " WHERE (a1.email_address = $1) AND (a2.email_address = $2)");
    }

    @Test
    void shouldRefuseToGuessAJoinWithoutForeignKey() {
        Table other = Table.builder("other").column("id", SqlType.BIGINT).build();
        assertThatThrownBy(() -> SQL.select(NAME).from(USERS).join(other))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no foreign key between users and other");
    }

    @Test
    void shouldRenderSeveralFromItemsAndDerivedTables() {
        Select counts = SQL.select(USER_ID, SQL.count().as("address_count")).groupBy(USER_ID);
        DerivedTable stmt = counts.subquery("adr_count");
        Select select = SQL.select(NAME, stmt.column(SQL.count().as("address_count")))
                .from(USERS)
                .leftJoin(stmt, stmt.column(USER_ID).eq(ID))
                .orderBy(ID);
        assertThat(pg(select).sql())
                .isEqualTo("SELECT users.name, adr_count.address_count FROM users LEFT OUTER JOIN"
                        + " (SELECT addresses.user_id, count(*) AS address_count FROM addresses GROUP BY addresses.user_id) AS adr_count"
                        + " ON adr_count.user_id = users.id ORDER BY users.id");
        assertThat(pg(SQL.select(NAME, EMAIL).from(USERS, ADDRESSES).where(USER_ID.eq(ID)))
                        .sql())
                .isEqualTo(
                        "SELECT users.name, addresses.email_address FROM users, addresses WHERE addresses.user_id = users.id");
    }

    @Test
    void shouldRenderScalarSubqueriesExistsAndInSubquery() {
        Select select = SQL.select(
                        NAME,
                        SQL.select(SQL.count())
                                .from(ADDRESSES)
                                .where(USER_ID.eq(ID))
                                .<Long>scalar()
                                .as("n"))
                .where(SQL.select(A_ID)
                        .from(ADDRESSES)
                        .where(USER_ID.eq(ID).and(EMAIL.like("%google%")))
                        .exists())
                .where(ID.in(SQL.select(USER_ID).from(ADDRESSES)))
                .where(ID.notIn(SQL.select(USER_ID).from(ADDRESSES).where(EMAIL.eq("x"))));
        assertThat(pg(select).sql())
                .isEqualTo(
                        "SELECT users.name, (SELECT count(*) FROM addresses WHERE addresses.user_id = users.id) AS n FROM users"
                                + " WHERE EXISTS (SELECT addresses.id FROM addresses WHERE (addresses.user_id = users.id)"
                                + " AND (addresses.email_address LIKE $1)) AND (users.id IN (SELECT addresses.user_id FROM addresses))"
                                + " AND (users.id NOT IN (SELECT addresses.user_id FROM addresses WHERE addresses.email_address = $2))");
    }

    @Test
    void shouldRenderUnionAndUnionAll() {
        Select first = SQL.select(NAME.as("n")).where(NAME.eq("ed"));
        Select second = SQL.select(NAME.as("n")).where(NAME.eq("wendy"));
        RenderedSql sql = pg(first.union(second)
                .unionAll(SQL.select(NAME.as("n")).orderBy(NAME).limit(1))
                .orderBy(NAME.as("n").desc()));
        assertThat(sql.sql())
                .isEqualTo(
                        "SELECT users.name AS n FROM users WHERE users.name = $1 UNION SELECT users.name AS n FROM users"
                                + " WHERE users.name = $2 UNION ALL (SELECT users.name AS n FROM users ORDER BY users.name LIMIT $3) ORDER BY n DESC");
        assertThat(sql.values()).containsExactly("ed", "wendy", 1L);
    }

    @Test
    void shouldRenderInsertOfOneAndManyRowsWithReturningPerDialect() {
        var insert = SQL.insertInto(USERS)
                .columns(NAME, FULLNAME)
                .values("ed", "Ed Jones")
                .values("wendy", null)
                .returning(ID);
        RenderedSql postgres = pg(insert);
        assertThat(postgres.sql())
                .isEqualTo("INSERT INTO users (name, fullname) VALUES ($1, $2), ($3, $4) RETURNING id");
        assertThat(postgres.generatedKeys()).isEmpty();
        assertThat(postgres.values()).containsExactly("ed", "Ed Jones", "wendy", "NULL");
        assertThat(postgres.binds().get(3).type()).isEqualTo(String.class);
        RenderedSql h2 = render(insert, H2Dialect.INSTANCE);
        assertThat(h2.sql()).isEqualTo("INSERT INTO users (name, fullname) VALUES ($1, $2), ($3, $4)");
        assertThat(h2.generatedKeys()).containsExactly("id");
        RenderedSql mariadb = render(insert, MariaDbDialect.INSTANCE);
        assertThat(mariadb.sql()).isEqualTo("INSERT INTO users (name, fullname) VALUES (?, ?), (?, ?)");
        assertThat(mariadb.generatedKeys()).containsExactly("id");
    }

    @Test
    void shouldRenderInsertFromSelectAndDefaultValues() {
        assertThat(pg(SQL.insertInto(ADDRESSES)
                                .columns(EMAIL, USER_ID)
                                .select(SQL.select(NAME.concat("@example.com"), ID)))
                        .sql())
                .isEqualTo(
                        "INSERT INTO addresses (email_address, user_id) SELECT users.name || $1, users.id FROM users");
        assertThat(pg(SQL.insertInto(USERS)).sql()).isEqualTo("INSERT INTO users DEFAULT VALUES");
        assertThat(render(SQL.insertInto(USERS), MariaDbDialect.INSTANCE).sql())
                .isEqualTo("INSERT INTO users () VALUES ()");
    }

    @Test
    void shouldRejectValuesThatDoNotFitTheColumn() {
        assertThatThrownBy(() -> SQL.insertInto(USERS).columns(NAME).values(42))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(
                        "value of type java.lang.Integer does not fit column users.name of type VARCHAR(50)");
        assertThatThrownBy(() -> SQL.insertInto(USERS).columns(NAME, FULLNAME).values("ed"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 values for the columns");
    }

    @Test
    void shouldRenderUpdateAndDelete() {
        RenderedSql update =
                pg(SQL.update(USERS).set(NAME, "eddie").set(AGE, AGE.plus(1)).where(ID.eq(1L)));
        assertThat(update.sql()).isEqualTo("UPDATE users SET name = $1, age = users.age + $2 WHERE users.id = $3");
        assertThat(update.values()).containsExactly("eddie", 1, 1L);
        assertThat(render(SQL.deleteFrom(USERS).where(NAME.eq("jack")), MariaDbDialect.INSTANCE)
                        .sql())
                .isEqualTo("DELETE FROM users WHERE users.name = ?");
        assertThat(pg(SQL.deleteFrom(USERS)).sql()).isEqualTo("DELETE FROM users");
        assertThatThrownBy(() -> pg(SQL.update(USERS))).hasMessageContaining("sets nothing");
    }

    @Test
    void shouldRenderTextStatementsAndFragmentsWithNamedBinds() {
        RenderedSql sql = pg(SQL.text("SELECT * FROM users WHERE id < :value AND name = :name OR id = :value")
                .bind("value", 224)
                .bind("name", "fred"));
        assertThat(sql.sql()).isEqualTo("SELECT * FROM users WHERE id < $1 AND name = $2 OR id = $3");
        assertThat(sql.values()).containsExactly(224, "fred", 224);
        assertThat(render(
                                SQL.select(NAME)
                                        .where(SQL.text("id<224")
                                                .<Boolean>cast(SqlType.BOOLEAN)
                                                .eq(true)),
                                H2Dialect.INSTANCE)
                        .sql())
                .isEqualTo("SELECT users.name FROM users WHERE CAST(id<224 AS BOOLEAN) = $1");
        assertThat(pg(SQL.select(NAME).orderBy(SQL.text("id"))).sql())
                .isEqualTo("SELECT users.name FROM users ORDER BY id");
        assertThatThrownBy(() -> pg(SQL.text("SELECT :missing")))
                .hasMessageContaining("text parameter :missing has no value");
        assertThatThrownBy(() -> SQL.text("SELECT 1").bind("nope", 1)).hasMessageContaining("no parameter :nope");
    }

    @Test
    void shouldQuoteReservedAndMixedCaseIdentifiersPerDialect() {
        Table user = Table.builder("user")
                .column("order", SqlType.INTEGER)
                .column("Name", SqlType.VARCHAR)
                .build();
        Select select = SQL.select(user.column("order"), user.column("Name"))
                .where(user.column("order", Integer.class).eq(1));
        assertThat(pg(select).sql())
                .isEqualTo("SELECT \"user\".\"order\", \"user\".\"Name\" FROM \"user\" WHERE \"user\".\"order\" = $1");
        assertThat(render(select, MariaDbDialect.INSTANCE).sql())
                .isEqualTo("SELECT `user`.`order`, `user`.`Name` FROM `user` WHERE `user`.`order` = ?");
        Table odd = Table.builder("we\"ird`name").column("id", SqlType.INTEGER).build();
        assertThat(pg(SQL.selectFrom(odd)).sql()).isEqualTo("SELECT \"we\"\"ird`name\".id FROM \"we\"\"ird`name\"");
        assertThat(render(SQL.selectFrom(odd), MariaDbDialect.INSTANCE).sql())
                .isEqualTo("SELECT `we\"ird``name`.id FROM `we\"ird``name`");
    }

    @Test
    void shouldEncodeEnumsAndTimesForTheDriver() {
        Table events = Table.builder("events")
                .column("kind", SqlType.enumType(java.time.DayOfWeek.class))
                .column("at", SqlType.INSTANT)
                .column("uid", SqlType.UUID_TYPE)
                .build();
        java.util.UUID uid = java.util.UUID.randomUUID();
        java.time.Instant at = java.time.Instant.parse("2024-01-02T03:04:05.123456Z");
        var insert = SQL.insertInto(events)
                .columns(events.columns().toArray(new Column<?>[0]))
                .values(java.time.DayOfWeek.MONDAY, at, uid);
        assertThat(pg(insert).values())
                .containsExactly("MONDAY", java.time.OffsetDateTime.parse("2024-01-02T03:04:05.123456Z"), uid);
        assertThat(render(insert, MariaDbDialect.INSTANCE).values())
                .containsExactly("MONDAY", java.time.LocalDateTime.parse("2024-01-02T03:04:05.123456"), uid.toString());
    }

    @Test
    void shouldCastNamedEnumBindsWhereTheDriverCannotSendThemAsTheType() {
        SqlType<java.time.DayOfWeek> weekday = SqlType.namedEnum(java.time.DayOfWeek.class, "weekday");
        Table days = Table.builder("days")
                .column("id", SqlType.INTEGER)
                .column("dow", weekday)
                .build();
        Column<Integer> id = days.column("id", Integer.class);
        Column<java.time.DayOfWeek> day = days.column("dow", java.time.DayOfWeek.class);
        Select select = SQL.select(id)
                .where(day.eq(java.time.DayOfWeek.MONDAY)
                        .or(day.in(java.time.DayOfWeek.TUESDAY, java.time.DayOfWeek.FRIDAY)));
        assertThat(pg(select).sql())
                .isEqualTo("SELECT days.id FROM days WHERE (days.dow = CAST($1 AS weekday))"
                        + " OR (days.dow IN (CAST($2 AS weekday), CAST($3 AS weekday)))");
        assertThat(pg(select).values()).containsExactly("MONDAY", "TUESDAY", "FRIDAY");
        assertThat(render(select, H2Dialect.INSTANCE).sql())
                .isEqualTo("SELECT days.id FROM days WHERE (days.dow = CAST($1 AS VARCHAR))"
                        + " OR (days.dow IN (CAST($2 AS VARCHAR), CAST($3 AS VARCHAR)))");
        assertThat(render(select, MariaDbDialect.INSTANCE).sql())
                .isEqualTo("SELECT days.id FROM days WHERE (days.dow = ?) OR (days.dow IN (?, ?))");

        var update = SQL.updateRows(
                days,
                List.of(id),
                List.of(day),
                List.of(java.util.Arrays.asList(1, null), List.of(2, java.time.DayOfWeek.SUNDAY)));
        RenderedSql postgres = pg(update);
        assertThat(postgres.sql())
                .isEqualTo("UPDATE days SET dow = sluice_rows.s0 FROM (VALUES ($1, CAST($2 AS weekday)),"
                        + " ($3, CAST($4 AS weekday))) AS sluice_rows (m0, s0) WHERE days.id = sluice_rows.m0");
        assertThat(postgres.binds().get(1).type()).isEqualTo(String.class);
        assertThat(postgres.values()).containsExactly(1, "NULL", 2, "SUNDAY");
        assertThat(pg(SQL.insertInto(days).columns(id, day).values(1, java.time.DayOfWeek.MONDAY))
                        .sql())
                .isEqualTo("INSERT INTO days (id, dow) VALUES ($1, CAST($2 AS weekday))");
        SqlType<String> quoted = new SqlType<>(
                SqlType.Kind.NAMED_ENUM,
                String.class,
                0,
                0,
                0,
                null,
                null,
                new SqlType.NamedEnum("Quote", List.of("it's", "back\\slash")));
        assertThat(MariaDbDialect.INSTANCE.typeName(quoted)).isEqualTo("ENUM('it''s', 'back\\\\slash')");
        assertThat(H2Dialect.INSTANCE.typeName(quoted)).isEqualTo("ENUM('it''s', 'back\\slash')");
        assertThat(PostgresDialect.INSTANCE.typeName(quoted)).isEqualTo("\"Quote\"");
    }

    @Test
    void shouldNeverPutValuesIntoTheText() {
        String hostile = "'; DROP TABLE users; --";
        RenderedSql sql = pg(SQL.select(ID).where(NAME.eq(hostile).or(NAME.like(hostile))));
        assertThat(sql.sql())
                .doesNotContain("DROP")
                .isEqualTo("SELECT users.id FROM users WHERE (users.name = $1) OR (users.name LIKE $2)");
        assertThat(sql.values()).containsExactly(hostile, hostile);
    }

    @Test
    void shouldRenderFullTextMatchWhereTheDatabaseHasIt() {
        Select select = SQL.select(ID).where(NAME.match("wendy").and(AGE.gt(1)));
        assertThat(pg(select).sql())
                .isEqualTo(
                        "SELECT users.id FROM users WHERE (to_tsvector(users.name) @@ plainto_tsquery($1)) AND (users.age > $2)");
        assertThat(pg(select).values()).containsExactly("wendy", 1);
        assertThat(render(select, MariaDbDialect.INSTANCE).sql())
                .isEqualTo("SELECT users.id FROM users WHERE (MATCH (users.name) AGAINST (?)) AND (users.age > ?)");
        assertThatThrownBy(() -> render(select, H2Dialect.INSTANCE))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("full-text MATCH is not supported on H2");
    }

    static final Table DOCS = Table.builder("docs")
            .column("id", SqlType.BIGINT)
            .column("doc", SqlType.JSON)
            .column("tags", SqlType.array(SqlType.TEXT))
            .build();
    static final Column<String> DOC = DOCS.column("doc", String.class);
    static final Column<String[]> TAGS = DOCS.column("tags", String[].class);

    @Test
    void shouldRenderJsonTextWithThePathBoundPerDialect() {
        Select select = SQL.select(SQL.jsonText(DOC, "items", "0", "sku"))
                .from(DOCS)
                .where(SQL.jsonText(DOC, "customer", "name").eq("Ed"));
        assertThat(pg(select).sql())
                .isEqualTo("SELECT jsonb_extract_path_text(docs.doc, $1, $2, $3) FROM docs"
                        + " WHERE jsonb_extract_path_text(docs.doc, $4, $5) = $6");
        assertThat(pg(select).values()).containsExactly("items", "0", "sku", "customer", "name", "Ed");
        RenderedSql maria = render(select, MariaDbDialect.INSTANCE);
        assertThat(maria.sql())
                .isEqualTo("SELECT JSON_UNQUOTE(JSON_EXTRACT(docs.doc, ?)) FROM docs"
                        + " WHERE JSON_UNQUOTE(JSON_EXTRACT(docs.doc, ?)) = ?");
        assertThat(maria.values()).containsExactly("$.\"items\"[0].\"sku\"", "$.\"customer\".\"name\"", "Ed");
        assertThatThrownBy(() -> render(select, H2Dialect.INSTANCE))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("not supported on H2");
    }

    @Test
    void shouldRefuseJsonPathElementsThatCannotBeWrittenOnEveryDatabase() {
        assertThatThrownBy(() -> SQL.jsonText(DOC, "a\" OR 1=1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("double quote");
        assertThatThrownBy(() -> SQL.jsonText(DOC)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SQL.jsonText(DOC, "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRenderArrayConditionsPerDialect() {
        Select select = SQL.select(DOCS.column("id", Long.class))
                .from(DOCS)
                .where(SQL.arrayContains(TAGS, "a", "b").or(SQL.arrayOverlaps(TAGS, "c")));
        RenderedSql postgres = pg(select);
        assertThat(postgres.sql()).isEqualTo("SELECT docs.id FROM docs WHERE (docs.tags @> $1) OR (docs.tags && $2)");
        assertThat(postgres.values()).containsExactly(new String[] {"a", "b"}, new String[] {"c"});
        RenderedSql h2 = render(select, H2Dialect.INSTANCE);
        assertThat(h2.sql())
                .isEqualTo(
                        "SELECT docs.id FROM docs WHERE (ARRAY_CONTAINS(docs.tags, $1) AND ARRAY_CONTAINS(docs.tags, $2))"
                                + " OR (ARRAY_CONTAINS(docs.tags, $3))");
        assertThat(h2.values()).containsExactly("a", "b", "c");
        assertThatThrownBy(() -> render(select, MariaDbDialect.INSTANCE))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("MariaDB has no array type");
        assertThatThrownBy(() -> SQL.arrayContains(TAGS, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holds String values, not Integer 1");
        assertThatThrownBy(() -> SQL.arrayContains(DOC, "a"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs an expression of an array type");
    }

    @Test
    void shouldNameJsonAndArrayTypesPerDialect() {
        assertThat(PostgresDialect.INSTANCE.typeName(SqlType.JSON)).isEqualTo("jsonb");
        assertThat(H2Dialect.INSTANCE.typeName(SqlType.JSON)).isEqualTo("JSON");
        assertThat(MariaDbDialect.INSTANCE.typeName(SqlType.JSON)).isEqualTo("JSON");
        assertThat(PostgresDialect.INSTANCE.typeName(SqlType.array(SqlType.TEXT)))
                .isEqualTo("TEXT[]");
        assertThat(PostgresDialect.INSTANCE.typeName(SqlType.array(SqlType.UUID_TYPE)))
                .isEqualTo("UUID[]");
        assertThat(H2Dialect.INSTANCE.typeName(SqlType.array(SqlType.INTEGER))).isEqualTo("INTEGER ARRAY");
        assertThatThrownBy(() -> MariaDbDialect.INSTANCE.typeName(SqlType.array(SqlType.TEXT)))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("MariaDB has no array type");
        assertThat(SqlType.forJavaType(String[].class)).isEqualTo(SqlType.array(SqlType.VARCHAR));
    }

    @Test
    void shouldRefuseNaNAndInfinityOnMariaDbOnly() {
        Table measures =
                Table.builder("measures").column("ratio", SqlType.DOUBLE).build();
        Column<Double> ratio = measures.column("ratio", Double.class);
        for (double special : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            Statement insert = SQL.insertInto(measures).columns(ratio).values(special);
            assertThatThrownBy(() -> render(insert, MariaDbDialect.INSTANCE))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("MariaDB cannot store " + special
                            + ": its DOUBLE and FLOAT columns hold finite numbers only");
            assertThat(render(insert, PostgresDialect.INSTANCE).values()).containsExactly(special);
        }
        assertThat(render(SQL.insertInto(measures).columns(ratio).values(-0.0), MariaDbDialect.INSTANCE)
                        .values())
                .containsExactly(-0.0);
    }

    @Test
    void shouldRenderAnUpdateOfManyRowsPerDialectAndRefuseItWhereThereIsNoNativeForm() {
        var update = SQL.updateRows(
                USERS,
                List.of(ID, AGE),
                List.of(FULLNAME, AGE),
                List.of(java.util.Arrays.asList(1L, 30, "Ed Jones", 31), java.util.Arrays.asList(2L, 25, null, 26)));
        RenderedSql postgres = pg(update);
        assertThat(postgres.sql())
                .isEqualTo("UPDATE users SET fullname = sluice_rows.s0, age = sluice_rows.s1"
                        + " FROM (VALUES ($1, $2, $3, $4), ($5, $6, $7, $8)) AS sluice_rows (m0, m1, s0, s1)"
                        + " WHERE users.id = sluice_rows.m0 AND users.age = sluice_rows.m1");
        assertThat(postgres.values()).containsExactly(1L, 30, "Ed Jones", 31, 2L, 25, "NULL", 26);
        assertThat(postgres.binds().get(6).type()).isEqualTo(String.class);
        assertThat(render(update, MariaDbDialect.INSTANCE).sql())
                .isEqualTo("UPDATE users JOIN (SELECT ? AS m0, ? AS m1, ? AS s0, ? AS s1 UNION ALL SELECT ?, ?, ?, ?)"
                        + " AS sluice_rows ON users.id = sluice_rows.m0 AND users.age = sluice_rows.m1"
                        + " SET users.fullname = sluice_rows.s0, users.age = sluice_rows.s1");
        assertThatThrownBy(() -> render(update, H2Dialect.INSTANCE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("H2")
                .hasMessageContaining("send one UPDATE per row");
        assertThatThrownBy(() -> SQL.updateRows(USERS, List.of(ID), List.of(AGE), List.of(List.of(1L, "old"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not fit column users.age");
        assertThatThrownBy(() -> SQL.updateRows(USERS, List.of(ID), List.of(AGE), List.of(List.of(1L))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a row has 1 values for the 2 columns");
        assertThatThrownBy(() -> SQL.updateRows(USERS, List.of(ID), List.of(EMAIL), List.of(List.of(1L, "x"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a column of table users");
    }

    @Test
    void shouldAppendTheMarkersEachDialectReturns() {
        for (Dialect dialect :
                List.<Dialect>of(PostgresDialect.INSTANCE, H2Dialect.INSTANCE, MariaDbDialect.INSTANCE)) {
            for (int position : new int[] {1, 9, 10, 999, 65_535}) {
                StringBuilder sql = new StringBuilder("x = ");
                dialect.appendBindMarker(sql, position);
                assertThat(sql.toString()).isEqualTo("x = " + dialect.bindMarker(position));
            }
        }
        assertThat(PostgresDialect.INSTANCE.bindMarker(65_535)).isEqualTo("$65535");
        assertThat(MariaDbDialect.INSTANCE.bindMarker(7)).isEqualTo("?");
    }

    @Test
    void shouldRenderTheNextValueOfASequenceWithItsNameQuotedAsAnIdentifier() {
        Select plain = SQL.select(Sequence.of("users_seq", 50).nextValue());
        assertThat(render(plain, PostgresDialect.INSTANCE).sql()).isEqualTo("SELECT nextval('users_seq')");
        assertThat(render(plain, H2Dialect.INSTANCE).sql()).isEqualTo("SELECT NEXT VALUE FOR users_seq");
        assertThat(render(plain, MariaDbDialect.INSTANCE).sql()).isEqualTo("SELECT NEXT VALUE FOR users_seq");
        Select odd = SQL.select(Sequence.of("Odd'Seq", 1).nextValue());
        assertThat(render(odd, PostgresDialect.INSTANCE).sql()).isEqualTo("SELECT nextval('\"Odd''Seq\"')");
        assertThat(render(odd, PostgresDialect.INSTANCE).binds()).isEmpty();
        assertThat(render(odd, H2Dialect.INSTANCE).sql()).isEqualTo("SELECT NEXT VALUE FOR \"Odd'Seq\"");
        assertThat(render(odd, MariaDbDialect.INSTANCE).sql()).isEqualTo("SELECT NEXT VALUE FOR `Odd'Seq`");
    }

    @Test
    void shouldRenderATemplateWithItsColumnsQualifiedAndItsTextAsItIs() {
        TableAlias u = USERS.as("u");
        io.sluice.core.sql.Template<Integer> twice = new io.sluice.core.sql.Template<>(
                List.of("", " * 2 + LENGTH(", ")"), List.of(u.column(AGE), u.column(NAME)), SqlType.INTEGER);
        assertThat(pg(SQL.select(twice.as("twice")).from(u).where(twice.gt(3))).sql())
                .isEqualTo(
                        "SELECT (u.age * 2 + LENGTH(u.name)) AS twice FROM users AS u WHERE (u.age * 2 + LENGTH(u.name))"
                                + " > $1");
        assertThatThrownBy(() -> new io.sluice.core.sql.Template<>(List.of("a"), List.of(AGE), SqlType.INTEGER))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRenderUpdateReturningWhereTheDatabaseHasIt() {
        assertThat(pg(SQL.update(USERS).set(NAME, "ed").where(ID.eq(1L)).returning(ID, AGE))
                        .sql())
                .isEqualTo("UPDATE users SET name = $1 WHERE users.id = $2 RETURNING id, age");
        assertThat(pg(SQL.updateRows(
                                        USERS,
                                        List.of(ID),
                                        List.of(NAME),
                                        List.of(List.of(1L, "ed"), List.of(2L, "wendy")))
                                .returning(ID, AGE))
                        .sql())
                .endsWith(" WHERE users.id = sluice_rows.m0 RETURNING id, age");
        assertThatThrownBy(() -> render(SQL.update(USERS).set(NAME, "ed").returning(ID), H2Dialect.INSTANCE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no UPDATE ... RETURNING");
    }
}
