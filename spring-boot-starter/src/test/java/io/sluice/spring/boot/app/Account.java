package io.sluice.spring.boot.app;

import io.sluice.session.mapping.Entity;
import io.sluice.session.mapping.Generated;
import io.sluice.session.mapping.Id;
import io.sluice.session.mapping.MappedColumn;

/** An account of the test application. */
@Entity(table = "starter_accounts")
public class Account {

    @Id
    @Generated
    private Integer id;

    @MappedColumn(length = 50)
    private String name;

    protected Account() {}

    public Account(String name) {
        this.name = name;
    }

    public Integer getId() {
        return id;
    }

    public String getName() {
        return name;
    }
}
