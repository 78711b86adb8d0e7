package io.sluice.spring.boot;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sluice's settings under {@code sluice.*}. Without {@code sluice.url}, the engine uses the application's R2DBC {@code
 * ConnectionFactory} (Spring Boot's, from {@code spring.r2dbc.*}), or else {@code spring.r2dbc.url}, {@code username}, {@code
 * password} and {@code pool.*}.
 */
@ConfigurationProperties("sluice")
public class SluiceProperties {

    /** An R2DBC URL for an engine with a pool of its own, instead of the application's ConnectionFactory. */
    private @Nullable String url;

    /** The user name, when not in the URL. */
    private @Nullable String username;

    /** The password, when not in the URL. */
    private @Nullable String password;

    /** Whether to log every statement and its bind values on the logger io.sluice.engine. */
    private boolean echo;

    /** Whether to create the mapped tables that do not exist at startup (for development: not a migration tool). */
    private boolean createSchema;

    private final Pool pool = new Pool();

    public @Nullable String getUrl() {
        return url;
    }

    public void setUrl(@Nullable String url) {
        this.url = url;
    }

    public @Nullable String getUsername() {
        return username;
    }

    public void setUsername(@Nullable String username) {
        this.username = username;
    }

    public @Nullable String getPassword() {
        return password;
    }

    public void setPassword(@Nullable String password) {
        this.password = password;
    }

    public boolean isEcho() {
        return echo;
    }

    public void setEcho(boolean echo) {
        this.echo = echo;
    }

    public boolean isCreateSchema() {
        return createSchema;
    }

    public void setCreateSchema(boolean createSchema) {
        this.createSchema = createSchema;
    }

    public Pool getPool() {
        return pool;
    }

    /** The pool of an engine that has one of its own ({@code sluice.pool.*}, else {@code spring.r2dbc.pool.*}). */
    public static class Pool {

        /** The most connections; 10 by default. */
        private @Nullable Integer maxSize;

        /** The connections opened on first use; 0 by default. */
        private @Nullable Integer initialSize;

        /** How long a connection may stay idle; 30 minutes by default. */
        private @Nullable Duration maxIdleTime;

        /** How long to wait for a connection; 30 seconds by default. */
        private @Nullable Duration maxAcquireTime;

        public @Nullable Integer getMaxSize() {
            return maxSize;
        }

        public void setMaxSize(@Nullable Integer maxSize) {
            this.maxSize = maxSize;
        }

        public @Nullable Integer getInitialSize() {
            return initialSize;
        }

        public void setInitialSize(@Nullable Integer initialSize) {
            this.initialSize = initialSize;
        }

        public @Nullable Duration getMaxIdleTime() {
            return maxIdleTime;
        }

        public void setMaxIdleTime(@Nullable Duration maxIdleTime) {
            this.maxIdleTime = maxIdleTime;
        }

        public @Nullable Duration getMaxAcquireTime() {
            return maxAcquireTime;
        }

        public void setMaxAcquireTime(@Nullable Duration maxAcquireTime) {
            this.maxAcquireTime = maxAcquireTime;
        }
    }
}
