package io.sluice.session;

import io.sluice.session.mapping.Entity;
import io.sluice.session.mapping.Generated;
import io.sluice.session.mapping.Id;
import io.sluice.session.mapping.MappedColumn;
import io.sluice.session.mapping.OneToMany;

/** A user with addresses and posts (table {@code users}), for the session's own tests of loading, relationships and flushes. */
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

    @OneToMany(mappedBy = "user", orderBy = "id")
    private final ToMany<Address> addresses = ToMany.create(this);

    @OneToMany(mappedBy = "author")
    private final ToMany<BlogPost> posts = ToMany.create(this);

    protected User() {}

    public User(String name, String fullname, String nickname) {
        this.name = name;
        this.fullname = fullname;
        this.nickname = nickname;
    }

    public ToMany<Address> getAddresses() {
        return addresses;
    }

    public ToMany<BlogPost> getPosts() {
        return posts;
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

    public String getFullname() {
        return fullname;
    }

    public void setFullname(String fullname) {
        this.fullname = fullname;
    }

    public String getNickname() {
        return nickname;
    }

    public void setNickname(String nickname) {
        this.nickname = nickname;
    }
}
