package io.sluice.examples.web;

import io.sluice.session.ToMany;
import io.sluice.session.mapping.Cascade;
import io.sluice.session.mapping.Entity;
import io.sluice.session.mapping.Generated;
import io.sluice.session.mapping.Id;
import io.sluice.session.mapping.MappedColumn;
import io.sluice.session.mapping.OneToMany;
import io.sluice.session.mapping.Version;
import org.jspecify.annotations.Nullable;

/** A user of the web application, with a version that guards concurrent updates, and addresses deleted with it. */
@Entity(table = "web_users")
public class User {

    @Id
    @Generated
    private @Nullable Integer id;

    @MappedColumn(length = 50, nullable = false)
    private String name = "";

    @MappedColumn(length = 50)
    private @Nullable String fullname;

    @MappedColumn(length = 50)
    private @Nullable String nickname;

    @Version
    private @Nullable Long version;

    @OneToMany(
            mappedBy = "user",
            orderBy = "id",
            cascade = {Cascade.ALL, Cascade.DELETE_ORPHAN})
    private final ToMany<Address> addresses = ToMany.create(this);

    protected User() {}

    public User(String name, @Nullable String fullname, @Nullable String nickname) {
        this.name = name;
        this.fullname = fullname;
        this.nickname = nickname;
    }

    public @Nullable Integer getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public @Nullable String getFullname() {
        return fullname;
    }

    public void setFullname(@Nullable String fullname) {
        this.fullname = fullname;
    }

    public @Nullable String getNickname() {
        return nickname;
    }

    public void setNickname(@Nullable String nickname) {
        this.nickname = nickname;
    }

    public @Nullable Long getVersion() {
        return version;
    }

    public ToMany<Address> getAddresses() {
        return addresses;
    }

    @Override
    public String toString() {
        return "User(" + id + ", " + name + ")";
    }
}
