package io.sluice.session.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes an entity class the root of a class hierarchy, stored in one table (single-table inheritance, as SQLAlchemy's and
 * Hibernate's, the default) or in a table per class ({@link Strategy#JOINED}). In a single table, every class of the
 * hierarchy maps to the root's table, the rows of each class carry its
 * {@link DiscriminatorValue} in the discriminator column, and columns of subclasses are nullable.
 *
 * <pre>{@code
 * @Entity(table = "employee")
 * @Inheritance(discriminator = "type", subclasses = {Engineer.class, Manager.class})
 * public class Employee { @Id @Generated Integer id; String name; ... }
 *
 * @Entity @DiscriminatorValue("engineer")
 * public class Engineer extends Employee { String engineerName; ... }
 * }</pre>
 *
 * <p>A query of the root ({@code query(Employee.class)}) is polymorphic: each row becomes an object of the class its
 * discriminator names, with that class's columns. A query of a subclass adds {@code WHERE type IN (...)} of it and its own
 * subclasses. The identity map keys the objects of a hierarchy by the root class, so {@code get(Employee.class, 1)} and
 * {@code get(Engineer.class, 1)} give the same object.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Inheritance {

    /**
     * Returns the name of the discriminator column.
     *
     * @return the column's name
     */
    String discriminator() default "type";

    /**
     * Returns the subclasses of the root, each annotated {@link Entity}; subclasses of those are found the same way, from
     * their own {@code subclasses} list.
     *
     * @return the subclasses; empty for the permitted subclasses of a {@code sealed} root
     */
    Class<?>[] subclasses() default {};

    /**
     * Returns how the hierarchy is stored: in the root's table ({@link Strategy#SINGLE_TABLE}), or in a table per class
     * ({@link Strategy#JOINED}).
     *
     * @return the strategy
     */
    Strategy strategy() default Strategy.SINGLE_TABLE;

    /** How the classes of a hierarchy are stored. */
    enum Strategy {
        /**
         * Every class in the root's table: the columns of subclasses are nullable, and each row's discriminator names its
         * class.
         */
        SINGLE_TABLE,
        /**
         * The root's columns and the discriminator in the root's table; each subclass's own columns in its own table (named
         * in its {@link Entity}), whose primary key is the root's key and references the root's table. A query of the
         * root joins every subclass table with outer joins; a query of a subclass joins its own tables with inner joins.
         * The flush inserts the root's row, then the subclass's, each table in multi-row batches, and deletes in the
         * opposite order.
         */
        JOINED
    }
}
