package io.sluice.session;

import io.sluice.session.mapping.Entity;
import io.sluice.session.mapping.Id;
import io.sluice.session.mapping.MappedColumn;

/** A member of staff with a manager: a tree walked with a recursive common table expression. */
@Entity(table = "sqlmore_staff_member")
public class StaffMember {
    @Id
    private Integer id;

    @MappedColumn(length = 40, nullable = false)
    private String name;

    private Integer managerId;

    private Integer salary;

    protected StaffMember() {}

    public StaffMember(int id, String name, Integer managerId, int salary) {
        this.id = id;
        this.name = name;
        this.managerId = managerId;
        this.salary = salary;
    }

    public Integer getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Integer getSalary() {
        return salary;
    }

    public void setSalary(Integer salary) {
        this.salary = salary;
    }

    @Override
    public String toString() {
        return name;
    }
}
