package io.sluice.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes {@code RESULTS.md} from the JMH CSV results of one run per database ({@code results/H2.csv}, ...): per database a table
 * of time per row for every arm with JMH's 99.9 % error, the ratios Sluice / raw R2DBC and Sluice / each peer, allocation per
 * row, and the targets met or missed; then the machine notes of each run and the hand-written findings
 * ({@code results-notes.md}).
 *
 * <p>Usage: {@code Report <results dir> <notes file> <output file>}.
 */
public final class Report {

    /** One measured benchmark: score and error in its unit, and its allocation per operation. */
    private record Measure(double score, double error, String unit, double bytes) {}

    /**
     * Sluice's arm and its raw arm measured by {@link Interleaved}: the median of the rounds' ratios and its quartiles.
     *
     * @param limit the raw arm's benchmark
     * @param ratio the median Sluice / raw ratio
     * @param lower the first quartile of the ratios
     * @param upper the third quartile of the ratios
     */
    private record Paired(String limit, double ratio, double lower, double upper) {

        String cell() {
            return String.format(Locale.ROOT, "%.2f× (%.2f–%.2f)", ratio, lower, upper);
        }
    }

    /**
     * One row of a table: a scenario at one N and the benchmarks of its arms (null where an arm does not exist).
     *
     * @param scenario the scenario's name
     * @param rawLabel what the raw arm is
     * @param raw the raw arm (the limit: same SQL and statements as Sluice)
     * @param otherLabel what the second raw arm is, if any
     * @param other the second raw arm, if any
     * @param sluice Sluice's arm
     * @param spring Spring Data R2DBC's arm, if any
     * @param jooq jOOQ's arm, if any
     * @param hibernate Hibernate Reactive's arm (its own module and JMH run, PostgreSQL only), if any
     * @param readTarget whether the read target applies
     * @param fasterRaw whether Sluice is compared with the faster of the two raw arms (inserts, updates)
     */
    private record Row(
            String scenario,
            String rawLabel,
            String raw,
            @Nullable String otherLabel,
            @Nullable String other,
            String sluice,
            @Nullable String spring,
            @Nullable String jooq,
            @Nullable String hibernate,
            boolean readTarget,
            boolean fasterRaw) {}

    private static final List<Row> ROWS = List.of(
            new Row(
                    "1 insert (unit of work)",
                    "raw add()",
                    "InsertBenchmark.rawAdd",
                    "raw VALUES",
                    "InsertBenchmark.rawValues",
                    "InsertBenchmark.sluice",
                    "InsertBenchmark.spring",
                    "InsertBenchmark.jooq",
                    "HrInsertBenchmark.insert",
                    false,
                    true),
            new Row(
                    "2 update loaded",
                    "raw add()",
                    "UpdateBenchmark.raw",
                    "raw rows",
                    "UpdateBenchmark.rawRows",
                    "UpdateBenchmark.sluice",
                    "UpdateBenchmark.spring",
                    "UpdateBenchmark.jooq",
                    "HrUpdateBenchmark.update",
                    false,
                    true),
            new Row(
                    "3 query → entities",
                    "raw",
                    "QueryBenchmark.rawEntities",
                    null,
                    null,
                    "QueryBenchmark.sluiceEntities",
                    "QueryBenchmark.springEntities",
                    "QueryBenchmark.jooqEntities",
                    "HrQueryBenchmark.entities",
                    true,
                    false),
            new Row(
                    "3 query → entities, read-only",
                    "raw",
                    "QueryBenchmark.rawEntities",
                    null,
                    null,
                    "QueryBenchmark.sluiceEntitiesReadOnly",
                    "QueryBenchmark.springEntities",
                    "QueryBenchmark.jooqEntities",
                    "HrQueryBenchmark.entitiesReadOnly",
                    false,
                    false),
            new Row(
                    "3 query → tuples",
                    "raw",
                    "QueryBenchmark.rawTuples",
                    null,
                    null,
                    "QueryBenchmark.sluiceTuples",
                    "QueryBenchmark.springTuples",
                    "QueryBenchmark.jooqTuples",
                    "HrQueryBenchmark.tuples",
                    true,
                    false),
            new Row(
                    "4 get by key",
                    "raw",
                    "GetBenchmark.raw",
                    null,
                    null,
                    "GetBenchmark.sluice",
                    "GetBenchmark.spring",
                    "GetBenchmark.jooq",
                    "HrGetBenchmark.get",
                    false,
                    false),
            new Row(
                    "5 lazy (coalesced)",
                    "raw IN",
                    "RelationsBenchmark.rawSelectin",
                    "raw N+1",
                    "RelationsBenchmark.rawNPlusOne",
                    "RelationsBenchmark.sluiceLazy",
                    null,
                    null,
                    "HrRelationsBenchmark.lazy",
                    false,
                    false),
            new Row(
                    "5 selectinLoad",
                    "raw IN",
                    "RelationsBenchmark.rawSelectin",
                    null,
                    null,
                    "RelationsBenchmark.sluiceSelectin",
                    null,
                    null,
                    null,
                    false,
                    false),
            new Row(
                    "5 joinedLoad",
                    "raw JOIN",
                    "RelationsBenchmark.rawJoined",
                    null,
                    null,
                    "RelationsBenchmark.sluiceJoined",
                    null,
                    null,
                    "HrRelationsBenchmark.joined",
                    false,
                    false),
            new Row(
                    "6 stream 1 M rows",
                    "raw",
                    "StreamBenchmark.raw",
                    null,
                    null,
                    "StreamBenchmark.sluice",
                    "StreamBenchmark.spring",
                    "StreamBenchmark.jooq",
                    null,
                    true,
                    false),
            new Row(
                    "7 typed columns: query",
                    "raw",
                    "TypedQueryBenchmark.raw",
                    null,
                    null,
                    "TypedQueryBenchmark.sluice",
                    null,
                    null,
                    null,
                    false,
                    false),
            new Row(
                    "7 typed columns: query, read-only",
                    "raw",
                    "TypedQueryBenchmark.raw",
                    null,
                    null,
                    "TypedQueryBenchmark.sluiceReadOnly",
                    null,
                    null,
                    null,
                    false,
                    false),
            new Row(
                    "7 typed columns: insert",
                    "raw VALUES",
                    "TypedInsertBenchmark.raw",
                    null,
                    null,
                    "TypedInsertBenchmark.sluice",
                    null,
                    null,
                    null,
                    false,
                    false));

