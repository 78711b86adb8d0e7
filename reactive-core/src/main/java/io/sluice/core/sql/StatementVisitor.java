package io.sluice.core.sql;

/**
 * A visitor over the kinds of {@link Statement}.
 *
 * @param <R> the result of a visit
 */
public interface StatementVisitor<R> {

    /** Visits a select. @param select the statement @return the result */
    R visitSelect(Select select);

    /** Visits a UNION. @param select the statement @return the result */
    R visitCompoundSelect(CompoundSelect select);

    /** Visits an insert. @param insert the statement @return the result */
    R visitInsert(Insert insert);

    /** Visits an update. @param update the statement @return the result */
    R visitUpdate(Update update);

    /** Visits an update of many rows. @param update the statement @return the result */
    R visitUpdateRows(UpdateRows update);

    /** Visits a delete. @param delete the statement @return the result */
    R visitDelete(Delete delete);

    /** Visits a text statement. @param text the statement @return the result */
    R visitText(Text text);
}
