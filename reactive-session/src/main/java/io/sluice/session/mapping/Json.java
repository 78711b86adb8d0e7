package io.sluice.session.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stores a field as a JSON document: in a {@code jsonb} column on PostgreSQL, a {@code JSON} column on H2 and MariaDB.
 *
 * <p>A {@code String} field holds the document's text as it is (PostgreSQL and H2 give it back in their normal form: keys
 * reordered, spaces changed). A field of any other type ({@code Map<String, Object>}, {@code List<Item>}, a class of its own)
 * is written and read with Jackson ({@code com.fasterxml.jackson.core:jackson-databind}, which the application adds: without
 * it {@link Mapping#of} fails naming the field), through its full generic type. Map keys are written in sorted order. The
 * session keeps the JSON text as the field's snapshot, so an object changed in place (a property set, an element added) is
 * written at the next flush, and an unchanged one is not; values declared {@link #immutable()} skip that.
 *
 * <p>With {@link Convert}, the converter (whose stored type must be {@code String}) writes the JSON text instead of Jackson.
 * Not for {@link Id} or {@link Version} fields; {@link io.sluice.core.sql.SQL#jsonText} reads values inside the document in
 * queries (on PostgreSQL and MariaDB).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Json {

    /**
     * Declares that the field's values are never changed in place: to change the document, the application sets a new value.
     * The session then keeps the value itself as the field's snapshot and compares values with {@code equals}, instead of
     * writing the document with Jackson at every load and dirty check. A change made in place to such a value is not seen.
     * Records whose components are all immutable (strings, numbers, booleans, enums, {@code UUID}, {@code java.time}
     * values, such records) are taken as immutable without it; a record holding a {@code List} or a {@code Map} needs it.
     *
     * @return {@code true} if the values are immutable
     */
    boolean immutable() default false;
}
