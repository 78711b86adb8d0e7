package io.sluice.examples.web;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A user as listed and exported, without addresses.
 *
 * @param id the key
 * @param name the name
 * @param fullname the full name
 * @param nickname the nickname
 * @param version the version to send back with an update
 */
public record UserSummary(
        int id,
        String name,
        @Nullable String fullname,
        @Nullable String nickname,
        long version) {

    /**
     * Returns the summary of a user read from the database.
     *
     * @param user the user
     * @return the summary
     */
    public static UserSummary of(User user) {
        return new UserSummary(
                Objects.requireNonNull(user.getId()),
                user.getName(),
                user.getFullname(),
                user.getNickname(),
                Objects.requireNonNull(user.getVersion()));
    }
}
