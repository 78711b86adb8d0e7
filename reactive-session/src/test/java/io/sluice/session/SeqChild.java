package io.sluice.session;

import io.sluice.session.mapping.Entity;
import io.sluice.session.mapping.Generated;
import io.sluice.session.mapping.Id;
import io.sluice.session.mapping.ManyToOne;
import io.sluice.session.mapping.MappedColumn;

/** A child of a {@link SeqParent}, with integer keys from a sequence in blocks of 100 and a unique code. */
@Entity(table = "seq_children")
public class SeqChild {

    @Id
    @Generated(strategy = Generated.Strategy.SEQUENCE, sequence = "seq_child_ids", allocationSize = 100)
    private Integer id;

    @MappedColumn(length = 30, nullable = false, unique = true)
    private String code;

    private Long parentId;

    @ManyToOne
    private final ToOne<SeqParent> parent = ToOne.create(this);

    protected SeqChild() {}

    public SeqChild(String code) {
        this.code = code;
    }

    public Integer getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public Long getParentId() {
        return parentId;
    }

    public ToOne<SeqParent> getParent() {
        return parent;
    }
}
