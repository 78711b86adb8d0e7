package io.sluice.session.types;

import java.util.ArrayList;
import java.util.List;

/** A mutable list of tags without equals: changes made in place are seen through its stored form only. */
public final class Tags {
    final List<String> values = new ArrayList<>();

    public Tags add(String tag) {
        values.add(tag);
        return this;
    }

    public List<String> values() {
        return values;
    }

    public static final class Joined implements io.sluice.core.sql.Converter<Tags, String> {
        @Override
        public String toDatabase(Tags value) {
            return String.join(",", value.values);
        }

        @Override
        public Tags fromDatabase(String value) {
            Tags tags = new Tags();
            if (!value.isEmpty()) {
                for (String tag : value.split(",")) {
                    tags.add(tag);
                }
            }
            return tags;
        }
    }
}
