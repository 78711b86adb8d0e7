package io.sluice.examples;

import io.sluice.session.ToMany;
import io.sluice.session.ToOne;
import io.sluice.session.mapping.Entity;
import io.sluice.session.mapping.Generated;
import io.sluice.session.mapping.Id;
import io.sluice.session.mapping.ManyToMany;
import io.sluice.session.mapping.ManyToOne;
import io.sluice.session.mapping.MappedColumn;
import org.jspecify.annotations.Nullable;

/**
 * The tutorial's {@code BlogPost}: a row of table {@code posts}, written by a {@link User} and linked to {@link Keyword}s
 * through the rows of the association table {@code post_keywords}.
 */
@Entity(table = "posts")
public class BlogPost {

    @Id
    @Generated
    private Integer id;

    /** The foreign key to the author. */
    private Integer userId;

    @MappedColumn(length = 255, nullable = false)
    private String headline;

    @MappedColumn(text = true)
    private String body;

    /** The author; {@link User}'s {@code posts} is the other side. */
    @ManyToOne(foreignKey = "userId")
    private final ToOne<User> author = ToOne.create(this);

    /** The keywords, linked through {@code post_keywords}; {@link Keyword}'s {@code posts} is the other side. */
    @ManyToMany(table = "post_keywords", joinColumn = "post_id", inverseJoinColumn = "keyword_id")
    private final ToMany<Keyword> keywords = ToMany.create(this);

    /** For Sluice, which fills the fields when it loads a row. */
    protected BlogPost() {}

    /**
     * Creates a transient post, as the tutorial's {@code __init__} does.
     *
     * @param headline the headline
     * @param body the text
     * @param author the author
     */
    public BlogPost(String headline, String body, User author) {
        this.author.set(author);
        this.headline = headline;
        this.body = body;
    }

    /**
     * Returns the primary key.
     *
     * @return the id, or {@code null} before the post is inserted
     */
    public @Nullable Integer getId() {
        return id;
    }

    /**
     * Returns the headline.
     *
     * @return the headline
     */
    public @Nullable String getHeadline() {
        return headline;
    }

    /**
     * Returns the text.
     *
     * @return the text
     */
    public @Nullable String getBody() {
        return body;
    }

    /**
     * Returns the reference to the author.
     *
     * @return the reference
     */
    public ToOne<User> getAuthor() {
        return author;
    }

    /**
     * Returns the keywords.
     *
     * @return the keywords
     */
    public ToMany<Keyword> getKeywords() {
        return keywords;
    }

    /**
     * Returns the tutorial's representation, {@code BlogPost(%r, %r, %r)} of the headline, body and author:
     * {@code BlogPost("Wendy's Blog Post", 'This is a test', <User(name='wendy', ...)>)}.
     */
    @Override
    public String toString() {
        return "BlogPost(" + repr(headline) + ", " + repr(body) + ", "
                + (author.isLoaded() ? repr(author.get()) : author) + ")";
    }

    /** Python's {@code repr} of a string (double quotes when it holds a single quote) or of an object. */
    private static String repr(@Nullable Object value) {
        if (value == null) {
            return "None";
        } else if (value instanceof String string) {
            return string.contains("'") && !string.contains("\"") ? "\"" + string + "\"" : "'" + string + "'";
        }
        return value.toString();
    }
}
