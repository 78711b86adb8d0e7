package io.sluice.spring.boot.internal;

import io.sluice.session.mapping.Entity;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/** The packages scanned for {@code @Entity} classes, and the scan. */
public record EntityPackages(List<String> packages) {

    /** The name of the bean {@code @SluiceEntityScan} registers. */
    public static final String BEAN_NAME = "io.sluice.spring.boot.internal.EntityPackages";

    /** Returns the {@code @Entity} classes of the packages and below, sorted by name. */
    public List<Class<?>> scan(ClassLoader loader) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Entity.class));
        List<String> names = new ArrayList<>();
        for (String name : packages) {
            for (BeanDefinition candidate : scanner.findCandidateComponents(name)) {
                String type = candidate.getBeanClassName();
                if (type != null && !names.contains(type)) {
                    names.add(type);
                }
            }
        }
        names.sort(null);
        List<Class<?>> types = new ArrayList<>();
        for (String name : names) {
            types.add(ClassUtils.resolveClassName(name, loader));
        }
        return types;
    }
}
