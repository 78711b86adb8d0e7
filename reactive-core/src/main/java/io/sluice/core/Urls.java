package io.sluice.core;

import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads R2DBC URLs: the options given to the driver, and the URL as it may be shown (without password). */
final class Urls {

    private static final Pattern USER_INFO = Pattern.compile("(//[^:/@?]*):[^@/?]*@");
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)([?&]password=)[^&]*");

    private Urls() {}

    /**
     * Returns the driver options of a URL. A {@code r2dbc:pool:<driver>:} URL is read as {@code r2dbc:<driver>:}, since the
     * engine pools connections itself. An H2 in-memory database is kept open while the engine lives ({@code DB_CLOSE_DELAY=-1}),
     * so that it does not vanish when the pool closes its last idle connection.
     */
    static ConnectionFactoryOptions driverOptions(String url) {
        ConnectionFactoryOptions options;
        try {
            options = ConnectionFactoryOptions.parse(url);
        } catch (IllegalArgumentException e) {
            // The parser's own message repeats the URL with its password: keep only a masked copy, and not the cause.
            String reason =
                    e.getMessage() == null ? "" : " (" + e.getMessage().replace(url, withoutPassword(url)) + ")";
            throw new IllegalArgumentException("malformed R2DBC URL " + withoutPassword(url)
                    + "; expected r2dbc:<driver>://[user[:password]@]host[:port]/database or r2dbc:h2:mem:///name"
                    + reason);
        }
        ConnectionFactoryOptions.Builder builder = options.mutate();
        String driver = String.valueOf(options.getRequiredValue(ConnectionFactoryOptions.DRIVER));
        if (driver.equals("pool")) {
            Object protocol = options.getValue(ConnectionFactoryOptions.PROTOCOL);
            if (protocol == null) {
                throw new IllegalArgumentException(
                        "the pooled URL " + withoutPassword(url) + " names no driver after r2dbc:pool:");
            }
            String[] parts = protocol.toString().split(":", 2);
            driver = parts[0];
            builder.option(ConnectionFactoryOptions.DRIVER, driver);
            builder.option(ConnectionFactoryOptions.PROTOCOL, parts.length > 1 ? parts[1] : "");
        }
        Object protocol = options.getValue(ConnectionFactoryOptions.PROTOCOL);
        if (driver.equals("h2") && "mem".equals(protocol)) {
            Option<String> h2Options = EngineBuilder.H2_OPTIONS;
            Object given = options.getValue(h2Options);
            String settings = given == null ? "" : given.toString();
            if (!settings.toUpperCase(java.util.Locale.ROOT).contains("DB_CLOSE_DELAY")) {
                builder.option(h2Options, settings.isEmpty() ? "DB_CLOSE_DELAY=-1" : settings + ";DB_CLOSE_DELAY=-1");
            }
        }
        return builder.build();
    }

    /** Returns the URL with any password replaced by {@code ***}. */
    static String withoutPassword(String url) {
        Matcher userInfo = USER_INFO.matcher(url);
        String masked = userInfo.replaceFirst("$1:***@");
        return PASSWORD_PARAMETER.matcher(masked).replaceAll("$1***");
    }
}
