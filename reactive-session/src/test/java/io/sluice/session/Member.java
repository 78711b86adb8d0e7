package io.sluice.session;

import io.sluice.session.mapping.Entity;
import io.sluice.session.mapping.Generated;
import io.sluice.session.mapping.Id;
import io.sluice.session.mapping.MappedColumn;

/** A member with a generated key and a unique email, upserted by the email. */
@Entity(table = "upsert_member")
public class Member {
    @Id
    @Generated
    private Integer id;

    @MappedColumn(length = 40, nullable = false, unique = true)
    private String email;

    @MappedColumn(length = 30)
    private String name;

    protected Member() {}

    public Member(String email, String name) {
        this.email = email;
        this.name = name;
    }

    public Integer getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    @Override
    public String toString() {
        return "Member " + email;
    }
}
