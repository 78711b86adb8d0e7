package io.sluice.session;

import io.sluice.session.mapping.Column;
import io.sluice.session.mapping.Id;
import io.sluice.session.mapping.Table;

/** A plain entity of many rows, for streaming tests. */
@Table("sluice_stream_rows")
public class StreamRow {

    @Id
    private Long id;

    @Column(length = 40, nullable = false)
    private String name;

    private Integer quantity;

    @Column(length = 40)
    private String note;

    protected StreamRow() {}

    public StreamRow(Long id, String name, Integer quantity, String note) {
        this.id = id;
        this.name = name;
        this.quantity = quantity;
        this.note = note;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Integer getQuantity() {
        return quantity;
    }

    public String getNote() {
        return note;
    }

    @Override
    public String toString() {
        return "StreamRow(" + id + ", " + name + ")";
    }
}
