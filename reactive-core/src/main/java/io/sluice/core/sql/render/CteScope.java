package io.sluice.core.sql.render;

import io.sluice.core.sql.CommonTableExpression;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The common table expressions one statement (or, where the database wants them there, one subquery) reads, by name, in the
 * order of their dependencies: a CTE comes after those its body reads. The first pass over the statement fills it; the second
 * writes the {@code WITH} clause and then the statement again.
 */
final class CteScope {

    final Map<String, CommonTableExpression> ctes = new LinkedHashMap<>();
    private final Set<String> open = new HashSet<>();
    boolean hoisted;

    /** Returns whether the CTE has yet to be found: not listed, and not the one whose body is being read (a recursive one). */
    boolean isNew(CommonTableExpression cte) {
        if (open.contains(cte.name())) {
            return false;
        }
        CommonTableExpression known = ctes.get(cte.name());
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
        open.add(cte.name());
    }

    void found(CommonTableExpression cte) {
        open.remove(cte.name());
        ctes.put(cte.name(), cte);
    }

    boolean recursive() {
        for (CommonTableExpression cte : ctes.values()) {
            if (cte.recursive()) {
                return true;
            }
        }
        return false;
    }
}
