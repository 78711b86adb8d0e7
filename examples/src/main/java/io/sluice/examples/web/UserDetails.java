package io.sluice.examples.web;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A user with its addresses.
 *
 * @param id the key
 * @param name the name
 * @param fullname the full name
 * @param nickname the nickname
 * @param version the version to send back with an update
 * @param addresses the e-mail addresses, in the order they were added
 */
public record UserDetails(
        int id,
        String name,
        @Nullable String fullname,
        @Nullable String nickname,
        long version,
        List<String> addresses) {

    /**
     * Returns the details of a user whose addresses are loaded.
     *
     * @param user the user
     * @return the details
     */
    public static UserDetails of(User user) {
        return new UserDetails(
                Objects.requireNonNull(user.getId()),
                user.getName(),
                user.getFullname(),
                user.getNickname(),
                Objects.requireNonNull(user.getVersion()),
                user.getAddresses().stream().map(Address::getEmailAddress).toList());
    }
}
