package io.sluice.examples.web;

import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The REST resource {@code /users}. It checks the request and calls {@link UserService}, each of whose methods runs in one
 * session and transaction ({@code @Transactional}): it commits before the response is written, and rolls back when it fails
 * or the client goes away.
 */
@RestController
@RequestMapping("/users")
public class UserController {

    private final UserService users;

    /**
     * Creates the controller.
     *
     * @param users the service
     */
    public UserController(UserService users) {
        this.users = users;
    }

    /**
     * Lists a page of users.
     *
     * @param page the page, from 0
     * @param size the users per page, 1 to 100
     * @return the page
     */
    @GetMapping
    public Mono<UserPage> list(
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        if (page < 0 || size < 1 || size > 100) {
            return Mono.error(new InvalidInputException(List.of("page must be 0 or more and size from 1 to 100")));
        }
        return users.page(page, size);
    }

    /**
     * Returns a user with its addresses.
     *
     * @param id the key
     * @return the user
     */
    @GetMapping("/{id}")
    public Mono<UserDetails> get(@PathVariable int id) {
        return users.get(id);
    }

    /**
     * Creates a user with its addresses.
     *
     * @param body the user
     * @return 201 with the user and its location; 400 if the body is invalid, with nothing written
     */
    @PostMapping
    public Mono<ResponseEntity<UserDetails>> create(@RequestBody NewUser body) {
        List<String> problems = body.problems();
        if (!problems.isEmpty()) {
            return Mono.error(new InvalidInputException(problems));
        }
        return users.create(body.toUser())
                .map(created -> ResponseEntity.created(URI.create("/users/" + created.id()))
                        .body(created));
    }

    /**
     * Updates a user.
     *
     * @param id the key
     * @param body the new values and the version they are based on
     * @return the user with its new version; 409 if the version is not the current one
     */
    @PutMapping("/{id}")
    public Mono<UserDetails> update(@PathVariable int id, @RequestBody UserChanges body) {
        List<String> problems = body.problems();
        if (!problems.isEmpty()) {
            return Mono.error(new InvalidInputException(problems));
        }
        return users.update(id, body);
    }

    /**
     * Deletes a user and its addresses.
     *
     * @param id the key
     * @return 204
     */
    @DeleteMapping("/{id}")
    public Mono<ResponseEntity<Void>> delete(@PathVariable int id) {
        return users.delete(id)
                .then(Mono.fromSupplier(() -> ResponseEntity.noContent().build()));
    }

    /**
     * Streams every user as newline-delimited JSON, read from the database as the client reads the response.
     *
     * @return the users
     */
    @GetMapping(value = "/export", produces = MediaType.APPLICATION_NDJSON_VALUE)
    public Flux<UserSummary> export() {
        return users.export();
    }
}
