package io.sluice.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules a request body must follow, checked before any session is opened. */
final class NewUserUnitTests {

    @Test
    void shouldAcceptAUserWithANameAndAddresses() {
        NewUser body = new NewUser("ed", "Ed Jones", null, List.of("ed@example.com"));

        assertThat(body.problems()).isEmpty();
        User user = body.toUser();
        assertThat(user.getName()).isEqualTo("ed");
        assertThat(user.getAddresses()).extracting(Address::getEmailAddress).containsExactly("ed@example.com");
    }

    @Test
    void shouldListEveryProblemOfABody() {
        NewUser body = new NewUser(null, "f".repeat(51), null, Arrays.asList("ed@example.com", null, "a@b"));

        assertThat(body.problems())
                .containsExactly(
                        "name must not be blank",
                        "fullname must be at most 50 characters",
                        "addresses[1] must be an e-mail address of at most 100 characters",
                        "addresses[2] must be an e-mail address of at most 100 characters");
    }

    @Test
    void shouldRequireTheVersionOfAnUpdate() {
        assertThat(new UserChanges("ed", null, null, null).problems())
                .containsExactly("version must be given: send the version of the user you read");
        assertThat(new UserChanges("ed", null, "eddie", 3L).problems()).isEmpty();
    }
}
