package io.sluice.session;

import io.sluice.session.mapping.Entity;
import io.sluice.session.mapping.Generated;
import io.sluice.session.mapping.Id;
import io.sluice.session.mapping.MappedColumn;

/** A row a session inserts for itself, with a unique label, for concurrency and fault tests. */
@Entity(table = "rel_tickets")
public class Ticket {

    @Id
    @Generated
    private Long id;

    @MappedColumn(nullable = false)
    private Integer owner;

    @MappedColumn(length = 40, nullable = false, unique = true)
    private String label;

    protected Ticket() {}

    public Ticket(int owner, String label) {
        this.owner = owner;
        this.label = label;
    }

    public Long getId() {
        return id;
    }

    public Integer getOwner() {
        return owner;
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return "Ticket(" + owner + ", " + label + ")";
    }
}
