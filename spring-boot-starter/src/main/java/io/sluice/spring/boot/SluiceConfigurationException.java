package io.sluice.spring.boot;

/**
 * Thrown at startup when the starter cannot make the engine: no URL, a URL no driver or dialect fits. Spring Boot's failure
 * analysis prints its {@link #description()} and {@link #action()}.
 */
public final class SluiceConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String description;
    private final String action;

    /**
     * Returns an exception naming what is wrong and the fix.
     *
     * @param description what is wrong
     * @param action what to do
     * @param cause the underlying failure, or {@code null}
     */
    public SluiceConfigurationException(
            String description, String action, @org.jspecify.annotations.Nullable Throwable cause) {
        super(description + ". " + action, cause);
        this.description = description;
        this.action = action;
    }

    /**
     * Returns what is wrong.
     *
     * @return the description
     */
    public String description() {
        return description;
    }

    /**
     * Returns what to do about it.
     *
     * @return the action
     */
    public String action() {
        return action;
    }
}
