package io.sluice.core.sql;

import io.sluice.core.internal.Assert;
import org.jspecify.annotations.Nullable;

/** Checks names of tables, columns, labels and constraints before they can reach SQL text. */
final class Identifiers {

    private Identifiers() {}

    /**
     * Returns {@code name} if it can be used as an identifier: not blank, at most 128 characters, and free of control characters
     * (dialects quote what else needs quoting).
     */
    static String check(@Nullable String candidate, String what) {
        String name = Assert.requireNonNull(candidate, what + " name must not be null");
        Assert.isTrue(!name.isBlank(), what + " name must not be blank");
        if (name.length() > 128) {
            throw new IllegalArgumentException(
                    what + " name '" + name.substring(0, 20) + "...' is longer than 128 characters");
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                throw new IllegalArgumentException(
                        what + " name '" + name.replaceAll("\\p{Cntrl}", "?") + "' contains a control character");
            }
        }
        return name;
    }
}
