package io.sluice.session;

import io.sluice.session.mapping.Column;
import io.sluice.session.mapping.Generated;
import io.sluice.session.mapping.Id;
import io.sluice.session.mapping.Table;

/** A row a session inserts for itself, with a unique label, for concurrency and fault tests. */
@Table("rel_tickets")
public class Ticket {

    @Id
    @Generated
    private Long id;

    @Column(nullable = false)
    private Integer owner;

    @Column(length = 40, nullable = false, unique = true)
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
