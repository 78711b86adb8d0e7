package io.sluice.spring.boot.app;

import io.sluice.session.Session;
import io.sluice.session.Sessions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/** The inner @Transactional methods AccountService calls through Spring's proxy. */
@Service
public class InnerService {

    @Transactional(propagation = Propagation.NESTED)
    public Mono<Void> nestedThenFail(String name) {
        return AccountService.add(name).then(Mono.error(new IllegalStateException("nested failure")));
    }

    @Transactional(propagation = Propagation.NESTED)
    public Mono<Void> nested(String name) {
        return AccountService.add(name);
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Mono<Void> createIndependently(String name) {
        return AccountService.add(name);
    }

    @Transactional(propagation = Propagation.NEVER)
    public Mono<String> never() {
        return Mono.just("ran");
    }

    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Mono<Boolean> notSupportedHasSession() {
        return Sessions.current().map(s -> true).onErrorResume(e -> Mono.just(false));
    }

    @Transactional(propagation = Propagation.SUPPORTS)
    public Mono<Session> supportsSession() {
        return Sessions.current();
    }
}
