package io.sluice.spring.boot.scan;

import io.sluice.session.mapping.Entity;
import io.sluice.session.mapping.Generated;
import io.sluice.session.mapping.Id;

/** An entity of a package named by @SluiceEntityScan. */
@Entity(table = "starter_notes")
public class Note {

    @Id
    @Generated
    private Integer id;

    private String text;

    protected Note() {}
}
