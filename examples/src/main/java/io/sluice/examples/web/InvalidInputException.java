package io.sluice.examples.web;

import java.util.List;

/** A request body that breaks the resource's rules; answered with 400 and the problems. */
public final class InvalidInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param problems what is wrong, one message per problem
     */
    public InvalidInputException(List<String> problems) {
        super(String.join("; ", problems));
    }
}
