package io.sluice.session.inheritance.deep;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.Engine;
import io.sluice.core.sql.SQL;
import io.sluice.session.Session;
import io.sluice.session.SessionFactory;
import io.sluice.session.mapping.Mapping;
import io.sluice.testing.DatabaseTest;
import io.sluice.testing.Schemas;
import io.sluice.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import reactor.core.publisher.Mono;

/**
 * Hierarchies three classes deep, in one table and in joined tables: a query of the middle class returns its own objects and
 * its subclass's, each as its own class with its own columns; the deepest class's objects are written to and deleted from
 * every table of their chain.
 */
class DeepHierarchyIntegrationTests {

    static final Mapping MAPPING = Mapping.of(Animal.class, Vehicle.class);
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private Engine engine;
    private SessionFactory sessions;

    private void createTables(TestDatabase on) {
        engine = on.engine();
        Schemas.recreate(engine, MAPPING.metadata());
        sessions = SessionFactory.of(engine, MAPPING);
        inSession(session -> {
            session.add(new Animal("generic"));
            session.add(new Puppy("bit", "pug", "ball"));
            session.add(new Vehicle("cart"));
            session.add(new Car("sedan", "volvo"));
            SportsCar zoom = new SportsCar("zoom", "lotus", "carbon");
            Dog rex = new Dog("rex", "collie");
            session.add(rex);
            zoom.getMascot().set(rex);
            session.add(zoom);
            return session.commit().thenReturn(true);
        });
    }

    @AfterEach
    void dropTables() {
        if (engine != null) {
            Schemas.drop(engine, MAPPING.metadata());
        }
    }

    private <T> T inSession(Function<Session, Mono<T>> work) {
        return Mono.usingWhen(Mono.fromSupplier(sessions::open), work, Session::close)
                .block(TIMEOUT);
    }

    private long count(String table) {
        return engine.query(SQL.text("SELECT COUNT(*) FROM " + table))
                .map(row -> ((Number) row.get(0, Object.class)).longValue())
                .single()
                .block(TIMEOUT);
    }

    @DatabaseTest
    void shouldLoadTheMiddleClassAndItsSubclassInOneTable(TestDatabase on) {
        createTables(on);
        List<Dog> dogs = inSession(
                session -> session.query(Dog.class).orderBy(Dog_.name).all().collectList());
        assertThat(dogs).extracting(dog -> dog.getClass().getSimpleName()).containsExactly("Puppy", "Dog");
        assertThat(((Puppy) dogs.get(0)).getToy()).isEqualTo("ball");
        assertThat(dogs).extracting(Dog::getBreed).containsExactly("pug", "collie");
        Integer bit = dogs.get(0).getId();
        Dog found = inSession(session -> session.get(Dog.class, bit));
        assertThat(found).isInstanceOf(Puppy.class);
        long animals = inSession(session -> session.query(Animal.class).count());
        assertThat(animals).isEqualTo(3L);
    }

    @DatabaseTest
    void shouldLoadTheMiddleClassAndItsSubclassFromJoinedTables(TestDatabase on) {
        createTables(on);
        List<Car> cars = inSession(
                session -> session.query(Car.class).orderBy(Car_.name).all().collectList());
        assertThat(cars).extracting(car -> car.getClass().getSimpleName()).containsExactly("Car", "SportsCar");
        assertThat(cars).extracting(Car::getMake).containsExactly("volvo", "lotus");
        assertThat(((SportsCar) cars.get(1)).getSpoiler()).isEqualTo("carbon");
        Integer zoom = cars.get(1).getId();
        Vehicle found = inSession(session -> session.get(Vehicle.class, zoom));
        assertThat(found).isInstanceOf(SportsCar.class);
        assertThat(((SportsCar) found).getMake()).isEqualTo("lotus");
        List<SportsCar> sports = inSession(session -> session.query(SportsCar.class)
                .filter(SportsCar_.make.eq("lotus"))
                .all()
                .collectList());
        assertThat(sports).extracting(SportsCar::getSpoiler).containsExactly("carbon");
        String mascot = inSession(session -> session.get(SportsCar.class, zoom)
                .flatMap(car -> car.getMascot().mono())
                .map(Dog::getBreed));
        assertThat(mascot).isEqualTo("collie");
        // a subclass's reference is constrained in its own table, to the table that holds the referenced rows
        assertThat(MAPPING.metadata().table("deep_sports_car").foreignKeys())
                .extracting(io.sluice.core.sql.ForeignKey::referencedTable)
                .containsExactlyInAnyOrder("deep_car", "deep_animal");
        assertThat(count("deep_vehicle")).isEqualTo(3);
        assertThat(count("deep_car")).isEqualTo(2);
        assertThat(count("deep_sports_car")).isEqualTo(1);
    }

    @DatabaseTest
    void shouldUpdateAndDeleteTheDeepestClassInEveryTableOfItsChain(TestDatabase on) {
        createTables(on);
        inSession(session -> session.query(SportsCar.class).one().flatMap(car -> {
            car.setMake("caterham");
            car.setSpoiler("none");
            return session.commit().thenReturn(true);
        }));
        List<String> changed = engine.query(
                        SQL.text("SELECT c.make, s.spoiler FROM deep_sports_car s" + " JOIN deep_car c ON c.id = s.id"))
                .map(row -> row.get(0, String.class) + "/" + row.get(1, String.class))
                .collectList()
                .block(TIMEOUT);
        assertThat(changed).containsExactly("caterham/none");

        inSession(session -> session.query(Vehicle.class).all().collectList().flatMap(vehicles -> {
            vehicles.stream().filter(SportsCar.class::isInstance).forEach(session::delete);
            return session.commit().thenReturn(true);
        }));
        assertThat(count("deep_sports_car")).isZero();
        assertThat(count("deep_car")).isEqualTo(1);
        assertThat(count("deep_vehicle")).isEqualTo(2);
    }
}
