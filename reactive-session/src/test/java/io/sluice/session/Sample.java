package io.sluice.session;

import io.sluice.session.mapping.Entity;
import io.sluice.session.mapping.Generated;
import io.sluice.session.mapping.Id;
import io.sluice.session.mapping.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

/** An entity with a column of each kind of value, for the property tests of values through the session. */
@Entity(table = "rel_samples")
public class Sample {

    @Id
    @Generated
    private Long id;

    private String label;
    private Integer whole;
    private Long big;
    private BigDecimal amount;
    private Double ratio;
    private LocalDate day;
    private LocalDateTime moment;
    private Instant instant;

    @Version
    private Long version;

    protected Sample() {}

    public Sample(List<Object> values) {
        set(values);
    }

    public Long getId() {
        return id;
    }

    public Long getVersion() {
        return version;
    }

    /** Returns label, whole, big, amount, ratio, day, moment and instant, in that order. */
    public List<Object> values() {
        return Arrays.asList(label, whole, big, amount, ratio, day, moment, instant);
    }

    /** Sets label, whole, big, amount, ratio, day, moment and instant, in that order. */
    public void set(List<Object> values) {
        label = (String) values.get(0);
        whole = (Integer) values.get(1);
        big = (Long) values.get(2);
        amount = (BigDecimal) values.get(3);
        ratio = (Double) values.get(4);
        day = (LocalDate) values.get(5);
        moment = (LocalDateTime) values.get(6);
        instant = (Instant) values.get(7);
    }

    @Override
    public String toString() {
        return "Sample(" + id + ")";
    }
}
