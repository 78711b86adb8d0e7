package io.sluice.session.inheritance;

import io.sluice.session.mapping.DiscriminatorValue;
import io.sluice.session.mapping.Entity;

/** A manager: an employee with a manager name. */
@Entity
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
