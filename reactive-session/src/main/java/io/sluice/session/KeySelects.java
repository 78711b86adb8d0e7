package io.sluice.session;

import io.sluice.core.dialect.Dialect;
import io.sluice.core.sql.Expression;
import io.sluice.core.sql.SQL;
import io.sluice.core.sql.Select;
import io.sluice.core.sql.render.BindValue;
import io.sluice.core.sql.render.RenderedSql;
import io.sluice.core.sql.render.SqlRenderer;
import io.sluice.session.mapping.Attribute;
import io.sluice.session.mapping.EntityModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code SELECT} of one object by its key, as {@link Session#get} sends it: written once per mapped class for a session
 * factory (its engine's dialect) and bound to each key, instead of a query built and rendered on every call. The text is
 * what the renderer writes for {@code query(type).filter(key = ?)}.
 */
final class KeySelects {

    private final Dialect dialect;
    private final ConcurrentHashMap<EntityModel<?>, String> texts = new ConcurrentHashMap<>();

    KeySelects(Dialect dialect) {
        this.dialect = dialect;
    }

    /**
     * Returns the statement that selects the row of a key.
     *
     * @param model the class's mapping
     * @param key the key value, of the key field's class (a list in key order for a composite key)
     * @return the statement with the key's parts bound
     */
    RenderedSql select(EntityModel<?> model, Object key) {
        List<? extends Attribute<?, ?>> ids = model.ids();
        String text = texts.get(model);
        if (text == null) {
            Select select = SQL.select(model.attributes().toArray(new Expression<?>[0]))
                    .where(DefaultSession.keyCondition(model, key));
            if (model.isJoined()) {
                select = select.from(model.from());
            }
            Expression<Boolean> subclass = QueryItem.discriminatorFilter(model, model.table());
            if (subclass != null) {
                select = select.where(subclass);
            }
            text = SqlRenderer.render(select, dialect).sql();
            texts.putIfAbsent(model, text);
        }
        List<?> parts = ids.size() == 1 ? List.of(key) : (List<?>) key;
        List<BindValue> binds = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            binds.add(BindValue.of(parts.get(i), ids.get(i).type(), dialect));
        }
        Attribute<?, ?> discriminator = model.discriminator();
        if (discriminator != null && model.isSubclass()) {
            for (String value : model.discriminatorValues()) {
                binds.add(BindValue.of(value, discriminator.type(), dialect));
            }
        }
        return new RenderedSql(text, binds, List.of());
    }
}
