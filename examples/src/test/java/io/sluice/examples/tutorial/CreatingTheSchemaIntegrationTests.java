package io.sluice.examples.tutorial;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.testing.DatabaseTest;
import io.sluice.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import reactor.test.StepVerifier;

/** The tutorial's "Create a Schema" and the later {@code create_all} calls: only what does not exist is created. */
final class CreatingTheSchemaIntegrationTests {

    private TutorialDatabase db;

    @AfterEach
    void cleanUp() {
        if (db != null) {
            db.close();
        }
    }

    @DatabaseTest
    void shouldCreateTheTablesTwiceWithoutErrorWhenCheckingFirst(TestDatabase database) {
        db = TutorialDatabase.withoutTables(database);

        TutorialDatabase.MAPPING
                .metadata()
                .createAll(db.engine(), true)
                .as(StepVerifier::create)
                .verifyComplete();
        TutorialDatabase.MAPPING
                .metadata()
                .createAll(db.engine(), true)
                .as(StepVerifier::create)
                .verifyComplete();
    }

    @DatabaseTest
    void shouldCreateTheAddressesTableOnlyIfMissingWhenCreatingAllAgain(TestDatabase database) {
        db = TutorialDatabase.withTables(database);
        db.seedFourUsers();

        TutorialDatabase.MAPPING.metadata().createAll(db.engine(), true).block(TutorialDatabase.WAIT);

        assertThat(db.sql().events())
                .filteredOn(event -> event.startsWith("CREATE TABLE IF NOT EXISTS addresses"))
                .hasSize(1);
    }

    @DatabaseTest
    void shouldCreateTheAssociationTableAfterPosts(TestDatabase database) {
        db = TutorialDatabase.withoutTables(database);

        TutorialDatabase.MAPPING.metadata().createAll(db.engine(), true).block(TutorialDatabase.WAIT);

        List<String> creates = db.sql().events().stream()
                .filter(event -> event.startsWith("CREATE TABLE"))
                .toList();
        assertThat(creates.indexOf(creates.stream()
                        .filter(create -> create.contains(" post_keywords "))
                        .findFirst()
                        .orElseThrow()))
                .isGreaterThan(creates.indexOf(creates.stream()
                        .filter(create -> create.contains(" posts "))
                        .findFirst()
                        .orElseThrow()));
    }
}
