package io.sluice.session;

import io.sluice.session.mapping.Entity;
import io.sluice.session.mapping.Generated;
import io.sluice.session.mapping.Id;
import io.sluice.session.mapping.ManyToMany;
import io.sluice.session.mapping.ManyToOne;
import io.sluice.session.mapping.MappedColumn;

/** A post written by a {@link User} and tagged with {@link Keyword}s through {@code post_keywords}, for the session's own tests. */
@Entity(table = "posts")
public class BlogPost {

    @Id
    @Generated
    private Integer id;

    private Integer userId;

    @MappedColumn(length = 255, nullable = false)
    private String headline;

    @MappedColumn(text = true)
    private String body;

    @ManyToOne(foreignKey = "userId")
    private final ToOne<User> author = ToOne.create(this);

    @ManyToMany(table = "post_keywords", joinColumn = "post_id", inverseJoinColumn = "keyword_id")
    private final ToMany<Keyword> keywords = ToMany.create(this);

    protected BlogPost() {}

    public BlogPost(String headline, String body, User author) {
        this.author.set(author);
        this.headline = headline;
        this.body = body;
    }

    public ToOne<User> getAuthor() {
        return author;
    }

    public ToMany<Keyword> getKeywords() {
        return keywords;
    }
}