    /**
     * The plain scenario each typed-columns scenario is held to: its interleaved ratio may exceed the plain one's by 0.1 at
     * most (converted, embedded and JSON columns must cost Sluice little more than they cost hand-written R2DBC).
     */
    private static final Map<String, String> PLAIN = Map.of(
            "TypedQueryBenchmark.sluice", "QueryBenchmark.sluiceEntities",
            "TypedQueryBenchmark.sluiceReadOnly", "QueryBenchmark.sluiceEntitiesReadOnly",
            "TypedInsertBenchmark.sluice", "InsertBenchmark.sluice");

    private Report() {}

    /**
     * Writes the report.
     *
     * @param args the results directory, the notes file and the output file
     * @throws IOException if a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        Path results = Path.of(args.length > 0 ? args[0] : "results");
        Path notes = Path.of(args.length > 1 ? args[1] : "results-notes.md");
        Path output = Path.of(args.length > 2 ? args[2] : "RESULTS.md");
        StringBuilder md = new StringBuilder();
        md.append("# Sluice benchmark results\n\n")
                .append(
                        "Written by `benchmarks/run.sh` from JMH's results (do not edit the tables by hand; the findings at the end\n")
                .append(
                        "come from `benchmarks/results-notes.md`). Times are **µs per row** (per call for *get by key*), the mean of\n")
                .append(
                        "the measured iterations with JMH's 99.9 % error; B/row is `gc.alloc.rate.norm` per row. \"Sluice / raw\"\n")
                .append(
                        "compares JMH's means (each arm in forks of its own); \"interleaved\" is the median ratio of the two arms\n")
                .append(
                        "taking turns in one JVM (`Interleaved`), on which the targets are judged. The raw arm is plain R2DBC on\n")
                .append(
                        "the same pool sending the same SQL and statements as Sluice (checked by `StatementCountIntegrationTests`\n")
                .append(
                        "before any timing); `n/a` = the peer cannot do the scenario. The measurements are in `results/`.\n\n");
        for (BenchDatabase database : BenchDatabase.values()) {
            Path csv = results.resolve(database.name() + ".csv");
            if (!Files.exists(csv)) {
                md.append("## ").append(database).append("\n\nNot run.\n\n");
                continue;
            }
            Map<String, Measure> measures = read(csv);
            for (String part : new String[] {"-stream", "-hibernate"}) {
                Path more = results.resolve(database.name() + part + ".csv");
                if (Files.exists(more)) {
                    measures.putAll(read(more));
                }
            }
            Path interleaved = results.resolve(database.name() + "-interleaved.csv");
            table(md, database, measures, Files.exists(interleaved) ? readPaired(interleaved) : Map.of());
            Path machine = results.resolve(database.name() + ".txt");
            if (Files.exists(machine)) {
                md.append("Run:\n\n```\n")
                        .append(Files.readString(machine, StandardCharsets.UTF_8)
                                .strip())
                        .append("\n```\n\n");
            }
        }
        if (Files.exists(notes)) {
            md.append(Files.readString(notes, StandardCharsets.UTF_8).strip()).append('\n');
        }
        Files.writeString(output, md.toString(), StandardCharsets.UTF_8);
    }

    /** Reads a JMH CSV file into measures keyed by "Class.method" and "n" ("" for none). */
    private static Map<String, Measure> read(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        List<String> header = split(lines.get(0));
        int nColumn = header.indexOf("Param: n");
        Map<String, double[]> primary = new HashMap<>();
        Map<String, String> units = new HashMap<>();
        Map<String, Double> bytes = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = split(line);
            String benchmark = shortName(cells.get(0));
            String n = nColumn >= 0 && nColumn < cells.size() ? cells.get(nColumn) : "";
            double score = number(cells.get(4));
            double error = number(cells.get(5));
            int colon = benchmark.indexOf(':');
            if (colon < 0) {
                primary.put(benchmark + "@" + n, new double[] {score, error});
                units.put(benchmark + "@" + n, cells.get(6));
            } else if (benchmark.endsWith(":gc.alloc.rate.norm")) {
                bytes.put(benchmark.substring(0, colon) + "@" + n, score);
            }
        }
        Map<String, Measure> measures = new HashMap<>();
        primary.forEach((key, value) -> measures.put(
                key, new Measure(value[0], value[1], units.get(key), bytes.getOrDefault(key, Double.NaN))));
        return measures;
    }

    /** Reads {@link Interleaved}'s CSV file into outcomes keyed by Sluice's "Class.method" and "n". */
    private static Map<String, Paired> readPaired(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        Map<String, Paired> paired = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = split(line);
            paired.put(
                    cells.get(0) + "@" + cells.get(2),
                    new Paired(cells.get(1), number(cells.get(6)), number(cells.get(7)), number(cells.get(8))));
        }
        return paired;
    }

    /** Returns "Class.method[:metric]" of a fully qualified JMH benchmark name. */
    private static String shortName(String benchmark) {
        int colon = benchmark.indexOf(':');
        String name = colon < 0 ? benchmark : benchmark.substring(0, colon);
        int method = name.lastIndexOf('.');
        int type = name.lastIndexOf('.', method - 1);
        return benchmark.substring(type + 1);
    }

    private static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    private static double number(String cell) {
        try {
            return Double.parseDouble(cell.replace(',', '.'));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static void table(
            StringBuilder md, BenchDatabase database, Map<String, Measure> measures, Map<String, Paired> interleaved) {
        boolean hibernate = measures.keySet().stream().anyMatch(key -> key.startsWith("Hr"));
        StringBuilder times = new StringBuilder()
                .append(
                        "| scenario | N | raw R2DBC | Sluice | Spring Data R2DBC | jOOQ | Hibernate Reactive † | Sluice / raw"
                                + " | Sluice / raw, interleaved ‡ | Sluice / Spring | Sluice / jOOQ | Sluice / HR † |\n")
                .append("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
        StringBuilder allocation = new StringBuilder()
                .append("| scenario | N | raw R2DBC | Sluice | Spring Data R2DBC | jOOQ | Hibernate Reactive † |\n")
                .append("|---|--:|--:|--:|--:|--:|--:|\n");
        List<String> targets = new ArrayList<>();
        for (Row row : ROWS) {
            for (String n : new String[] {"1", "100", "10000", ""}) {
                Measure sluice = measures.get(row.sluice() + "@" + n);
                if (sluice == null) {
                    continue;
                }
                double rows = rowsPerOp(row, n);
                Measure raw = measures.get(row.raw() + "@" + n);
                Measure other = row.other() == null ? null : measures.get(row.other() + "@" + n);
                Measure spring = row.spring() == null ? null : measures.get(row.spring() + "@" + n);
                Measure jooq = row.jooq() == null ? null : measures.get(row.jooq() + "@" + n);
                Measure hr = row.hibernate() == null ? null : measures.get(row.hibernate() + "@" + n);
                // Interleaved gives get by key N = 1; its JMH benchmark has no N.
                Paired paired = interleaved.get(row.sluice() + "@" + (n.isEmpty() ? "1" : n));
                String hrCell = database != BenchDatabase.POSTGRESQL || row.hibernate() == null
                        ? "n/a"
                        : hibernate ? "–" : "not run";
                Measure limit = raw;
                String limitLabel = row.rawLabel();
                if (row.fasterRaw() && other != null && (limit == null || other.score() < limit.score())) {
                    limit = other;
                    limitLabel = row.otherLabel();
                }
                String label = row.scenario() + " | " + (n.isEmpty() ? (rows == 1 ? "1" : "1 000 000") : n);
                String rawTime = row.rawLabel() + " " + time(raw, rows)
                        + (other == null ? "" : "<br>" + row.otherLabel() + " " + time(other, rows));
                String rawRatio = ratio(sluice, limit)
                        + (row.fasterRaw() && limit != null ? " (" + limitLabel + ")" : "")
                        + (other != null && !row.fasterRaw()
                                ? "<br>" + ratio(sluice, other) + " (" + row.otherLabel() + ")"
                                : "");
                times.append("| ")
                        .append(label)
                        .append(" | ")
                        .append(rawTime)
                        .append(" | **")
                        .append(time(sluice, rows))
                        .append("**")
                        .append(" | ")
                        .append(row.spring() == null ? "n/a" : time(spring, rows))
                        .append(" | ")
                        .append(row.jooq() == null ? "n/a" : time(jooq, rows))
                        .append(" | ")
                        .append(hr == null ? hrCell : time(hr, rows))
                        .append(" | ")
                        .append(rawRatio)
                        .append(" | ")
                        .append(paired == null ? "–" : paired.cell() + limitName(row, paired))
                        .append(" | ")
                        .append(row.spring() == null ? "n/a" : ratio(sluice, spring))
                        .append(" | ")
                        .append(row.jooq() == null ? "n/a" : ratio(sluice, jooq))
                        .append(" | ")
                        .append(hr == null ? hrCell : ratio(sluice, hr))
                        .append(" |\n");
                allocation
                        .append("| ")
                        .append(label)
                        .append(" | ")
                        .append(bytes(raw, rows))
                        .append(other == null ? "" : "<br>" + row.otherLabel() + " " + bytes(other, rows))
                        .append(" | ")
                        .append(bytes(sluice, rows))
                        .append(" | ")
                        .append(row.spring() == null ? "n/a" : bytes(spring, rows))
                        .append(" | ")
                        .append(row.jooq() == null ? "n/a" : bytes(jooq, rows))
                        .append(" | ")
                        .append(hr == null ? hrCell : bytes(hr, rows))
                        .append(" |\n");
                checkTargets(targets, database, row, n, rows, sluice, limit, paired, spring, jooq, hr);
                String plain = PLAIN.get(row.sluice());
                Paired plainPaired = plain == null ? null : interleaved.get(plain + "@" + n);
                if (paired != null && plainPaired != null) {
                    targets.add(verdict(paired.ratio() <= plainPaired.ratio() + 0.1) + row.scenario() + ", N = " + n
                            + ": Sluice / raw " + paired.cell() + " interleaved against the plain entity's "
                            + plainPaired.cell() + " (target ≤ plain + 0.1)");
                }
            }
        }
        md.append("## ")
                .append(database)
                .append("\n\nTime per row, µs (± JMH's 99.9 % error):\n\n")
                .append(times);
        if (database == BenchDatabase.POSTGRESQL) {
            md.append(
                    "\n† Hibernate Reactive runs in its own module and JMH run (Vert.x client, its own pool of 4), right after this one"
                            + " on the same machine and database: its ratios are across runs, not within one.\n");
        }
        md.append(
                "\n‡ The median of the Sluice / raw ratios of alternating slices in one JVM (`Interleaved`, run after JMH on the same"
                        + " machine), with the first and third quartiles in parentheses; the targets are judged on it where it exists.\n");
        md.append("\nAllocation per row, bytes (`gc.alloc.rate.norm` / N):\n\n").append(allocation);
        md.append("\nTargets (same run):\n\n");
        targets.forEach(line -> md.append("- ").append(line).append('\n'));
        md.append('\n');
    }

    private static void checkTargets(
            List<String> targets,
            BenchDatabase database,
            Row row,
            String n,
            double rows,
            Measure sluice,
            @Nullable Measure limit,
            @Nullable Paired paired,
            @Nullable Measure spring,
            @Nullable Measure jooq,
            @Nullable Measure hibernate) {
        String where = row.scenario() + (n.isEmpty() ? "" : ", N = " + n);
        boolean stream = row.scenario().startsWith("6");
        boolean insert = row.scenario().startsWith("1");
        if (limit != null && stream) {
            targets.add(verdict(sluice.score() / limit.score() <= 1.10) + where + ": Sluice / raw "
                    + ratio(sluice, limit) + " per row (target ≤ 1.1×)");
        }
        if (limit != null && row.scenario().equals("5 selectinLoad") && rows >= 100) {
            targets.add(verdict(judged(sluice, limit, paired) <= 1.3) + where + ": Sluice / raw IN "
                    + ratios(sluice, limit, paired) + " (target ≤ 1.3×)");
        }
        if (spring != null && insert && n.equals("10000") && database != BenchDatabase.H2) {
            double faster = spring.score() / sluice.score();
            targets.add(
                    verdict(faster >= 10) + where + ": Sluice " + String.format(java.util.Locale.ROOT, "%.1f", faster)
                            + "× faster than Spring Data R2DBC (target ≥ 10×)");
        }
        if (limit != null && !stream && row.readTarget() && rows >= 100 && database != BenchDatabase.MARIADB) {
            double bound = database == BenchDatabase.POSTGRESQL ? 1.10 : 1.5;
            targets.add(verdict(judged(sluice, limit, paired) <= bound) + where + ": Sluice / raw "
                    + ratios(sluice, limit, paired) + " (target ≤ " + bound + "×)");
        }
        if (limit != null && insert && rows >= 100) {
            targets.add(verdict(judged(sluice, limit, paired) <= 1.2) + where + ": Sluice / faster raw arm "
                    + ratios(sluice, limit, paired) + " (target ≤ 1.2×)");
        }
        for (Measure peer : new Measure[] {spring, jooq, hibernate}) {
            if (peer != null && sluice.score() > peer.score()) {
                targets.add("**missed** " + where + ": Sluice slower than "
                        + (peer == spring ? "Spring Data R2DBC" : peer == jooq ? "jOOQ" : "Hibernate Reactive †") + " ("
                        + ratio(sluice, peer) + ")");
            }
        }
    }

    /** Returns the ratio a target is judged on: the interleaved median where measured, else the ratio of JMH's means. */
    private static double judged(Measure sluice, Measure limit, @Nullable Paired paired) {
        return paired != null ? paired.ratio() : sluice.score() / limit.score();
    }

    /** Returns the ratios of a target line: the interleaved one first where measured, then JMH's. */
    private static String ratios(Measure sluice, Measure limit, @Nullable Paired paired) {
        if (paired == null) {
            return ratio(sluice, limit);
        }
        return paired.cell() + " interleaved, " + ratio(sluice, limit) + " in JMH's separate forks";
    }

    /** Names the raw arm of an interleaved ratio where the row has two raw arms. */
    private static String limitName(Row row, Paired paired) {
        if (row.other() == null) {
            return "";
        }
        return paired.limit().equals(row.other()) ? ", " + row.otherLabel() : ", " + row.rawLabel();
    }

    private static String verdict(boolean met) {
        return met ? "met: " : "**missed**: ";
    }

    private static double rowsPerOp(Row row, String n) {
        if (row.scenario().startsWith("6")) {
            return Fixture.ITEMS;
        }
        return n.isEmpty() ? 1 : Double.parseDouble(n);
    }

    /** Returns the time per row in µs with its error. */
    private static String time(@Nullable Measure measure, double rows) {
        if (measure == null) {
            return "–";
        }
        double factor = switch (measure.unit()) {
                    case "ms/op" -> 1_000;
                    case "s/op" -> 1_000_000;
                    case "ns/op" -> 0.001;
                    default -> 1;
                }
                / rows;
        return format(measure.score() * factor)
                + (Double.isNaN(measure.error()) ? "" : " ± " + format(measure.error() * factor));
    }

    private static String ratio(Measure sluice, @Nullable Measure other) {
        if (other == null) {
            return "–";
        }
        return String.format(Locale.ROOT, "%.2f×", sluice.score() / other.score());
    }

    private static String bytes(@Nullable Measure measure, double rows) {
        if (measure == null || Double.isNaN(measure.bytes())) {
            return "–";
        }
        return String.format(Locale.ROOT, "%,.0f", measure.bytes() / rows);
    }

    private static String format(double value) {
        if (value >= 100) {
            return String.format(Locale.ROOT, "%.0f", value);
        } else if (value >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        } else if (value >= 1) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
