package io.sluice.spring.boot;

import io.r2dbc.spi.ConnectionFactory;
import io.sluice.core.Engine;
import io.sluice.core.EngineBuilder;
import io.sluice.core.StatementListener;
import io.sluice.session.SessionFactory;
import io.sluice.session.mapping.Mapping;
import io.sluice.spring.boot.internal.EntityPackages;
import io.sluice.spring.boot.internal.SchemaCreation;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.transaction.ReactiveTransactionManager;

/**
 * Auto-configures Sluice: an {@link Engine}, a {@link Mapping} of the {@code @Entity} classes of the application's packages
 * (or those of {@link SluiceEntityScan}), a {@link SessionFactory} and a {@link SluiceTransactionManager}; each backs off when
 * the application defines its own.
 *
 * <p>The engine uses, in this order: {@code sluice.url} (with a pool of its own, {@code sluice.pool.*}); the application's
 * R2DBC {@link ConnectionFactory} bean, shared as it is (Spring Boot makes one from {@code spring.r2dbc.*}), so that Spring's
 * {@code DatabaseClient} and Spring Data R2DBC take part in the same transactions; {@code spring.r2dbc.url}, {@code username},
 * {@code password} and {@code pool.*}. An engine with a pool of its own is closed, without waiting, when the context closes.
 */
@AutoConfiguration(
        afterName = "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
        beforeName = "org.springframework.boot.r2dbc.autoconfigure.R2dbcTransactionManagerAutoConfiguration")
@ConditionalOnClass({Engine.class, SessionFactory.class})
@EnableConfigurationProperties(SluiceProperties.class)
public class SluiceAutoConfiguration implements DisposableBean {

    private volatile @Nullable Engine owned;

    /**
     * Returns the engine.
     *
     * @param properties {@code sluice.*}
     * @param environment for {@code spring.r2dbc.*}
     * @param factories the application's R2DBC connection factory, if it has one
     * @param listeners statement listeners of the application, added to the engine
     * @return the engine; no connection is opened
     * @throws SluiceConfigurationException if there is no URL, or no driver or dialect fits it
     */
    @Bean(destroyMethod = "")
    @ConditionalOnMissingBean
    public Engine sluiceEngine(
            SluiceProperties properties,
            Environment environment,
            ObjectProvider<ConnectionFactory> factories,
            ObjectProvider<StatementListener> listeners) {
        String url = properties.getUrl();
        ConnectionFactory shared = url == null ? factories.getIfUnique() : null;
        EngineBuilder builder;
        try {
            if (shared != null) {
                builder = Engine.builder(shared).sharedPool();
            } else {
                builder = ownPool(properties, environment, url);
            }
            builder.echo(properties.isEcho());
            listeners.orderedStream().forEach(builder::listener);
            Engine engine = builder.build();
            if (shared == null) {
                owned = engine;
            }
            return engine;
        } catch (IllegalArgumentException e) {
            throw new SluiceConfigurationException(
                    String.valueOf(e.getMessage()),
                    "Set spring.r2dbc.url (or sluice.url) to an R2DBC URL such as r2dbc:postgresql://user@localhost:5432/db,"
                            + " r2dbc:mariadb://root@localhost:3306/db or r2dbc:h2:mem:///db, and add its driver (r2dbc-h2,"
                            + " r2dbc-postgresql or r2dbc-mariadb) as a dependency",
                    e);
        }
    }

    private static EngineBuilder ownPool(
            SluiceProperties properties, Environment environment, @Nullable String sluiceUrl) {
        String url = sluiceUrl != null ? sluiceUrl : environment.getProperty("spring.r2dbc.url");
        if (url == null || url.isBlank()) {
            throw new SluiceConfigurationException(
                    "no database URL: neither spring.r2dbc.url nor sluice.url is set, and the application has no R2DBC"
                            + " ConnectionFactory bean",
                    "Set spring.r2dbc.url to an R2DBC URL such as r2dbc:postgresql://user@localhost:5432/db (with"
                            + " spring.r2dbc.username and spring.r2dbc.password), or define a ConnectionFactory or Engine bean",
                    null);
        }
        String prefix = sluiceUrl != null ? "sluice." : "spring.r2dbc.";
        String username =
                sluiceUrl != null ? properties.getUsername() : environment.getProperty("spring.r2dbc.username");
        String password =
                sluiceUrl != null ? properties.getPassword() : environment.getProperty("spring.r2dbc.password");
        EngineBuilder builder = Engine.builder(withCredentials(url, username, password));
        SluiceProperties.Pool pool = properties.getPool();
        Integer maxSize = pool.getMaxSize() != null
                ? pool.getMaxSize()
                : environment.getProperty(prefix + "pool.max-size", Integer.class);
        if (maxSize != null) {
            builder.maxSize(maxSize);
        }
        Integer initialSize = pool.getInitialSize() != null
                ? pool.getInitialSize()
                : environment.getProperty(prefix + "pool.initial-size", Integer.class);
        if (initialSize != null) {
            builder.initialSize(initialSize);
        }
        Duration idle = pool.getMaxIdleTime() != null
                ? pool.getMaxIdleTime()
                : environment.getProperty(prefix + "pool.max-idle-time", Duration.class);
        if (idle != null) {
            builder.maxIdleTime(idle);
        }
        Duration acquire = pool.getMaxAcquireTime() != null
                ? pool.getMaxAcquireTime()
                : environment.getProperty(prefix + "pool.max-acquire-time", Duration.class);
        if (acquire != null) {
            builder.acquireTimeout(acquire);
        }
        return builder;
    }

