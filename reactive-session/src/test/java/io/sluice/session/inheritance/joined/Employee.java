package io.sluice.session.inheritance.joined;

import io.sluice.session.ToOne;
import io.sluice.session.mapping.DiscriminatorValue;
import io.sluice.session.mapping.Entity;
import io.sluice.session.mapping.Generated;
import io.sluice.session.mapping.Id;
import io.sluice.session.mapping.Inheritance;
import io.sluice.session.mapping.ManyToOne;
import io.sluice.session.mapping.MappedColumn;
import io.sluice.session.mapping.Version;

/**
 * The root of a joined-table hierarchy: every employee has a row in {@code jt_employee}; engineers and managers also one in
 * their own table.
 */
@Entity(table = "jt_employee")
@Inheritance(
        strategy = Inheritance.Strategy.JOINED,
        discriminator = "type",
        subclasses = {Engineer.class, Manager.class})
@DiscriminatorValue("employee")
public class Employee {
    @Id
    @Generated
    private Integer id;

    @MappedColumn(length = 50, nullable = false)
    private String name;

    @Version
    private Integer version;

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

    public Integer getVersion() {
        return version;
    }

    public ToOne<Company> getCompany() {
        return company;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + " " + name;
    }
}
