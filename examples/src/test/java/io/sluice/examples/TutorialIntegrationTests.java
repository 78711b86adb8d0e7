package io.sluice.examples;

import io.sluice.core.Engine;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

final class TutorialIntegrationTests {

    @Test
    void shouldPrintTheTutorialRows() {
        Engine engine = Engine.create("r2dbc:h2:mem:///tutorial_test");
        Tutorial.run(engine)
                .as(StepVerifier::create)
                .expectNext(
                        "('ed', 'Ed Jones')",
                        "('wendy', 'Wendy Williams')",
                        "('mary', 'Mary Contrary')",
                        "('fred', 'Fred Flintstone')",
                        "(1, 'ed')",
                        "(2, 'wendy')",
                        "count of names like '%ed': 2")
                .verifyComplete();
        engine.close().block(Duration.ofSeconds(5));
    }
}
