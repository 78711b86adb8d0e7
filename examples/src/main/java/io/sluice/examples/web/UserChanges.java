package io.sluice.examples.web;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The body of a request that updates a user: the new values and the version they were based on.
 *
 * @param name the name, required, at most 50 characters
 * @param fullname the full name, at most 50 characters
 * @param nickname the nickname, at most 50 characters
 * @param version the version of the user as last read, required
 */
public record UserChanges(
        @Nullable String name,
        @Nullable String fullname,
        @Nullable String nickname,
        @Nullable Long version) {

    /**
     * Returns what is wrong with the body, one message per problem.
     *
     * @return the problems; empty if the body is valid
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        NewUser.requireName(name, problems);
        NewUser.limit("fullname", fullname, 50, problems);
        NewUser.limit("nickname", nickname, 50, problems);
        if (version == null) {
            problems.add("version must be given: send the version of the user you read");
        }
        return problems;
    }

    /**
     * Copies the values to a user.
     *
     * @param user the user to change
     */
    public void applyTo(User user) {
        user.setName(String.valueOf(name).strip());
        user.setFullname(fullname);
        user.setNickname(nickname);
    }
}
