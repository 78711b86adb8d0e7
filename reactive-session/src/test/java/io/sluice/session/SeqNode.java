package io.sluice.session;

import io.sluice.session.mapping.Cascade;
import io.sluice.session.mapping.Entity;
import io.sluice.session.mapping.Generated;
import io.sluice.session.mapping.Id;
import io.sluice.session.mapping.ManyToOne;
import io.sluice.session.mapping.MappedColumn;
import io.sluice.session.mapping.OneToMany;

/** A node of a tree in one table, with sequence keys, for the tests of generated keys. */
@Entity(table = "seq_nodes")
public class SeqNode {

    @Id
    @Generated(strategy = Generated.Strategy.SEQUENCE, sequence = "seq_node_ids", allocationSize = 10)
    private Long id;

    @MappedColumn(length = 30, nullable = false)
    private String name;

    private Long parentId;

    @ManyToOne
    private final ToOne<SeqNode> parent = ToOne.create(this);

    @OneToMany(mappedBy = "parent", orderBy = "id", cascade = Cascade.ALL)
    private final ToMany<SeqNode> children = ToMany.create(this);

    protected SeqNode() {}

    public SeqNode(String name) {
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    public Long getParentId() {
        return parentId;
    }

    public ToMany<SeqNode> getChildren() {
        return children;
    }

    public SeqNode add(SeqNode child) {
        children.add(child);
        return this;
    }
}
