package io.sluice.examples.web;

import io.sluice.session.StaleObjectException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebInputException;

/** Turns the resource's errors into responses with a status and a message ({@code application/problem+json}). */
@RestControllerAdvice
public class ApiErrors {

    /**
     * Answers an invalid body with 400 and its problems.
     *
     * @param error the error
     * @return the problem
     */
    @ExceptionHandler(InvalidInputException.class)
    public ProblemDetail invalid(InvalidInputException error) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, String.valueOf(error.getMessage()));
    }

    /**
     * Answers a body that is not JSON of the expected shape, or missing, with 400.
     *
     * @param error the error
     * @return the problem
     */
    @ExceptionHandler(ServerWebInputException.class)
    public ProblemDetail unreadable(ServerWebInputException error) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, String.valueOf(error.getReason()));
    }

    /**
     * Answers a request for a missing user with 404.
     *
     * @param error the error
     * @return the problem
     */
    @ExceptionHandler(UserNotFoundException.class)
    public ProblemDetail notFound(UserNotFoundException error) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, String.valueOf(error.getMessage()));
    }

    /**
     * Answers an update based on an old version, or one that lost a race with another transaction, with 409.
     *
     * @param error the error
     * @return the problem
     */
    @ExceptionHandler({VersionConflictException.class, StaleObjectException.class})
    public ProblemDetail conflict(RuntimeException error) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, String.valueOf(error.getMessage()));
    }
}
