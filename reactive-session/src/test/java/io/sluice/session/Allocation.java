package io.sluice.session;

import io.sluice.session.mapping.Entity;
import io.sluice.session.mapping.Id;
import io.sluice.session.mapping.MappedColumn;
import java.math.BigDecimal;

/** An entity with a two-column key (budget, line), for tests of the flush with composite keys. */
@Entity(table = "session_allocations")
public class Allocation {

    @Id
    @MappedColumn(length = 20)
    private String budget;

    @Id
    private Integer line;

    @MappedColumn(precision = 12, scale = 2)
    private BigDecimal amount;

    protected Allocation() {}

    public Allocation(String budget, Integer line, String amount) {
        this.budget = budget;
        this.line = line;
        this.amount = new BigDecimal(amount);
    }

    public String getBudget() {
        return budget;
    }

    public Integer getLine() {
        return line;
    }

    public void setLine(Integer line) {
        this.line = line;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public void setAmount(BigDecimal amount) {
        this.amount = amount;
    }

    @Override
    public String toString() {
        return budget + "/" + line + " " + amount;
    }
}
