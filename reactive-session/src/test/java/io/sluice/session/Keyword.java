package io.sluice.session;

import io.sluice.session.mapping.Entity;
import io.sluice.session.mapping.Generated;
import io.sluice.session.mapping.Id;
import io.sluice.session.mapping.ManyToMany;
import io.sluice.session.mapping.MappedColumn;

/** A unique word that tags {@link BlogPost}s, for the session's own tests. */
@Entity(table = "keywords")
public class Keyword {

    @Id
    @Generated
    private Integer id;

    @MappedColumn(length = 50, nullable = false, unique = true)
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
