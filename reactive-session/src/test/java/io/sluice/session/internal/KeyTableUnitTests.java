package io.sluice.session.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.session.Address;
import io.sluice.session.User;
import io.sluice.session.mapping.EntityModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

final class KeyTableUnitTests {

    private final EntityModel<User> users = EntityModel.of(User.class);
    private final EntityModel<Address> addresses = EntityModel.of(Address.class);

    private EntityState<User> user(Object id) {
        EntityState<User> state = new EntityState<>(new User("u", "U", "u"), users, EntityState.Status.PERSISTENT);
        state.id(id);
        return state;
    }

    private EntityState<Address> address(Object id) {
        EntityState<Address> state = new EntityState<>(new Address("a@b"), addresses, EntityState.Status.PERSISTENT);
        state.id(id);
        return state;
    }

    @Test
    void shouldTellClassesApartThatShareAKeyValue() {
        KeyTable table = new KeyTable();
        EntityState<User> user = user(7L);
        EntityState<Address> address = address(7L);
        assertThat(table.put(user)).isNull();
        assertThat(table.put(address)).isNull();

        assertThat(table.get(User.class, 7L)).isSameAs(user);
        assertThat(table.get(Address.class, 7L)).isSameAs(address);
        assertThat(table.get(User.class, 7))
                .as("an Integer is not the Long key")
                .isNull();
        assertThat(table.size()).isEqualTo(2);
    }

    @Test
    void shouldReplaceTheStateOfAKeyAndRemoveOnlyTheListedState() {
        KeyTable table = new KeyTable();
        EntityState<User> first = user(List.of(1L, "a"));
        EntityState<User> second = user(List.of(1L, "a"));
        table.put(first);

        assertThat(table.put(second)).isSameAs(first);
        table.remove(first);
        assertThat(table.get(User.class, List.of(1L, "a")))
                .as("first is no longer listed")
                .isSameAs(second);
        table.remove(second);
        assertThat(table.get(User.class, List.of(1L, "a"))).isNull();
        assertThat(table.size()).isZero();
    }

    @Test
    void shouldAgreeWithHashMapUnderRandomPutsLoadsAndRemovesAcrossGrowth() {
        Random random = new Random(7);
        KeyTable table = new KeyTable();
        Map<List<Object>, EntityState<?>> expected = new HashMap<>();
        List<EntityState<?>> states = new ArrayList<>();
        for (long i = 0; i < 3_000; i++) {
            // Keys in strides that share low bits, which a table indexed by the low bits of the hash would pile up.
            states.add(user(i * 1024));
            states.add(address(i * 1024));
            states.add(user(i * 16 + 1));
            states.add(user(5_000_000 + i)); // consecutive keys fill blocks of slots
        }
        for (int step = 0; step < 60_000; step++) {
            EntityState<?> state = states.get(random.nextInt(states.size()));
            List<Object> key = List.of(state.model().type(), state.id());
            int action = random.nextInt(3);
            if (action == 0) {
                table.remove(state);
                expected.remove(key, state);
            } else if (action == 1) {
                table.put(state);
                expected.put(key, state);
            } else {
                // As a load does: one walk finds the listed state or the free slot, which then lists the new one.
                int hash = KeyTable.hash(state.model().type(), java.util.Objects.requireNonNull(state.id()));
                int slot = table.indexOf(state.model().type(), state.id(), hash);
                if (slot >= 0) {
                    assertThat(table.at(slot)).isSameAs(expected.get(key));
                } else {
                    assertThat(expected).doesNotContainKey(key);
                    table.insertAt(-slot - 1, state, hash);
                    expected.put(key, state);
                }
            }
        }
        assertThat(table.size()).isEqualTo(expected.size());
        for (EntityState<?> state : states) {
            assertThat(table.get(state.model().type(), state.id()))
                    .isSameAs(expected.get(List.of(state.model().type(), state.id())));
        }
        for (EntityState<?> state : states) {
            table.remove(state);
        }
        assertThat(table.size()).isZero();
    }

    @Test
    void shouldForgetEverythingOnClear() {
        KeyTable table = new KeyTable();
        for (long i = 0; i < 100; i++) {
            table.put(user(i));
        }
        table.clear();
        assertThat(table.size()).isZero();
        assertThat(table.get(User.class, 1L)).isNull();
        EntityState<User> again = user(1L);
        table.put(again);
        assertThat(table.get(User.class, 1L)).isSameAs(again);
    }

    @Test
    void shouldKeepTablesThatStartedEmptyApart() {
        KeyTable empty = new KeyTable();
        KeyTable filled = new KeyTable();
        assertThat(empty.get(User.class, 1L)).isNull();
        empty.remove(user(1L));
        empty.clear();

        EntityState<User> listed = user(1L);
        filled.put(listed);
        assertThat(filled.get(User.class, 1L)).isSameAs(listed);
        assertThat(empty.get(User.class, 1L))
                .as("the first entry of one table does not appear in another")
                .isNull();
        assertThat(new KeyTable().get(User.class, 1L)).isNull();
        EntityState<User> own = user(1L);
        assertThat(empty.indexOf(User.class, 1L, KeyTable.hash(User.class, 1L))).isNegative();
        empty.put(own);
        assertThat(empty.get(User.class, 1L)).isSameAs(own);
        assertThat(filled.get(User.class, 1L)).isSameAs(listed);
    }
}
