package io.sluice.spring.boot.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.util.ClassUtils;

/** Registers the packages of {@code @SluiceEntityScan} as an {@link EntityPackages} bean. */
public final class EntityScanRegistrar implements ImportBeanDefinitionRegistrar {

    @Override
    public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
        Map<String, Object> attributes = metadata.getAnnotationAttributes("io.sluice.spring.boot.SluiceEntityScan");
        List<String> packages = new ArrayList<>();
        if (attributes != null) {
            if (attributes.get("value") instanceof String[] names) {
                packages.addAll(List.of(names));
            }
            if (attributes.get("basePackageClasses") instanceof Class<?>[] types) {
                for (Class<?> type : types) {
                    packages.add(type.getPackageName());
                }
            }
        }
        if (packages.isEmpty()) {
            packages.add(ClassUtils.getPackageName(metadata.getClassName()));
        }
        RootBeanDefinition definition = new RootBeanDefinition(EntityPackages.class);
        definition.getConstructorArgumentValues().addIndexedArgumentValue(0, List.copyOf(packages));
        registry.registerBeanDefinition(EntityPackages.BEAN_NAME, definition);
    }
}
