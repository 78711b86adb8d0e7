package io.sluice.session;

import io.sluice.session.mapping.Entity;
import io.sluice.session.mapping.Id;
import io.sluice.session.mapping.Version;

/** A counter row with an assigned key and a version, which concurrent sessions increment. */
@Entity(table = "rel_counters")
public class Counter {

    @Id
    private Integer id;

    private Long hits;

    @Version
    private Long version;

    protected Counter() {}

    public Counter(int id) {
        this.id = id;
        this.hits = 0L;
    }

    public Integer getId() {
        return id;
    }

    public Long getHits() {
        return hits;
    }

    public void increment() {
        hits = hits + 1;
    }

    public Long getVersion() {
        return version;
    }

    @Override
    public String toString() {
        return "Counter(" + id + ", " + hits + ")";
    }
}
