package io.sluice.testing;

import io.sluice.core.Engine;
import io.sluice.core.sql.SQL;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Java functions for H2 to call from SQL, to see on which thread H2 runs a statement and to make a statement wait: {@link
 * #register(Engine)} creates {@code SLUICE_THREAD()}, {@code SLUICE_SLEEP(ms)} and {@code SLUICE_AWAIT()}.
 */
public final class H2Functions {

    private static volatile CountDownLatch gate = new CountDownLatch(0);

    private H2Functions() {}

    /** Creates the functions in the engine's H2 database. */
    public static void register(Engine engine) {
        for (String function : new String[] {
            "SLUICE_THREAD FOR \"io.sluice.testing.H2Functions.threadName\"",
            "SLUICE_SLEEP FOR \"io.sluice.testing.H2Functions.sleep\"",
            "SLUICE_AWAIT FOR \"io.sluice.testing.H2Functions.awaitGate\""
        }) {
            engine.execute(SQL.text("CREATE ALIAS IF NOT EXISTS " + function)).block(Duration.ofSeconds(10));
        }
    }

    /** Closes the gate {@code SLUICE_AWAIT()} waits at. */
    public static void closeGate() {
        gate = new CountDownLatch(1);
    }

    /** Opens the gate. */
    public static void openGate() {
        gate.countDown();
    }

    /** {@code SLUICE_THREAD()}: the name of the thread H2 runs the statement on. */
    public static String threadName() {
        return Thread.currentThread().getName();
    }

    /** {@code SLUICE_SLEEP(ms)}: sleeps, a blocking call BlockHound catches on a non-blocking thread. */
    public static int sleep(int millis) throws InterruptedException {
        Thread.sleep(millis);
        return millis;
    }

    /** {@code SLUICE_AWAIT()}: waits up to 10 seconds for the gate to open; whether it opened. */
    public static boolean awaitGate() throws InterruptedException {
        return gate.await(10, TimeUnit.SECONDS);
    }
}
