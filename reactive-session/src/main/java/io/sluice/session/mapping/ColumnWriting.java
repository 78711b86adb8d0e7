package io.sluice.session.mapping;

import io.sluice.core.sql.SqlType;
import io.sluice.core.sql.Table;
import java.lang.reflect.Field;
import org.jspecify.annotations.Nullable;

/**
 * How the flush writes a field's column, read from {@link DatabaseGenerated}, {@link Formula} and {@link MappedColumn}'s
 * {@code insertable}, {@code updatable} and {@code serverDefault}, and checked when the class is mapped.
 */
final class ColumnWriting {

    final boolean insertable;
    final boolean updatable;
    final DatabaseGenerated.@Nullable Event databaseGenerated;
    final @Nullable String formula;
    final @Nullable String serverDefault;
    final @Nullable String computedAs;
    final SqlType<?> type;

    private ColumnWriting(
            boolean insertable,
            boolean updatable,
            DatabaseGenerated.@Nullable Event databaseGenerated,
            @Nullable String formula,
            @Nullable String serverDefault,
            @Nullable String computedAs,
            SqlType<?> type) {
        this.insertable = insertable;
        this.updatable = updatable;
        this.databaseGenerated = databaseGenerated;
        this.formula = formula;
        this.serverDefault = serverDefault;
        this.computedAs = computedAs;
        this.type = type;
    }

    /**
     * Reads and checks a field's writing.
     *
     * @throws MappingException naming the field and the fix for a combination that cannot work
     */
    static ColumnWriting of(
            String where,
            Field field,
            @Nullable MappedColumn column,
            SqlType<?> type,
            boolean id,
            boolean version,
            boolean generatedKey,
            boolean embedded,
            boolean subclass) {
        DatabaseGenerated generated = field.getAnnotation(DatabaseGenerated.class);
        Formula formula = field.getAnnotation(Formula.class);
        boolean insertable = column == null || column.insertable();
        boolean updatable = column == null || column.updatable();
        String serverDefault = column == null || column.serverDefault().isBlank() ? null : column.serverDefault();
        if (formula != null) {
            if (id || version || generatedKey || generated != null) {
                throw new MappingException(where + " is a @Formula and also "
                        + (id ? "an @Id" : version ? "a @Version" : generatedKey ? "@Generated" : "@DatabaseGenerated")
                        + ": a formula is a read-only expression, not a column; map the key, version or generated column"
                        + " to a field of its own");
            }
            if (formula.value().isBlank()) {
                throw new MappingException(where + " has an empty @Formula: give the SQL expression, as in"
                        + " @Formula(\"price * quantity\")");
            }
            if (embedded || subclass) {
                throw new MappingException(where + " is a @Formula inside "
                        + (embedded ? "an embedded value" : "a" + " subclass of a single-table hierarchy")
                        + ": declare formulas on the entity (or the hierarchy's"
                        + " root) itself");
            }
            if (column != null) {
                throw new MappingException(where + " is a @Formula with @MappedColumn: a formula has no column to"
                        + " describe; remove @MappedColumn");
            }
            return new ColumnWriting(false, false, null, formula.value(), null, null, type);
        }
        if (generated == null) {
            if ((id || version) && (!insertable || !updatable)) {
                throw new MappingException(where + " is " + (id ? "an @Id" : "a @Version") + " with @MappedColumn("
                        + (!insertable ? "insertable" : "updatable") + " = false): the flush writes keys and versions;"
                        + " remove the setting (a key the database makes is @Generated)");
            }
            return new ColumnWriting(insertable, updatable, null, null, serverDefault, null, type);
        }
        if (id || generatedKey) {
            throw new MappingException(where + " is @DatabaseGenerated and an @Id: a key the database makes is"
                    + " @Generated (an identity column); remove @DatabaseGenerated");
        }
        if (version) {
            throw new MappingException(where + " is @DatabaseGenerated and a @Version: Sluice counts versions itself"
                    + " to detect concurrent changes; remove one of them (a column a trigger bumps is"
                    + " @DatabaseGenerated(on = INSERT_AND_UPDATE) without @Version)");
        }
        if (embedded || subclass) {
            throw new MappingException(where + " is @DatabaseGenerated inside "
                    + (embedded ? "an embedded value" : "a" + " subclass of a single-table hierarchy")
                    + ": declare database-generated columns on the entity (or"
                    + " the hierarchy's root) itself");
        }
        String computedAs = generated.computedAs().isBlank() ? null : generated.computedAs();
        if (computedAs != null && generated.on() != DatabaseGenerated.Event.INSERT_AND_UPDATE) {
            throw new MappingException(where + " is computed as (" + computedAs + ") but generated on INSERT only: a"
                    + " computed column changes with the columns it reads; use @DatabaseGenerated(on ="
                    + " INSERT_AND_UPDATE, computedAs = ...)");
        }
        if (computedAs != null && serverDefault != null) {
            throw new MappingException(where + " has both a server default and computedAs: a computed column has no"
                    + " default; remove @MappedColumn(serverDefault = ...)");
        }
        boolean onUpdate = generated.on() == DatabaseGenerated.Event.INSERT_AND_UPDATE;
        return new ColumnWriting(false, updatable && !onUpdate, generated.on(), null, serverDefault, computedAs, type);
    }

    /** Gives the column its DDL default or computed expression. */
    void applyTo(Table.Builder table) {
        if (serverDefault != null) {
            table.defaultExpression(serverDefault);
        }
        if (computedAs != null) {
            table.generatedAs(computedAs);
        }
    }

    /** Records the writing in a field's spec. */
    void applyTo(EntityModelBuilder.FieldSpec spec) {
        spec.insertable = insertable;
        spec.updatable = updatable;
        spec.databaseGenerated = databaseGenerated;
        spec.formula = formula;
        spec.formulaType = type;
    }
}
