package io.sluice.session.inheritance;

import io.sluice.session.ToOne;
import io.sluice.session.mapping.DiscriminatorValue;
import io.sluice.session.mapping.Entity;
import io.sluice.session.mapping.Generated;
import io.sluice.session.mapping.Id;
import io.sluice.session.mapping.Inheritance;
import io.sluice.session.mapping.ManyToOne;
import io.sluice.session.mapping.MappedColumn;

/** The root of a single-table hierarchy: engineers and managers are employees in table {@code inh_employee}. */
@Entity(table = "inh_employee")
@Inheritance(
        discriminator = "type",
        subclasses = {Engineer.class, Manager.class})
@DiscriminatorValue("employee")
public class Employee {
    @Id
    @Generated
    private Integer id;

    @MappedColumn(length = 50, nullable = false)
    private String name;

    private Integer companyId;

    @ManyToOne
    private final ToOne<Company> company = ToOne.create(this);

    protected Employee() {}

    public Employee(String name) {
        this.name = name;
    }

    public Integer getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public ToOne<Company> getCompany() {
        return company;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + " " + name;
    }
}
