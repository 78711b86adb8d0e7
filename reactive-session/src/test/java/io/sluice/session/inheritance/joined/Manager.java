package io.sluice.session.inheritance.joined;

import io.sluice.session.mapping.DiscriminatorValue;
import io.sluice.session.mapping.Entity;

/** A manager: a row in {@code jt_employee} and one in {@code jt_manager}. */
@Entity(table = "jt_manager")
@DiscriminatorValue("manager")
public class Manager extends Employee {
    private String managerName;

    protected Manager() {}

    public Manager(String name, String managerName) {
        super(name);
        this.managerName = managerName;
    }

    public String getManagerName() {
        return managerName;
    }

    public void setManagerName(String managerName) {
        this.managerName = managerName;
    }
}
