package io.sluice.testing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;
import net.jqwik.time.api.DateTimes;
import net.jqwik.time.api.Dates;

/** Generators of hostile values for the property tests: text that looks like SQL or breaks encodings, edge numbers, dates. */
public final class Values {

    /** The smallest and largest DECIMAL(19, 4). */
    public static final BigDecimal DECIMAL_LIMIT = new BigDecimal("999999999999999.9999");

    /** The first and last day every database stores in a DATE. */
    public static final LocalDate FIRST_DAY = LocalDate.of(1, 1, 1);

    public static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

    private Values() {}

    /**
     * Returns text made of pieces: any Unicode scalar value (every plane, no lone surrogates), quotes, backslashes, LIKE
     * wildcards, comment and parameter markers, SQL that would do harm if spliced in, control characters and the NUL character.
     */
    public static Arbitrary<String> texts(int maxPieces) {
        Arbitrary<String> anyCodePoint = Arbitraries.integers()
                .between(1, Character.MAX_CODE_POINT)
                .filter(codePoint -> codePoint < Character.MIN_SURROGATE || codePoint > Character.MAX_SURROGATE)
                .map(Character::toString);
        Arbitrary<String> ascii = Arbitraries.chars().range(' ', '~').map(String::valueOf);
        Arbitrary<String> fragments = Arbitraries.of(
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
        Arbitrary<String> piece =
                Arbitraries.frequencyOf(Tuple.of(4, ascii), Tuple.of(3, fragments), Tuple.of(3, anyCodePoint));
        return piece.list().ofMaxSize(maxPieces).map(pieces -> String.join("", pieces));
    }

    /** Returns whole numbers of DECIMAL(19, 4), scale 4, up to its limits. */
    public static Arbitrary<BigDecimal> decimals() {
        return Arbitraries.bigDecimals()
                .between(DECIMAL_LIMIT.negate(), DECIMAL_LIMIT)
                .ofScale(4);
    }

    /** Returns finite doubles of any bit pattern, with the edge values (zero and minus zero, the smallest and largest). */
    public static Arbitrary<Double> finiteDoubles() {
        Arbitrary<Double> bits =
                Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite);
        Arbitrary<Double> edges = Arbitraries.of(
                0.0,
                -0.0,
                Double.MIN_VALUE,
                -Double.MIN_VALUE,
                Double.MIN_NORMAL,
                Double.MAX_VALUE,
                -Double.MAX_VALUE,
                1.0 / 3,
                0.1,
                Math.PI);
        return Arbitraries.frequencyOf(Tuple.of(3, bits), Tuple.of(1, edges));
    }

    /** Returns days from 0001-01-01 to 9999-12-31. */
    public static Arbitrary<LocalDate> dates() {
        return Dates.dates().between(FIRST_DAY, LAST_DAY);
    }

    /** Returns date-times from 0001-01-01 to 9999-12-31, to the microsecond (the precision of the TIMESTAMP type). */
    public static Arbitrary<LocalDateTime> dateTimes() {
        return DateTimes.dateTimes()
                .between(FIRST_DAY.atStartOfDay(), LAST_DAY.atTime(23, 59, 59, 999_999_000))
                .ofPrecision(ChronoUnit.MICROS);
    }

    /** Returns instants from 0001-01-01 to 9999-12-31 UTC, to the microsecond. */
    public static Arbitrary<Instant> instants() {
        return DateTimes.instants()
                .between(
                        FIRST_DAY.atStartOfDay().toInstant(ZoneOffset.UTC),
                        LAST_DAY.atTime(23, 59, 59, 999_999_000).toInstant(ZoneOffset.UTC))
                .ofPrecision(ChronoUnit.MICROS);
    }
}
