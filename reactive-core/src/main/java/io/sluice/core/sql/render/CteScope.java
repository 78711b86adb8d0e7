package io.sluice.core.sql.render;

import io.sluice.core.sql.CommonTableExpression;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The common table expressions one statement (or, where the database wants them there, one subquery) reads, by name, in the
 * order of their dependencies: a CTE comes after those its body reads. The first pass over the statement fills it; the second
 * writes the {@code WITH} clause and then the statement again. Nothing is allocated until a CTE is found, since most
 * statements have none.
 */
final class CteScope {

    private @Nullable Map<String, CommonTableExpression> ctes;
    private @Nullable List<String> open;
    boolean hoisted;

    /** Returns whether the CTE has yet to be found: not listed, and not the one whose body is being read (a recursive one). */
    boolean isNew(CommonTableExpression cte) {
        if (open != null && open.contains(cte.name())) {
            return false;
        }
        CommonTableExpression known = ctes == null ? null : ctes.get(cte.name());
        if (known == null) {
            return true;
        }
        if (!known.equals(cte)) {
            throw new IllegalArgumentException("two different common table expressions are named " + cte.name()
                    + " in one statement; give one of them another name");
        }
        return false;
    }

    void open(CommonTableExpression cte) {
        if (open == null) {
            open = new ArrayList<>(2);
        }
        open.add(cte.name());
    }

    void found(CommonTableExpression cte) {
        if (open != null) {
            open.remove(cte.name());
        }
        if (ctes == null) {
            ctes = new LinkedHashMap<>();
        }
        ctes.put(cte.name(), cte);
    }

    boolean isEmpty() {
        return ctes == null;
    }

    Collection<CommonTableExpression> ctes() {
        return ctes == null ? List.of() : ctes.values();
    }

    boolean recursive() {
        for (CommonTableExpression cte : ctes()) {
            if (cte.recursive()) {
                return true;
            }
        }
        return false;
    }
}
