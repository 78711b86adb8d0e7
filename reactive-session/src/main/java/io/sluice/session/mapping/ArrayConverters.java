package io.sluice.session.mapping;

import io.sluice.core.sql.Converter;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The converters of list and array fields stored in array columns. */
final class ArrayConverters {

    private ArrayConverters() {}

    /**
     * Stores a {@code List<E>} as an {@code E[]}; reads it back as a new {@link ArrayList}, which the application may change in
     * place (the change is written at the next flush).
     */
    static final class ListConverter<E> implements Converter<List<E>, E[]> {
        private final Class<E> element;
        private final String where;

        ListConverter(Class<E> element, String where) {
            this.element = element;
            this.where = where;
        }

        @Override
        @SuppressWarnings("unchecked")
        public E[] toDatabase(List<E> value) {
            E[] array = (E[]) Array.newInstance(element, value.size());
            for (int i = 0; i < array.length; i++) {
                Object item = value.get(i);
                if (item != null && !element.isInstance(item)) {
                    throw new IllegalArgumentException(
                            where + " holds " + item.getClass().getName() + " " + item + " at index " + i
                                    + ", but its column holds " + element.getSimpleName() + " values");
                }
                array[i] = (E) item;
            }
            return array;
        }

        @Override
        public List<E> fromDatabase(E[] value) {
            return new ArrayList<>(Arrays.asList(value));
        }
    }

    /**
     * Stores an array field as a copy of itself, so that the session's snapshot does not share the array and sees changes of
     * its elements.
     */
    static final class CopyConverter<E> implements Converter<E[], E[]> {

        @Override
        public E[] toDatabase(E[] value) {
            return value.clone();
        }

        @Override
        public E[] fromDatabase(E[] value) {
            return value;
        }
    }
}