    /** Puts a user name and password into a URL that has none: {@code r2dbc:postgresql://user:password@host/db}. */
    static String withCredentials(String url, @Nullable String username, @Nullable String password) {
        int hosts = url.indexOf("://");
        if (username == null || hosts < 0 || url.indexOf('@', hosts) >= 0) {
            return url;
        }
        String user = URLEncoder.encode(username, StandardCharsets.UTF_8);
        String secret =
                password == null || password.isEmpty() ? "" : ":" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return url.substring(0, hosts + 3) + user + secret + "@" + url.substring(hosts + 3);
    }

    /**
     * Returns the mapping of the {@code @Entity} classes found in the packages of {@link SluiceEntityScan}, else in the
     * application's auto-configuration packages.
     *
     * @param beanFactory the bean factory
     * @return the mapping
     * @throws SluiceConfigurationException if there is no package to scan or no entity class in the packages
     */
    @Bean
    @ConditionalOnMissingBean
    public Mapping sluiceMapping(BeanFactory beanFactory) {
        EntityPackages packages;
        if (beanFactory.containsBean(EntityPackages.BEAN_NAME)) {
            packages = beanFactory.getBean(EntityPackages.BEAN_NAME, EntityPackages.class);
        } else if (AutoConfigurationPackages.has(beanFactory)) {
            packages = new EntityPackages(AutoConfigurationPackages.get(beanFactory));
        } else {
            throw new SluiceConfigurationException(
                    "no package to scan for @Entity classes",
                    "Annotate the application class with @SpringBootApplication, or a configuration class with"
                            + " @SluiceEntityScan(basePackageClasses = YourEntity.class), or define a Mapping bean",
                    null);
        }
        List<Class<?>> types = packages.scan(SluiceAutoConfiguration.class.getClassLoader());
        if (types.isEmpty()) {
            throw new SluiceConfigurationException(
                    "no @Entity class in the packages " + packages.packages(),
                    "Annotate the mapped classes with @io.sluice.session.mapping.Entity, or name their packages with"
                            + " @SluiceEntityScan, or define a Mapping bean",
                    null);
        }
        return Mapping.of(types.toArray(Class<?>[]::new));
    }

    /**
     * Returns the session factory.
     *
     * @param engine the engine
     * @param mapping the mapping
     * @return the factory
     */
    @Bean
    @ConditionalOnMissingBean
    public SessionFactory sluiceSessionFactory(
            Engine engine, Mapping mapping, ObjectProvider<io.sluice.session.FlushListener> flushListeners) {
        SessionFactory sessions = SessionFactory.of(engine, mapping);
        io.sluice.session.FlushListener listener = flushListeners.getIfUnique();
        return listener == null ? sessions : sessions.withFlushListener(listener);
    }

    /**
     * Returns the transaction manager of {@code @Transactional} methods, unless the application has one.
     *
     * @param sessions the session factory
     * @return the transaction manager
     */
    @Bean
    @ConditionalOnMissingBean(ReactiveTransactionManager.class)
    public SluiceTransactionManager sluiceTransactionManager(SessionFactory sessions) {
        return new SluiceTransactionManager(sessions);
    }

    /**
     * Creates the mapped tables that do not exist when {@code sluice.create-schema=true}, before the context is ready.
     *
     * @param sessions the session factory
     * @return the initializer
     */
    @Bean
    @ConditionalOnProperty(name = "sluice.create-schema", havingValue = "true")
    public SchemaCreation sluiceSchemaCreation(SessionFactory sessions) {
        return new SchemaCreation(sessions);
    }

    /** Closes an engine with a pool of its own, without waiting; a shared pool is closed by its owner. */
    @Override
    public void destroy() {
        Engine engine = owned;
        if (engine != null) {
            owned = null;
            engine.close().subscribe(ignored -> {}, failure -> {});
        }
    }
}
