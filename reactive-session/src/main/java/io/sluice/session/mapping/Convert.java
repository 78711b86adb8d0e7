package io.sluice.session.mapping;

import io.sluice.core.sql.Converter;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stores a field through a {@link Converter}: {@code @Convert(EmailConverter.class) private Email email;} keeps an
 * {@code Email} in the object and the string the converter makes in the column. Writes, reads, filters through the
 * metamodel ({@code User_.email.eq(new Email("a@b"))}), the DDL and dirty checking (by the stored values' equality) all use
 * it. The converter class needs a no-argument constructor (it may be private); its type arguments name the field's type and
 * the stored type, which must be one Sluice stores itself. Converters do not apply to {@link Id} and {@link Version}
 * fields.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Convert {

    /**
     * Returns the converter class.
     *
     * @return the class
     */
    @SuppressWarnings("rawtypes")
    Class<? extends Converter> value();
}
