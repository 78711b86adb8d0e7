package io.sluice.session;

import io.sluice.session.mapping.Entity;
import io.sluice.session.mapping.Generated;
import io.sluice.session.mapping.Id;

/** An item updated and deleted in bulk. */
@Entity(table = "bulk_item")
public class BulkItem {
    @Id
    @Generated
    private Integer id;

    private String name;

    private String category;

    private Integer quantity;

    protected BulkItem() {}

    public BulkItem(String name, String category, int quantity) {
        this.name = name;
        this.category = category;
        this.quantity = quantity;
    }

    public Integer getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getCategory() {
        return category;
    }

    public Integer getQuantity() {
        return quantity;
    }

    public void setQuantity(Integer quantity) {
        this.quantity = quantity;
    }
}
