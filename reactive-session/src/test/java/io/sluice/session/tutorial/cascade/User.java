package io.sluice.session.tutorial.cascade;

import io.sluice.session.mapping.Column;
import io.sluice.session.mapping.Generated;
import io.sluice.session.mapping.Id;
import io.sluice.session.mapping.OneToMany;
import io.sluice.session.mapping.Table;
import io.sluice.session.relation.Cascade;
import io.sluice.session.relation.ToMany;

/** The tutorial's User as remapped in "Configuring delete/delete-orphan Cascade". */
@Table("users")
public class User {

    @Id
    @Generated
    private Integer id;

    @Column(length = 50)
    private String name;

    @Column(length = 50)
    private String fullname;

    @Column(length = 50)
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
