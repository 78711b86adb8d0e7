package io.sluice.examples;

import io.sluice.session.ToMany;
import io.sluice.session.mapping.Entity;
import io.sluice.session.mapping.Generated;
import io.sluice.session.mapping.Id;
import io.sluice.session.mapping.MappedColumn;
import io.sluice.session.mapping.OneToMany;
import org.jspecify.annotations.Nullable;

/**
 * The tutorial's mapped class: a row of table {@code users}. Its metamodel {@code User_} is generated at compile time, so that
 * queries read {@code User_.name.eq("ed")} and {@code User_.addresses.any()}.
 *
 * <p>The tutorial adds {@code User.addresses} in "Building a Relationship" and {@code User.posts} in "Building a Many To Many
 * Relationship"; a Java class is declared whole, so both are here from the start.
 */
@Entity(table = "users")
public class User {

    // The fields carry no @Nullable (though id is null until inserted): the metamodel processor would copy that type
    // annotation into User_ as "@org.jspecify.annotations.Nullable java.lang.String", which javac rejects.

    @Id
    @Generated
    private Integer id;

    @MappedColumn(length = 50)
    private String name;

    @MappedColumn(length = 50)
    private String fullname;

    @MappedColumn(length = 50)
    private String nickname;

    /** The user's addresses, ordered by id; an {@link Address}'s {@code user} is the other side. */
    @OneToMany(mappedBy = "user", orderBy = "id")
    private final ToMany<Address> addresses = ToMany.create(this);

    /** The posts the user wrote; a {@link BlogPost}'s {@code author} is the other side. */
    @OneToMany(mappedBy = "author")
    private final ToMany<BlogPost> posts = ToMany.create(this);

    /** For Sluice, which fills the fields when it loads a row. */
    protected User() {}

    /**
     * Creates a transient user; its id is {@code null} until the session inserts it.
     *
     * @param name the login name
     * @param fullname the full name
     * @param nickname the nickname
     */
    public User(String name, String fullname, String nickname) {
        this.name = name;
        this.fullname = fullname;
        this.nickname = nickname;
    }

    /**
     * Returns the primary key.
     *
     * @return the id, or {@code null} before the user is inserted
     */
    public @Nullable Integer getId() {
        return id;
    }

    /**
     * Returns the login name.
     *
     * @return the name
     */
    public @Nullable String getName() {
        return name;
    }

    /**
     * Sets the login name.
     *
     * @param name the name
     */
    public void setName(@Nullable String name) {
        this.name = name;
    }

    /**
     * Returns the full name.
     *
     * @return the full name
     */
    public @Nullable String getFullname() {
        return fullname;
    }

    /**
     * Sets the full name.
     *
     * @param fullname the full name
     */
    public void setFullname(@Nullable String fullname) {
        this.fullname = fullname;
    }

    /**
     * Returns the nickname.
     *
     * @return the nickname
     */
    public @Nullable String getNickname() {
        return nickname;
    }

    /**
     * Sets the nickname.
     *
     * @param nickname the nickname
     */
    public void setNickname(@Nullable String nickname) {
        this.nickname = nickname;
    }

    /**
     * Returns the user's addresses: empty and usable at once for a new user; for a loaded one, read through {@code flux()} or
     * loaded up front by an eager option.
     *
     * @return the addresses
     */
    public ToMany<Address> getAddresses() {
        return addresses;
    }

    /**
     * Returns the user's posts; {@code getPosts().query()} filters them in the database (the tutorial's dynamic relationship).
     *
     * @return the posts
     */
    public ToMany<BlogPost> getPosts() {
        return posts;
    }

    /** Returns the tutorial's representation: {@code <User(name='ed', fullname='Ed Jones', nickname='edsnickname')>}. */
    @Override
    public String toString() {
        return "<User(name='" + name + "', fullname='" + fullname + "', nickname='" + nickname + "')>";
    }
}
