package io.sluice.session.types;

import io.sluice.session.ToMany;
import io.sluice.session.mapping.Entity;
import io.sluice.session.mapping.Generated;
import io.sluice.session.mapping.Id;
import io.sluice.session.mapping.OneToMany;

/** A board of tickets, for loads of tickets through a relationship. */
@Entity(table = "dg_boards")
public class Board {

    @Id
    @Generated
    private Integer id;

    private String name;

    @OneToMany(mappedBy = "board")
    private final ToMany<Ticket> tickets = ToMany.create(this);

    protected Board() {}

    public Board(String name) {
        this.name = name;
    }

    public Integer getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public ToMany<Ticket> getTickets() {
        return tickets;
    }
}
