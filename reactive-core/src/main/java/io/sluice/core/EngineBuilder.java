package io.sluice.core;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;
import io.sluice.core.dialect.Dialect;
import io.sluice.core.dialect.Dialects;
import io.sluice.core.internal.Assert;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import reactor.core.scheduler.Scheduler;

/**
 * Configures an {@link Engine}: echo, listeners and pool settings. Defaults: pool of at most 10 connections, none opened up
 * front, idle connections closed after 30 minutes, 30 seconds to acquire a connection, validation by the driver.
 */
public final class EngineBuilder {

    private final @Nullable String url;
    private final @Nullable ConnectionFactory factory;
    private boolean echo;
    private final List<StatementListener> listeners = new ArrayList<>();
    private int initialSize = 0;
    private int maxSize = 10;
    private Duration maxIdleTime = Duration.ofMinutes(30);
    private Duration acquireTimeout = Duration.ofSeconds(30);
    private @Nullable String validationQuery;
    private @Nullable Dialect dialect;
    private @Nullable Scheduler driverScheduler;
    private boolean sharedPool;

    EngineBuilder(String url) {
        this.url = Assert.hasText(url, "url must not be null or blank");
        this.factory = null;
    }

    EngineBuilder(ConnectionFactory factory) {
        this.url = null;
        this.factory = Assert.requireNonNull(factory, "factory must not be null");
    }

    /**
     * Logs every statement and its bind values at INFO on the SLF4J logger {@code io.sluice.engine}.
     *
     * @param echo {@code true} to log
     * @return this builder
     */
    public EngineBuilder echo(boolean echo) {
        this.echo = echo;
        return this;
    }

    /**
     * Adds a listener told of every statement and transaction command.
     *
     * @param listener the listener
     * @return this builder
     */
    public EngineBuilder listener(StatementListener listener) {
        listeners.add(Assert.requireNonNull(listener, "listener must not be null"));
        return this;
    }

    /**
     * Sets the number of connections the pool opens on first use.
     *
     * @param initialSize at least 0, at most the maximum size
     * @return this builder
     */
    public EngineBuilder initialSize(int initialSize) {
        Assert.isTrue(initialSize >= 0, "initialSize must not be negative");
        this.initialSize = initialSize;
        return this;
    }

    /**
     * Sets the most connections the pool holds.
     *
     * @param maxSize at least 1
     * @return this builder
     */
    public EngineBuilder maxSize(int maxSize) {
        Assert.isTrue(maxSize >= 1, "maxSize must be at least 1");
        this.maxSize = maxSize;
        return this;
    }

    /**
     * Sets how long a connection may stay idle in the pool before it is closed.
     *
     * @param maxIdleTime a positive duration
     * @return this builder
     */
    public EngineBuilder maxIdleTime(Duration maxIdleTime) {
        Assert.requireNonNull(maxIdleTime, "maxIdleTime must not be null");
        Assert.isTrue(!maxIdleTime.isNegative() && !maxIdleTime.isZero(), "maxIdleTime must be positive");
        this.maxIdleTime = maxIdleTime;
        return this;
    }

    /**
     * Sets how long to wait for a connection before failing.
     *
     * @param acquireTimeout a positive duration
     * @return this builder
     */
    public EngineBuilder acquireTimeout(Duration acquireTimeout) {
        Assert.requireNonNull(acquireTimeout, "acquireTimeout must not be null");
        Assert.isTrue(!acquireTimeout.isNegative() && !acquireTimeout.isZero(), "acquireTimeout must be positive");
        this.acquireTimeout = acquireTimeout;
        return this;
    }

    /**
     * Sets a query the pool runs to check a connection before handing it out (by default the driver's own validation).
     *
     * @param validationQuery the query, such as {@code SELECT 1}
     * @return this builder
     */
    public EngineBuilder validationQuery(String validationQuery) {
        this.validationQuery = Assert.hasText(validationQuery, "validationQuery must not be null or blank");
        return this;
    }

    /**
     * Sets the dialect instead of deriving it from the URL or the driver's metadata.
     *
     * @param dialect the dialect
     * @return this builder
     */
    public EngineBuilder dialect(Dialect dialect) {
        this.dialect = Assert.requireNonNull(dialect, "dialect must not be null");
        return this;
    }

