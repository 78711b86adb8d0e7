package io.sluice.session.mapping;

import io.sluice.core.sql.SqlType;
import java.lang.reflect.Field;

/** Checks a {@link Generated} field's strategy against its type when a class is mapped. */
final class GeneratedKeys {

    private GeneratedKeys() {}

    /**
     * Checks a field marked {@link Generated}.
     *
     * @param where the class and field, as {@code User.id}
     * @param field the field
     * @param type its column type
     * @param id whether it is an {@link Id}
     * @throws MappingException naming the field and the fix if the strategy does not fit it
     */
    static void check(String where, Field field, SqlType<?> type, boolean id) {
        Generated generated = field.getAnnotation(Generated.class);
        boolean integer = type.kind() == SqlType.Kind.INTEGER
                || type.kind() == SqlType.Kind.BIGINT
                || type.kind() == SqlType.Kind.SMALLINT;
        Generated.Strategy strategy = generated.strategy();
        String annotation =
                strategy == Generated.Strategy.IDENTITY ? "@Generated" : "@Generated(strategy = " + strategy + ")";
        if (!id) {
            throw new MappingException(
                    where + " is " + annotation
                            + " but not an @Id: only a primary-key field can have generated values; add @Id or remove @Generated");
        }
        if (strategy != Generated.Strategy.SEQUENCE && !generated.sequence().isEmpty()) {
            throw new MappingException(where + " names sequence '" + generated.sequence() + "' but its strategy is "
                    + strategy + ": add strategy = Generated.Strategy.SEQUENCE, or remove the sequence");
        }
        switch (strategy) {
            case IDENTITY -> {
                if (!integer) {
                    throw new MappingException(where + " is @Generated but not an integer: only an integer @Id field"
                            + " (Integer or Long) can have generated values; for a java.util.UUID key use"
                            + " @Generated(strategy = Generated.Strategy.UUID)");
                }
            }
            case SEQUENCE -> {
                if (!integer) {
                    throw new MappingException(where + " is " + annotation + " but of type "
                            + field.getType().getSimpleName() + ": sequence keys are Integer or Long fields; use"
                            + " strategy = UUID for a java.util.UUID key, or assign the key yourself (no @Generated)");
                }
                if (generated.sequence().isBlank()) {
                    throw new MappingException(where + " is " + annotation + " without a sequence name: name it, as in"
                            + " @Generated(strategy = SEQUENCE, sequence = \"users_seq\")");
                }
                if (generated.allocationSize() < 1) {
                    throw new MappingException(where + " has allocationSize " + generated.allocationSize()
                            + ": a sequence hands out at least 1 key per value; give allocationSize = 1 or more (50 is"
                            + " the default)");
                }
            }
            case UUID -> {
                if (field.getType() != java.util.UUID.class || type.conversion() != null) {
                    throw new MappingException(where + " is " + annotation + " but of type "
                            + field.getType().getSimpleName() + ": declare it as java.util.UUID, or use strategy ="
                            + " SEQUENCE or IDENTITY for an Integer or Long key");
                }
            }
        }
    }

    /**
     * Returns whether a {@link Generated} field is an identity column, whose values the database makes at INSERT.
     *
     * @param field the field
     * @return {@code true} for {@link Generated.Strategy#IDENTITY}
     */
    static boolean isIdentity(Field field) {
        Generated generated = field.getAnnotation(Generated.class);
        return generated != null && generated.strategy() == Generated.Strategy.IDENTITY;
    }
}
