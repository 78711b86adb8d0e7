package io.sluice.examples;

import io.sluice.session.ToMany;
import io.sluice.session.mapping.Entity;
import io.sluice.session.mapping.Generated;
import io.sluice.session.mapping.Id;
import io.sluice.session.mapping.ManyToMany;
import io.sluice.session.mapping.MappedColumn;
import org.jspecify.annotations.Nullable;

/** The tutorial's {@code Keyword}: a row of table {@code keywords}, a unique word that tags {@link BlogPost}s. */
@Entity(table = "keywords")
public class Keyword {

    @Id
    @Generated
    private Integer id;

    @MappedColumn(length = 50, nullable = false, unique = true)
    private String keyword;

    /** The posts with this keyword: the other side of {@link BlogPost}'s {@code keywords}, which owns the association. */
    @ManyToMany(mappedBy = "keywords")
    private final ToMany<BlogPost> posts = ToMany.create(this);

    /** For Sluice, which fills the fields when it loads a row. */
    protected Keyword() {}

    /**
     * Creates a transient keyword.
     *
     * @param keyword the word
     */
    public Keyword(String keyword) {
        this.keyword = keyword;
    }

    /**
     * Returns the primary key.
     *
     * @return the id, or {@code null} before the keyword is inserted
     */
    public @Nullable Integer getId() {
        return id;
    }

    /**
     * Returns the word.
     *
     * @return the word
     */
    public @Nullable String getKeyword() {
        return keyword;
    }

    /**
     * Returns the posts with this keyword.
     *
     * @return the posts
     */
    public ToMany<BlogPost> getPosts() {
        return posts;
    }
}
