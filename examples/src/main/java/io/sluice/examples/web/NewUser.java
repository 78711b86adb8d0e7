package io.sluice.examples.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The body of a request that creates a user.
 *
 * @param name the name, required, at most 50 characters
 * @param fullname the full name, at most 50 characters
 * @param nickname the nickname, at most 50 characters
 * @param addresses e-mail addresses, at most 100 characters each
 */
public record NewUser(
        @Nullable String name,
        @Nullable String fullname,
        @Nullable String nickname,
        @Nullable List<@Nullable String> addresses) {

    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /**
     * Returns what is wrong with the body, one message per problem.
     *
     * @return the problems; empty if the body is valid
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        requireName(name, problems);
        limit("fullname", fullname, 50, problems);
        limit("nickname", nickname, 50, problems);
        List<@Nullable String> emails = addresses == null ? List.of() : addresses;
        for (int i = 0; i < emails.size(); i++) {
            String email = emails.get(i);
            if (email == null || email.length() > 100 || !EMAIL.matcher(email).matches()) {
                problems.add("addresses[" + i + "] must be an e-mail address of at most 100 characters");
            }
        }
        return problems;
    }

    /**
     * Returns the user this body describes, with its addresses; call only when {@link #problems()} is empty.
     *
     * @return the new user
     */
    public User toUser() {
        User user = new User(String.valueOf(name).strip(), fullname, nickname);
        if (addresses != null) {
            for (String email : addresses) {
                user.getAddresses().add(new Address(String.valueOf(email)));
            }
        }
        return user;
    }

    static void requireName(@Nullable String name, List<String> problems) {
        if (name == null || name.isBlank()) {
            problems.add("name must not be blank");
        } else {
            limit("name", name, 50, problems);
        }
    }

    static void limit(String field, @Nullable String value, int length, List<String> problems) {
        if (value != null && value.length() > length) {
            problems.add(field + " must be at most " + length + " characters");
        }
    }
}
