package io.sluice.session;

import io.sluice.session.mapping.Entity;
import io.sluice.session.mapping.Id;
import io.sluice.session.mapping.MappedColumn;

/** A plain entity of many rows, for streaming tests. */
@Entity(table = "sluice_stream_rows")
public class StreamRow {

    @Id
    private Long id;

    @MappedColumn(length = 40, nullable = false)
    private String name;

    private Integer quantity;

    @MappedColumn(length = 40)
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
