package io.sluice.session.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.session.User;
import io.sluice.session.mapping.EntityModel;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

final class IdentityMapUnitTests {

    private final IdentityMap map = new IdentityMap();
    private final EntityModel<User> model = EntityModel.of(User.class);

    private List<EntityState<User>> addPending(int count) {
        List<EntityState<User>> states = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            states.add(map.addPending(new User("user" + i, "User " + i, "u" + i), model));
        }
        return states;
    }

    @Test
    void shouldKeepPendingObjectsInTheOrderAddedWhenOthersAreInserted() {
        List<EntityState<User>> states = addPending(5);

        map.inserted(states.get(3), 3);
        map.inserted(states.get(1), 1);

        assertThat(map.pending()).containsExactly(states.get(0), states.get(2), states.get(4));
        assertThat(map.keyed()).containsExactly(states.get(3), states.get(1));
        assertThat(states.get(1).status()).isEqualTo(EntityState.Status.PERSISTENT);
    }

    @Test
    void shouldForgetARemovedPendingObject() {
        List<EntityState<User>> states = addPending(3);

        map.remove(states.get(1));

        assertThat(map.pending()).containsExactly(states.get(0), states.get(2));
        assertThat(map.stateOf(states.get(1).entity())).isNull();
    }

    @Test
    void shouldMakeManyPendingObjectsPersistent() {
        List<EntityState<User>> states = addPending(20_000);

        for (int i = 0; i < states.size(); i += 2) {
            map.inserted(states.get(i), i);
        }
        for (int i = 1; i < states.size(); i += 2) {
            map.inserted(states.get(i), i);
        }

        assertThat(map.pending()).isEmpty();
        assertThat(map.keyed()).hasSize(20_000);
    }

    /** A row of User (id, name, fullname, nickname) as a query reads it. */
    private static @Nullable Object[] row(int id) {
        return new Object[] {id, "loaded" + id, "Loaded " + id, "l" + id};
    }

    @SuppressWarnings("unchecked")
    private EntityState<User> load(int id) {
        return (EntityState<User>) map.stateForRow(EntityRows.of(model), id, row(id), false);
    }

    @Test
    void shouldMakeAnObjectFromANewRowAndReturnTheListedOneForAKnownRow() {
        Object[] first = row(7);
        EntityState<?> made = map.stateForRow(EntityRows.of(model), 7, first, false);

        assertThat(made.isSnapshot(first)).isTrue();
        assertThat(made.status()).isEqualTo(EntityState.Status.PERSISTENT);
        User user = (User) made.entity();
        assertThat(user.getId()).isEqualTo(7);
        assertThat(user.getName()).isEqualTo("loaded7");
        assertThat(map.get(User.class, 7)).isSameAs(made);
        assertThat(map.stateOf(user)).isSameAs(made);

        Object[] again = row(7);
        again[1] = "changed in the database";
        EntityState<?> listed = map.stateForRow(EntityRows.of(model), 7, again, true);

        assertThat(listed).isSameAs(made);
        assertThat(listed.isSnapshot(again)).isFalse();
        assertThat(listed.isReadOnly())
                .as("a listed object keeps its own setting")
                .isFalse();
        assertThat(user.getName()).isEqualTo("loaded7");
        assertThat(map.keyed()).containsExactly(made);
    }

    @Test
    void shouldFindLoadedObjectsByObjectAndKeepKeyedOrderThroughRemovalsAndRestores() {
        List<EntityState<User>> loaded = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            loaded.add(load(i));
        }
        assertThat(map.stateOf(loaded.get(42).entity())).isSameAs(loaded.get(42));
        EntityState<User> laterState = load(100);
        User later = laterState.entity();

        List<EntityState<?>> expected = new ArrayList<>(loaded);
        for (int i = 0; i < 100; i++) {
            if (i % 3 != 1) { // two in three: the holes outnumber the states, which get squeezed together
                map.remove(loaded.get(i));
                expected.remove(loaded.get(i));
            }
        }
        expected.add(laterState);
        assertThat(map.keyed()).containsExactlyElementsOf(expected);
        assertThat(map.stateOf(loaded.get(3).entity())).isNull();
        assertThat(map.stateOf(later)).isSameAs(laterState);
        assertThat(map.get(User.class, 3)).isNull();

        map.restore(loaded.get(3), 3);
        expected.add(loaded.get(3));
        assertThat(map.keyed()).containsExactlyElementsOf(expected);
        assertThat(map.stateOf(loaded.get(3).entity())).isSameAs(loaded.get(3));
        assertThat(map.get(User.class, 3)).isSameAs(loaded.get(3));

        map.clear();
        assertThat(map.keyed()).isEmpty();
        assertThat(map.stateOf(later)).isNull();
    }

    @Test
    void shouldNeverReportAReadOnlyObjectDirty() {
        EntityState<?> loaded = map.stateForRow(EntityRows.of(model), 8, row(8), true);
        User user = (User) loaded.entity();
        user.setName("changed in memory");

        assertThat(loaded.isReadOnly()).isTrue();
        assertThat(loaded.isDirty()).isFalse();
        assertThat(loaded.changedAttributes()).isEmpty();
        assertThat(map.anyDirty()).isFalse();
        loaded.readOnly(false);
        assertThat(loaded.isDirty()).isTrue();
        assertThat(map.anyDirty()).isTrue();
    }
}
