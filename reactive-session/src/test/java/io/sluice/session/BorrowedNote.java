package io.sluice.session;

import io.sluice.session.mapping.Entity;
import io.sluice.session.mapping.Generated;
import io.sluice.session.mapping.Id;
import io.sluice.session.mapping.MappedColumn;

/** A note written by a session on a borrowed connection. */
@Entity(table = "borrowed_notes")
public class BorrowedNote {
    @Id
    @Generated
    private Integer id;

    @MappedColumn(length = 20)
    private String text;

    protected BorrowedNote() {}

    public BorrowedNote(String text) {
        this.text = text;
    }

    public String getText() {
        return text;
    }
}
