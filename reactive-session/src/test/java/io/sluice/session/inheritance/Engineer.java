package io.sluice.session.inheritance;

import io.sluice.session.mapping.DiscriminatorValue;
import io.sluice.session.mapping.Entity;
import io.sluice.session.mapping.MappedColumn;

/** An engineer: an employee with engineering information. */
@Entity
@DiscriminatorValue("engineer")
public class Engineer extends Employee {
    @MappedColumn(length = 100, nullable = false) // nullable in the shared table: managers have none
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
