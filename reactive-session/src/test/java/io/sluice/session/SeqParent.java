package io.sluice.session;

import io.sluice.session.mapping.Cascade;
import io.sluice.session.mapping.Entity;
import io.sluice.session.mapping.Generated;
import io.sluice.session.mapping.Id;
import io.sluice.session.mapping.MappedColumn;
import io.sluice.session.mapping.OneToMany;

/** A parent whose keys come from a sequence in blocks of 50, for the tests of generated keys. */
@Entity(table = "seq_parents")
public class SeqParent {

    @Id
    @Generated(strategy = Generated.Strategy.SEQUENCE, sequence = "seq_parent_ids", allocationSize = 50)
    private Long id;

    @MappedColumn(length = 30, nullable = false)
    private String name;

    @OneToMany(mappedBy = "parent", orderBy = "id", cascade = Cascade.ALL)
    private final ToMany<SeqChild> children = ToMany.create(this);

    protected SeqParent() {}

    public SeqParent(String name) {
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public ToMany<SeqChild> getChildren() {
        return children;
    }

    public SeqParent addChild(SeqChild child) {
        children.add(child);
        return this;
    }
}
