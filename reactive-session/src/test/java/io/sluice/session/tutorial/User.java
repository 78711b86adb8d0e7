package io.sluice.session.tutorial;

import io.sluice.session.mapping.Column;
import io.sluice.session.mapping.Generated;
import io.sluice.session.mapping.Id;
import io.sluice.session.mapping.OneToMany;
import io.sluice.session.mapping.Table;
import io.sluice.session.relation.ToMany;

/** The tutorial's User. */
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

    @Override
    public String toString() {
        return "<User(name='" + name + "', fullname='" + fullname + "', nickname='" + nickname + "')>";
    }
}
