package io.sluice.session.cascade;

import io.sluice.session.ToMany;
import io.sluice.session.mapping.Cascade;
import io.sluice.session.mapping.Entity;
import io.sluice.session.mapping.Generated;
import io.sluice.session.mapping.Id;
import io.sluice.session.mapping.MappedColumn;
import io.sluice.session.mapping.OneToMany;

/** The tutorial's User as remapped in "Configuring delete/delete-orphan Cascade". */
@Entity(table = "users")
public class User {

    @Id
    @Generated
    private Integer id;

    @MappedColumn(length = 50)
    private String name;

    @MappedColumn(length = 50)
    private String fullname;

    @MappedColumn(length = 50)
    private String nickname;

    @OneToMany(
            mappedBy = "user",
            cascade = {Cascade.ALL, Cascade.DELETE_ORPHAN})
    private final ToMany<Address> addresses = ToMany.create(this);

    protected User() {}

    public Integer getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public ToMany<Address> getAddresses() {
        return addresses;
    }

    @Override
    public String toString() {
        return "<User(name='" + name + "', fullname='" + fullname + "', nickname='" + nickname + "')>";
    }
}
