package io.sluice.session.tutorial;

import io.sluice.session.mapping.Column;
import io.sluice.session.mapping.Generated;
import io.sluice.session.mapping.Id;
import io.sluice.session.mapping.ManyToMany;
import io.sluice.session.mapping.Table;
import io.sluice.session.relation.ToMany;

/** The tutorial's Keyword. */
@Table("keywords")
public class Keyword {

    @Id
    @Generated
    private Integer id;

    @Column(length = 50, nullable = false, unique = true)
    private String keyword;

    @ManyToMany(mappedBy = "keywords")
    private final ToMany<BlogPost> posts = ToMany.create(this);

    protected Keyword() {}

    public Keyword(String keyword) {
        this.keyword = keyword;
    }

    public String getKeyword() {
        return keyword;
    }

    public ToMany<BlogPost> getPosts() {
        return posts;
    }
}
