package io.sluice.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.opentest4j.TestAbortedException;

/**
 * A seeded generator of hostile values for the round-trip tests: text that looks like SQL or breaks encodings, edge numbers,
 * dates. The same seed always gives the same values, so a failure names its seed and try and can be run again exactly; the
 * seed is {@link #SEED} unless the system property {@code sluice.values.seed} gives another (decimal or {@code 0x} hex).
 */
public final class Values {

    /** The seed of {@link #seeded()}: the system property {@code sluice.values.seed}, or a fixed default. */
    public static final long SEED = Long.getLong("sluice.values.seed", 0x5EED_51_1CEL);

    /** The smallest and largest DECIMAL(19, 4). */
    public static final BigDecimal DECIMAL_LIMIT = new BigDecimal("999999999999999.9999");

    /** The first and last day every database stores in a DATE. */
    public static final LocalDate FIRST_DAY = LocalDate.of(1, 1, 1);

    public static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

    /** The first and last moment of the supported range, to the microsecond (the precision of the TIMESTAMP type). */
    public static final LocalDateTime FIRST_MOMENT = FIRST_DAY.atStartOfDay();

    public static final LocalDateTime LAST_MOMENT = LAST_DAY.atTime(23, 59, 59, 999_999_000);

    private static final List<String> FRAGMENTS = List.of(
            "'",
            "''",
            "\"",
            "`",
            "\\",
            "\\'",
            "\\\\",
            "%",
            "_",
            "[a]",
            "--",
            "#",
            "/*",
            "*/",
            ";",
            "$1",
            "?",
            ":name",
            "::text",
            "$$",
            "$tag$",
            "' OR '1'='1",
            "'); DROP TABLE rel_values; --",
            "NULL",
            " ",
            "\t",
            "\n",
            "\r\n",
            "\u0000",
            "\u001b",
            "\u00a0",
            "\u200b",
            "\u202e",
            "\ufeff",
            "\uffff",
            "ß",
            "İ",
            "é",
            "e\u0301",
            "😀",
            "𝔘");

    private static final int[] EDGE_INTS = {0, 1, -1, 2, -2, Integer.MIN_VALUE, Integer.MIN_VALUE + 1, Integer.MAX_VALUE
    };

    private static final long[] EDGE_LONGS = {
        0L, 1L, -1L, 2L, -2L, Integer.MIN_VALUE, Integer.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1, Long.MAX_VALUE
    };

    private static final double[] EDGE_DOUBLES = {
        0.0,
        -0.0,
        Double.MIN_VALUE,
        -Double.MIN_VALUE,
        Double.MIN_NORMAL,
        Double.MAX_VALUE,
        -Double.MAX_VALUE,
        1.0 / 3,
        0.1,
        Math.PI
    };

    private static final List<BigDecimal> EDGE_DECIMALS = List.of(
            BigDecimal.ZERO.setScale(4),
            new BigDecimal("0.0001"),
            new BigDecimal("-0.0001"),
            BigDecimal.ONE.setScale(4),
            BigDecimal.ONE.negate().setScale(4),
            DECIMAL_LIMIT,
            DECIMAL_LIMIT.negate());

    private static final List<LocalDate> EDGE_DATES = List.of(
            FIRST_DAY,
            LAST_DAY,
            LocalDate.of(1970, 1, 1),
            LocalDate.of(1969, 12, 31),
            LocalDate.of(2000, 2, 29),
            LocalDate.of(1900, 3, 1),
            // a day of the proleptic Gregorian calendar that the Julian-Gregorian calendar of 1582 skips
            LocalDate.of(1582, 10, 10));

    private final long seed;
    private final SplittableRandom random;

    private Values(long seed) {
        this.seed = seed;
        this.random = new SplittableRandom(seed);
    }

    /** Returns a generator seeded with {@link #SEED}. */
    public static Values seeded() {
        return seeded(SEED);
    }

    /** Returns a generator seeded with the given seed. */
    public static Values seeded(long seed) {
        return new Values(seed);
    }

    /** Returns the seed this generator started from. */
    public long seed() {
        return seed;
    }

