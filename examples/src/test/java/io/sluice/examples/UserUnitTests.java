package io.sluice.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The tutorial's transient {@link User}: no id before it is inserted, and its addresses kept in step in memory. */
final class UserUnitTests {

    @Test
    void shouldHaveNoIdBeforeItIsInserted() {
        User ed = new User("ed", "Ed Jones", "edsnickname");

        assertThat(ed.getName()).isEqualTo("ed");
        assertThat(ed.getNickname()).isEqualTo("edsnickname");
        assertThat(String.valueOf(ed.getId())).isEqualTo("null");
    }

    @Test
    void shouldStartWithNoAddresses() {
        assertThat(new User("jack", "Jack Bean", "gjffdd").getAddresses()).isEmpty();
    }

    @Test
    void shouldKeepTheAddressesInTheOrderAdded() {
        User jack = new User("jack", "Jack Bean", "gjffdd");

        jack.getAddresses().addAll(List.of(new Address("jack@google.com"), new Address("j25@yahoo.com")));

        assertThat(jack.getAddresses().get(1)).hasToString("<Address(email_address='j25@yahoo.com')>");
    }

    @Test
    void shouldSetTheUserOfAnAddressAddedToItsAddresses() {
        User jack = new User("jack", "Jack Bean", "gjffdd");

        jack.getAddresses().addAll(List.of(new Address("jack@google.com"), new Address("j25@yahoo.com")));

        assertThat(jack.getAddresses().get(1).getUser().get()).isSameAs(jack);
    }
}
