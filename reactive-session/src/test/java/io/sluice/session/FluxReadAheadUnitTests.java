package io.sluice.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import reactor.test.publisher.TestPublisher;

final class FluxReadAheadUnitTests {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void shouldAskForEverythingAndPassElementsOnWhileTheSubscriberHasDemand() {
        TestPublisher<Integer> source = TestPublisher.create();

        new FluxReadAhead<>(source.flux())
                .as(flux -> StepVerifier.create(flux, 2))
                .then(() -> source.assertMinRequested(Long.MAX_VALUE))
                .then(() -> source.next(1, 2))
                .expectNext(1, 2)
                .then(() -> source.next(3, 4, 5))
                .expectNoEvent(Duration.ofMillis(50))
                .thenRequest(1)
                .expectNext(3)
                .then(source::complete)
                .expectNoEvent(Duration.ofMillis(50))
                .thenRequest(5)
                .expectNext(4, 5)
                .verifyComplete();
    }

    @Test
    void shouldCompleteAtOnceWhenNothingIsKept() {
        TestPublisher<Integer> source = TestPublisher.create();

        new FluxReadAhead<>(source.flux())
                .as(flux -> StepVerifier.create(flux, 0))
                .then(source::complete)
                .verifyComplete();
    }

    @Test
    void shouldSignalAnErrorAfterTheElementsKept() {
        TestPublisher<Integer> source = TestPublisher.create();
        IllegalStateException failure = new IllegalStateException("source failed");

        new FluxReadAhead<>(source.flux())
                .as(flux -> StepVerifier.create(flux, 0))
                .then(() -> source.next(1, 2).error(failure))
                .expectNoEvent(Duration.ofMillis(50))
                .thenRequest(2)
                .expectNext(1, 2)
                .expectErrorMatches(error -> error == failure)
                .verify(WAIT);
    }

    @Test
    void shouldCancelTheSourceAndDiscardWhatIsKeptOnCancel() {
        TestPublisher<Integer> source = TestPublisher.create();
        List<Object> discarded = new CopyOnWriteArrayList<>();

        new FluxReadAhead<>(source.flux())
                .doOnDiscard(Integer.class, discarded::add)
                .as(flux -> StepVerifier.create(flux, 1))
                .then(() -> source.next(1))
                .expectNext(1)
                .then(() -> source.next(2, 3))
                .thenCancel()
                .verify(WAIT);

        source.assertCancelled();
        assertThat(discarded).containsExactly(2, 3);
    }

    @Test
    void shouldKeepOrderWhenDemandArrivesFromAnotherThreadWhileTheSourceEmits() {
        for (int attempt = 0; attempt < 20; attempt++) {
            List<Integer> seen = new CopyOnWriteArrayList<>();
            new FluxReadAhead<>(Flux.range(0, 10_000).subscribeOn(Schedulers.parallel()))
                    .limitRate(7)
                    .publishOn(Schedulers.boundedElastic(), 3)
                    .doOnNext(seen::add)
                    .then()
                    .block(WAIT);
            assertThat(seen).hasSize(10_000).isSorted();
        }
    }
}