    /** Returns the next {@code count} values of a generator, in order. */
    public <T> List<T> samples(int count, Function<Values, T> generator) {
        List<T> samples = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            samples.add(generator.apply(this));
        }
        return samples;
    }

    /** Returns the values of a generator as an endless stream (to be limited by the caller). */
    public <T> Stream<T> stream(Function<Values, T> generator) {
        return Stream.generate(() -> generator.apply(this));
    }

    /**
     * Draws {@code tries} values of a generator, then checks each in turn. The first failing try stops the run with an
     * {@link AssertionError} naming the try, the value (strings escaped) and the seed to reproduce it, the failure as its
     * cause. A test aborted (a database unreachable) is not a failure and passes through unchanged.
     */
    public <T> void forEach(int tries, Function<Values, T> generator, Consumer<T> check) {
        List<T> samples = samples(tries, generator);
        for (int i = 0; i < samples.size(); i++) {
            T sample = samples.get(i);
            try {
                check.accept(sample);
            } catch (TestAbortedException aborted) {
                throw aborted;
            } catch (AssertionError | RuntimeException failure) {
                throw new AssertionError(
                        "try " + (i + 1) + " of " + tries + " failed for " + describe(sample) + " with seed "
                                + seedText() + " (run again with -Dsluice.values.seed=" + seedText() + "): "
                                + failure.getMessage(),
                        failure);
            }
        }
    }

    /** Returns the seed as {@code 0x} hex, as {@code -Dsluice.values.seed} takes it. */
    public String seedText() {
        return "0x" + Long.toHexString(seed);
    }

    /**
     * Returns text of up to {@code maxPieces} pieces: any Unicode scalar value (every plane, no lone surrogates), quotes,
     * backslashes, LIKE wildcards, comment and parameter markers, SQL that would do harm if spliced in, control characters and
     * the NUL character. The empty text is among them.
     */
    public String text(int maxPieces) {
        int pieces = random.nextInt(maxPieces + 1);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            int kind = random.nextInt(10);
            if (kind < 4) {
                text.append((char) random.nextInt(' ', '~' + 1));
            } else if (kind < 7) {
                text.append(FRAGMENTS.get(random.nextInt(FRAGMENTS.size())));
            } else {
                text.appendCodePoint(codePoint());
            }
        }
        return text.toString();
    }

    /** Returns a Unicode scalar value other than NUL: half of them in the Basic Multilingual Plane, half in any plane. */
    private int codePoint() {
        int limit = random.nextBoolean() ? Character.MAX_VALUE : Character.MAX_CODE_POINT;
        while (true) {
            int codePoint = random.nextInt(1, limit + 1);
            if (codePoint < Character.MIN_SURROGATE || codePoint > Character.MAX_SURROGATE) {
                return codePoint;
            }
        }
    }

    /** Returns any int: an edge value (zero, one, the extremes) one time in eight, a small one three in eight, else any. */
    public int anyInt() {
        int kind = random.nextInt(8);
        if (kind == 0) {
            return EDGE_INTS[random.nextInt(EDGE_INTS.length)];
        }
        return kind < 4 ? random.nextInt(-1000, 1001) : random.nextInt();
    }

    /** Returns any long: an edge value (zero, one, the int and long extremes) one time in eight, a small one three in eight. */
    public long anyLong() {
        int kind = random.nextInt(8);
        if (kind == 0) {
            return EDGE_LONGS[random.nextInt(EDGE_LONGS.length)];
        }
        return kind < 4 ? random.nextLong(-1000, 1001) : random.nextLong();
    }

    /**
     * Returns numbers of DECIMAL(19, 4), scale 4, up to its limits: an edge value (zero, the smallest step, the limits) one
     * time in eight, else a number of 1 to 19 random digits and either sign.
     */
    public BigDecimal decimal() {
        if (random.nextInt(8) == 0) {
            return EDGE_DECIMALS.get(random.nextInt(EDGE_DECIMALS.size()));
        }
        int digits = random.nextInt(1, 20);
        StringBuilder unscaled = new StringBuilder(digits + 1);
        if (random.nextBoolean()) {
            unscaled.append('-');
        }
        for (int i = 0; i < digits; i++) {
            unscaled.append((char) ('0' + random.nextInt(10)));
        }
        return new BigDecimal(new BigInteger(unscaled.toString()), 4);
    }

    /** Returns finite doubles of any bit pattern, three times in four, else an edge value (zero and minus zero, extremes). */
    public double finiteDouble() {
        if (random.nextInt(4) == 0) {
            return EDGE_DOUBLES[random.nextInt(EDGE_DOUBLES.length)];
        }
        while (true) {
            double value = Double.longBitsToDouble(random.nextLong());
            if (Double.isFinite(value)) {
                return value;
            }
        }
    }

    /** Returns days from 0001-01-01 to 9999-12-31, an edge day (the limits, the epoch, leap days) one time in eight. */
    public LocalDate date() {
        if (random.nextInt(8) == 0) {
            return EDGE_DATES.get(random.nextInt(EDGE_DATES.size()));
        }
        return LocalDate.ofEpochDay(random.nextLong(FIRST_DAY.toEpochDay(), LAST_DAY.toEpochDay() + 1));
    }

    /**
     * Returns date-times from 0001-01-01 to 9999-12-31, to the microsecond (the precision of the TIMESTAMP type): an edge day at
     * midnight or the last microsecond one time in eight, else any microsecond.
     */
    public LocalDateTime dateTime() {
        return LocalDateTime.ofInstant(instant(), ZoneOffset.UTC);
    }

    /** Returns instants from 0001-01-01 to 9999-12-31 UTC, to the microsecond, with edge values as {@link #dateTime()}. */
    public Instant instant() {
        if (random.nextInt(8) == 0) {
            LocalDate day = EDGE_DATES.get(random.nextInt(EDGE_DATES.size()));
            LocalDateTime moment = random.nextBoolean() ? day.atStartOfDay() : day.atTime(LAST_MOMENT.toLocalTime());
            return moment.toInstant(ZoneOffset.UTC);
        }
        long second = random.nextLong(
                FIRST_MOMENT.toEpochSecond(ZoneOffset.UTC), LAST_MOMENT.toEpochSecond(ZoneOffset.UTC) + 1);
        return Instant.ofEpochSecond(second, random.nextInt(1_000_000) * 1_000L);
    }

    /**
     * Returns a value as a failure reports it: strings quoted with every character outside printable ASCII escaped as
     * {@code \}{@code uXXXX}, lists and records element by element.
     */
    public static String describe(Object value) {
        if (value instanceof String text) {
            StringBuilder escaped = new StringBuilder("\"");
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c >= ' ' && c <= '~' && c != '"' && c != '\\') {
                    escaped.append(c);
                } else {
                    escaped.append(String.format("\\u%04x", (int) c));
                }
            }
            return escaped.append('"').toString();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Values::describe).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof Record record) {
            List<String> components = new ArrayList<>();
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                try {
                    component.getAccessor().setAccessible(true);
                    components.add(component.getName() + "="
                            + describe(component.getAccessor().invoke(record)));
                } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
                    components.add(component.getName() + "=?");
                }
            }
            return record.getClass().getSimpleName() + components.stream().collect(Collectors.joining(", ", "(", ")"));
        }
        return String.valueOf(value);
    }
}
