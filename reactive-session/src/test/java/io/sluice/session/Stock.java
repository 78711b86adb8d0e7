package io.sluice.session;

import io.sluice.session.mapping.DatabaseGenerated;
import io.sluice.session.mapping.Entity;
import io.sluice.session.mapping.Id;
import io.sluice.session.mapping.MappedColumn;

/** Stock keyed by its SKU, with a status the database sets, for the upsert tests. */
@Entity(table = "upsert_stock")
public class Stock {
    @Id
    @MappedColumn(length = 10)
    private String sku;

    @MappedColumn(length = 30)
    private String name;

    private Integer quantity;

    @DatabaseGenerated
    @MappedColumn(length = 10, serverDefault = "'fresh'")
    private String status;

    protected Stock() {}

    public Stock(String sku, String name, Integer quantity) {
        this.sku = sku;
        this.name = name;
        this.quantity = quantity;
    }

    public String getSku() {
        return sku;
    }

    public String getName() {
        return name;
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

    @Override
    public String toString() {
        return "Stock " + sku;
    }
}
