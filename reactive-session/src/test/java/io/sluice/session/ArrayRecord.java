package io.sluice.session;

import io.sluice.session.mapping.Entity;
import io.sluice.session.mapping.Id;
import java.util.List;
import java.util.UUID;

/** An entity with list and array fields stored in array columns. */
@Entity(table = "arr_records")
public class ArrayRecord {

    @Id
    Long id;

    List<String> tags;
    List<Integer> scores;
    List<Long> counts;
    List<UUID> owners;
    UUID[] refs;
    String[] labels;

    protected ArrayRecord() {}

    ArrayRecord(Long id) {
        this.id = id;
    }
}
