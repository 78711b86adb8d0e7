package io.sluice.session.types;

import io.sluice.core.sql.Converter;

/** Stored by a one-letter code of its own through {@link Code}. */
public enum Grade {
    GOLD("G"),
    SILVER("S"),
    BRONZE("B");

    private final String code;

    Grade(String code) {
        this.code = code;
    }

    public static final class Code implements Converter<Grade, String> {
        @Override
        public String toDatabase(Grade value) {
            return value.code;
        }

        @Override
        public Grade fromDatabase(String value) {
            for (Grade grade : values()) {
                if (grade.code.equals(value)) {
                    return grade;
                }
            }
            throw new IllegalArgumentException("no Grade has code " + value);
        }
    }
}
