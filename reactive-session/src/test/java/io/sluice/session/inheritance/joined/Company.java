package io.sluice.session.inheritance.joined;

import io.sluice.session.ToMany;
import io.sluice.session.mapping.Entity;
import io.sluice.session.mapping.Generated;
import io.sluice.session.mapping.Id;
import io.sluice.session.mapping.OneToMany;

/** A company whose employees are of every class of a joined-table hierarchy (SQLAlchemy's inheritance example). */
@Entity(table = "jt_company")
public class Company {
    @Id
    @Generated
    private Integer id;

    private String name;

    @OneToMany(mappedBy = "company", orderBy = "id")
    private final ToMany<Employee> employees = ToMany.create(this);

    protected Company() {}

    public Company(String name) {
        this.name = name;
    }

    public Integer getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public ToMany<Employee> getEmployees() {
        return employees;
    }
}
