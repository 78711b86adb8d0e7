package io.sluice.session.types;

import io.sluice.session.ToOne;
import io.sluice.session.mapping.DatabaseGenerated;
import io.sluice.session.mapping.Entity;
import io.sluice.session.mapping.Formula;
import io.sluice.session.mapping.Generated;
import io.sluice.session.mapping.Id;
import io.sluice.session.mapping.ManyToOne;
import io.sluice.session.mapping.MappedColumn;
import java.time.LocalDateTime;

/**
 * A ticket with every kind of column the database sets or the flush leaves alone: server defaults read back after INSERT, a
 * computed column and a trigger-bumped revision read back after INSERT and UPDATE, an insert-only and a read-only column, and
 * two formulas (one naming {@code id}, which the boards' table has too, and {@code 'id'} in quotes).
 */
@Entity(table = "dg_tickets")
public class Ticket {

    @Id
    @Generated
    private Integer id;

    @MappedColumn(length = 40)
    private String title;

    private Integer quantity;

    private Integer price;

    @DatabaseGenerated
    @MappedColumn(length = 10, serverDefault = "'open'")
    private String status;

    @DatabaseGenerated
    @MappedColumn(serverDefault = "CURRENT_TIMESTAMP", updatable = false)
    private LocalDateTime createdAt;

    @DatabaseGenerated(on = DatabaseGenerated.Event.INSERT_AND_UPDATE, computedAs = "quantity * price")
    private Integer total;

    @DatabaseGenerated(on = DatabaseGenerated.Event.INSERT_AND_UPDATE)
    @MappedColumn(serverDefault = "0", nullable = false)
    private Integer revision;

    @MappedColumn(length = 20, updatable = false)
    private String code;

    @MappedColumn(length = 20, insertable = false, updatable = false, serverDefault = "'n/a'")
    private String note;

    @Formula("quantity * price + 1")
    private Integer amount;

    @Formula("CONCAT(title, ' id ', id)")
    private String label;

    private Integer boardId;

    @ManyToOne
    private final ToOne<Board> board = ToOne.create(this);

    protected Ticket() {}

    public Ticket(String title, int quantity, int price, String code) {
        this.title = title;
        this.quantity = quantity;
        this.price = price;
        this.code = code;
    }

    public Integer getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public Integer getQuantity() {
        return quantity;
    }

    public void setQuantity(Integer quantity) {
        this.quantity = quantity;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public LocalDateTime getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(LocalDateTime createdAt) {
        this.createdAt = createdAt;
    }

    public Integer getTotal() {
        return total;
    }

    public void setTotal(Integer total) {
        this.total = total;
    }

    public Integer getRevision() {
        return revision;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public Integer getAmount() {
        return amount;
    }

    public void setAmount(Integer amount) {
        this.amount = amount;
    }

    public String getLabel() {
        return label;
    }

    public ToOne<Board> getBoard() {
        return board;
    }
}
