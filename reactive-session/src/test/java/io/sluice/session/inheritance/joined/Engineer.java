package io.sluice.session.inheritance.joined;

import io.sluice.session.mapping.DiscriminatorValue;
import io.sluice.session.mapping.Entity;
import io.sluice.session.mapping.MappedColumn;

/** An engineer: a row in {@code jt_employee} and one in {@code jt_engineer}. */
@Entity(table = "jt_engineer")
@DiscriminatorValue("engineer")
public class Engineer extends Employee {
    @MappedColumn(length = 100, nullable = false) // NOT NULL in its own table
    private String engineerInfo;

    protected Engineer() {}

    public Engineer(String name, String engineerInfo) {
        super(name);
        this.engineerInfo = engineerInfo;
    }

    public String getEngineerInfo() {
        return engineerInfo;
    }

    public void setEngineerInfo(String engineerInfo) {
        this.engineerInfo = engineerInfo;
    }
}