    /**
     * Sets where the work of a driver that blocks its subscriber (H2's: see {@link Dialect#driverBlocks()}) runs when it is
     * subscribed from a thread that must not block: an event loop (WebFlux's), or Reactor's parallel and single schedulers.
     * By default the engine makes a bounded scheduler of its own, of as many daemon threads as the pool has connections (named
     * {@code sluice-h2-n}), and disposes of it when it closes. Work subscribed from a thread that may block (a main thread, a
     * worker of a bounded-elastic scheduler) runs in place, as the driver itself does. Drivers that do not block ignore this
     * setting.
     *
     * @param scheduler the scheduler; the application disposes of it
     * @return this builder
     */
    public EngineBuilder driverScheduler(Scheduler scheduler) {
        this.driverScheduler = Assert.requireNonNull(scheduler, "scheduler must not be null");
        return this;
    }

    /**
     * Uses the connection factory given to {@link Engine#builder(ConnectionFactory)} as it is, without a pool of its own: for a
     * factory that is already a pool the application owns (such as the r2dbc-pool {@code ConnectionPool} Spring Boot makes from
     * {@code spring.r2dbc.*}), so that the engine and the application's other R2DBC code (Spring's {@code DatabaseClient},
     * Spring Data R2DBC) share its connections, and a transaction can hold one connection for both. The pool settings of this
     * builder are then not used, {@link Engine#poolMetrics()} reports the given pool's metrics when it is an r2dbc-pool
     * {@code ConnectionPool}, and {@link Engine#close()} leaves the pool open: its owner closes it.
     *
     * @return this builder
     * @throws IllegalStateException if the builder was made from a URL, which has no pool to share
     */
    public EngineBuilder sharedPool() {
        if (factory == null) {
            throw new IllegalStateException("sharedPool() needs the pool itself: use Engine.builder(connectionFactory)"
                    + " with the application's ConnectionPool instead of a URL");
        }
        this.sharedPool = true;
        return this;
    }

    /**
     * Returns the engine. No connection is opened.
     *
     * @return the engine
     * @throws IllegalArgumentException if the URL is malformed, no driver is found for it, or the sizes are inconsistent
     */
    public Engine build() {
        Assert.isTrue(
                initialSize <= maxSize, "initialSize (" + initialSize + ") must not exceed maxSize (" + maxSize + ")");
        ConnectionFactory driver;
        String safeUrl;
        Dialect resolved = dialect;
        if (url != null) {
            ConnectionFactoryOptions options = Urls.driverOptions(url);
            safeUrl = Urls.withoutPassword(url);
            if (resolved == null) {
                resolved = Dialects.forName(String.valueOf(options.getRequiredValue(ConnectionFactoryOptions.DRIVER)));
            }
            try {
                driver = ConnectionFactories.get(options);
            } catch (IllegalStateException e) {
                throw new IllegalArgumentException(
                        "no R2DBC driver on the class path for " + safeUrl
                                + "; add r2dbc-h2, r2dbc-postgresql or r2dbc-mariadb as a dependency",
                        e);
            }
        } else {
            driver = Assert.requireNonNull(factory, "factory");
            safeUrl = "r2dbc:" + driver.getMetadata().getName().toLowerCase(java.util.Locale.ROOT)
                    + ":(connection factory)";
            if (resolved == null) {
                resolved = Dialects.forName(driver.getMetadata().getName());
            }
        }
        List<StatementListener> all = new ArrayList<>(listeners);
        if (echo) {
            all.add(0, new EchoListener());
        }
        if (sharedPool) {
            DriverThreads shared = resolved.driverBlocks() ? driverThreads(resolved) : null;
            return new DefaultEngine(driver, false, resolved, safeUrl, Listeners.of(all), shared);
        }
        ConnectionPoolConfiguration.Builder pool = ConnectionPoolConfiguration.builder(driver)
                .name("sluice")
                .initialSize(initialSize)
                .maxSize(maxSize)
                .maxIdleTime(maxIdleTime)
                .maxAcquireTime(acquireTimeout);
        if (validationQuery != null) {
            pool.validationQuery(validationQuery);
        }
        DriverThreads threads = resolved.driverBlocks() ? driverThreads(resolved) : null;
        return new DefaultEngine(new ConnectionPool(pool.build()), true, resolved, safeUrl, Listeners.of(all), threads);
    }

    private DriverThreads driverThreads(Dialect resolved) {
        Scheduler given = driverScheduler;
        return given != null
                ? DriverThreads.of(given)
                : DriverThreads.create(resolved.name().toLowerCase(java.util.Locale.ROOT), maxSize);
    }

    /** The option r2dbc-h2 reads its H2 settings from. */
    static final Option<String> H2_OPTIONS = Option.valueOf("options");
}
