package io.sluice.spring.boot;

import io.sluice.spring.boot.internal.EntityScanRegistrar;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;

/**
 * Names the packages whose {@code @Entity} classes the auto-configured {@link io.sluice.session.mapping.Mapping} maps, instead
 * of the application's auto-configuration packages (those of its {@code @SpringBootApplication} class and below).
 *
 * <pre>{@code
 * @SpringBootApplication
 * @SluiceEntityScan(basePackageClasses = User.class)
 * class ShopApplication {}
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Import(EntityScanRegistrar.class)
public @interface SluiceEntityScan {

    /**
     * Returns the packages to scan.
     *
     * @return package names
     */
    String[] value() default {};

    /**
     * Returns classes whose packages are scanned.
     *
     * @return classes
     */
    Class<?>[] basePackageClasses() default {};
}
